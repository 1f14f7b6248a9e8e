import { describe, expect, it, vi } from 'vitest';
import { LeaveGuard } from './leave-guard';

describe('LeaveGuard', () => {
  it('lets a leave go at once when no form holds unsaved edits', () => {
    const guard = new LeaveGuard();
    const leave = vi.fn();
    expect(guard.attempt(leave)).toBe(true);
    expect(leave).toHaveBeenCalledOnce();
    expect(guard.pending).toBe(false);
  });

  it('keeps a leave while a form holds edits, until the user confirms it', () => {
    const guard = new LeaveGuard();
    const changed = vi.fn();
    guard.subscribe(changed);
    guard.hold();
    const leave = vi.fn();
    expect(guard.attempt(leave)).toBe(false);
    expect(leave).not.toHaveBeenCalled();
    expect(guard.pending).toBe(true);
    guard.confirm();
    expect(leave).toHaveBeenCalledOnce();
    expect(guard.pending).toBe(false);
    expect(changed).toHaveBeenCalledTimes(2);
  });

  it('drops the leave when the user stays, and the edits keep holding', () => {
    const guard = new LeaveGuard();
    guard.hold();
    const leave = vi.fn();
    guard.attempt(leave);
    guard.cancel();
    expect(leave).not.toHaveBeenCalled();
    expect(guard.pending).toBe(false);
    expect(guard.holding).toBe(true);
    guard.confirm();
    expect(leave).not.toHaveBeenCalled();
  });

  it('asks about the latest leave only', () => {
    const guard = new LeaveGuard();
    guard.hold();
    const first = vi.fn();
    const second = vi.fn();
    guard.attempt(first);
    guard.attempt(second);
    guard.confirm();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledOnce();
  });

  it('holds while any form holds, and not after each has released', () => {
    const guard = new LeaveGuard();
    const releaseA = guard.hold();
    const releaseB = guard.hold();
    releaseA();
    expect(guard.holding).toBe(true);
    releaseB();
    releaseB();
    expect(guard.holding).toBe(false);
    const leave = vi.fn();
    expect(guard.attempt(leave)).toBe(true);
    expect(leave).toHaveBeenCalledOnce();
  });
});
