import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../log/memory-logger';
import { createQuitGuard } from './quit-guard';

function quitEvent() {
  return { preventDefault: vi.fn() };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the quit guard', () => {
  it('holds the first quit until the core has closed, then quits; the second before-quit passes', async () => {
    const closed = deferred();
    const quit = vi.fn();
    const guard = createQuitGuard({ close: () => closed.promise, quit, logger: createMemoryLogger() });

    const first = quitEvent();
    guard.beforeQuit(first);
    expect(first.preventDefault).toHaveBeenCalledOnce();
    expect(guard.state).toBe('closing');

    const whileClosing = quitEvent();
    guard.beforeQuit(whileClosing);
    expect(whileClosing.preventDefault).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(quit).not.toHaveBeenCalled();

    closed.resolve();
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    const again = quitEvent();
    guard.beforeQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(guard.state).toBe('closed');
  });

  it('quits after the time limit when closing hangs, and says so in the log', async () => {
    const quit = vi.fn();
    const logger = createMemoryLogger();
    const guard = createQuitGuard({ close: () => new Promise(() => {}), quit, logger, timeLimitMs: 20 });
    guard.beforeQuit(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(logger.entries.map((entry) => entry.event)).toContain('app.close-timed-out');
  });

  it('quits when closing fails, and logs the failure', async () => {
    const quit = vi.fn();
    const logger = createMemoryLogger();
    const guard = createQuitGuard({ close: async () => Promise.reject(new Error('disk gone')), quit, logger });
    guard.beforeQuit(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledOnce());
    expect(logger.entries).toContainEqual(expect.objectContaining({ event: 'app.close-failed', fields: expect.objectContaining({ error: 'disk gone' }) }));
  });

  it('closes once for a session end and a quit that follows it', async () => {
    const close = vi.fn(async () => {});
    const quit = vi.fn();
    const guard = createQuitGuard({ close, quit, logger: createMemoryLogger() });
    await guard.closeNow('session-end');
    guard.beforeQuit(quitEvent());
    expect(close).toHaveBeenCalledOnce();
  });
});
