import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtBundles, requireBuilt } from './built-output';

export interface StandInRecord {
  what: string;
  at: number;
  [detail: string]: unknown;
}

export interface LaunchOptions {
  packaged: boolean;
  args?: string[];
  /** Written to the data folder's settings.json before the launch. */
  settings?: unknown;
}

type Message = { type: 'record'; entry: StandInRecord } | { type: 'answer'; id: number; result?: unknown; error?: string };

const register = new URL('./electron-stand-in/register.mjs', import.meta.url).href;

/**
 * The BUILT main bundle in a child Node process whose `electron` is the recording stand-in: what it
 * asked of Electron (records) and a way to act as Electron would (protocol fetch, IPC invoke, quit).
 */
export class StandInApp {
  readonly records: StandInRecord[] = [];
  readonly dir: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #child: ChildProcess;
  #output = '';
  #nextId = 1;
  #answers = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #waiters: Array<() => void> = [];

  private constructor(options: LaunchOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'stand-in-'));
    if (options.settings !== undefined) {
      mkdirSync(join(this.dir, 'userData'), { recursive: true });
      writeFileSync(join(this.dir, 'userData', 'settings.json'), JSON.stringify(options.settings));
    }
    this.#child = fork(requireBuilt(builtBundles.main), options.args ?? [], {
      execArgv: ['--import', register],
      env: { ...process.env, STAND_IN_DIR: this.dir, STAND_IN_PACKAGED: options.packaged ? '1' : '0' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.#child.stdout?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    this.#child.stderr?.on('data', (chunk: Buffer) => (this.#output += chunk.toString()));
    this.#child.on('message', (message: Message) => this.#receive(message));
    this.exited = new Promise((resolve) => this.#child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      for (const { reject } of this.#answers.values()) reject(new Error(`main exited\n${this.#output}\n${JSON.stringify(this.records.slice(-3))}`));
      this.#notify();
    });
  }

  static launch(options: LaunchOptions): StandInApp {
    return new StandInApp(options);
  }

  get output(): string {
    return this.#output;
  }

  get dataDir(): string {
    return join(this.dir, 'userData');
  }

  get logDir(): string {
    return join(this.dir, 'logs');
  }

  all(what: string): StandInRecord[] {
    return this.records.filter((entry) => entry.what === what);
  }

  indexOf(what: string): number {
    return this.records.findIndex((entry) => entry.what === what);
  }

  /** Resolves with the first record named `what` (and matching), failing with main's output if it ends first. */
  async waitFor(what: string, matches: (entry: StandInRecord) => boolean = () => true, timeoutMs = 60_000): Promise<StandInRecord> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.records.find((entry) => entry.what === what && matches(entry));
      if (found) return found;
      if (this.#child.exitCode !== null || this.#child.signalCode !== null) throw new Error(`main exited before ${what}\n${this.#output}`);
      if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms\n${this.#output}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  request<T = unknown>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
    const id = this.#nextId++;
    return new Promise<T>((resolve, reject) => {
      if (this.#child.exitCode !== null || this.#child.signalCode !== null) {
        reject(new Error(`main exited before ${type}\n${this.#output}\n${JSON.stringify(this.records.slice(-3))}`));
        return;
      }
      this.#answers.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#child.send({ type, id, ...payload }, (error) => {
        if (!error) return;
        this.#answers.delete(id);
        reject(new Error(`main exited before ${type}\n${this.#output}\n${JSON.stringify(this.records.slice(-3))}`));
      });
    });
  }

  kill(): void {
    if (this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #receive(message: Message): void {
    if (message.type === 'record') {
      this.records.push(message.entry);
      this.#notify();
      return;
    }
    const waiting = this.#answers.get(message.id);
    this.#answers.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.result);
  }

  #notify(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }
}
