import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { settleDueTransitions } from '../domain/due-transitions';
import { readDesiredState } from './desired-state';
import { planReconcile, type EngineAction } from './reconcile-plan';
import { recordObservation } from './record-observation';
import { recordSessions, sessionHighWaterMarks } from './record-sessions';
import { EngineError, type Device, type ObservedEngine, type ObservedSession, type RemoteSupportEngine } from './remote-support-engine';

export interface ReconcilerOptions {
  db: Db;
  engine: RemoteSupportEngine;
  now: () => Date;
  /** A full compare (and drift check) even when nothing changed in the portal. Default 60 s. */
  intervalMs?: number;
  /** After a failed reconcile: wait this long, doubled per failure up to `maxBackoffMs`. Defaults 1 s, 60 s. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A line per failed reconcile; it carries the engine's error, never a credential. */
  log?: (line: string) => void;
}

export type ReconcileOutcome = { ok: true; applied: number; refused: number } | { ok: false; code: EngineError['code']; message: string };

/** Passes per reconcile: groups and accounts first, then access that needed them; a third for safety. */
const MAX_PASSES = 3;

/**
 * Keeps the engine equal to the portal. A reconcile runs after every change (`kick`, and the outbox rows
 * the change's transaction wrote), on a timer, and at start when the outbox is not empty (a change made
 * while the engine was away, or before a crash). One reconcile at a time; a kick during one runs another
 * after it. A reconcile compares states, so repeating it is harmless, and it deletes only the outbox rows
 * that existed when it started: a change made during it is reconciled again.
 */
export class EngineReconciler {
  private readonly intervalMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private running: Promise<ReconcileOutcome> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Session-log entries already reported as unreadable: the engine resends them on every read. */
  private readonly reportedSkips = new Set<string>();

  constructor(private readonly options: ReconcilerOptions) {
    this.intervalMs = options.intervalMs ?? 60_000;
    this.initialBackoffMs = options.initialBackoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 60_000;
  }

  start(): void {
    this.kick();
  }

  /** Reconcile soon: now if idle, else right after the running one. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.startReconcile();
  }

  /**
   * Runs a reconcile that starts after this call (one already running may have observed the engine before
   * the change the caller made) and says how it went.
   */
  async reconcile(): Promise<ReconcileOutcome> {
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) return this.running;
    }
    return this.startReconcile();
  }

  private startReconcile(): Promise<ReconcileOutcome> {
    this.clearTimer();
    this.running = this.reconcileOnce().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.again) {
        this.again = false;
        void this.startReconcile();
      } else {
        this.schedule();
      }
    });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    await this.running?.catch(() => undefined);
    await this.options.engine.close();
  }

  private schedule(): void {
    const { failures } = this.runState();
    const delay = failures === 0 ? (this.pendingChanges() > 0 ? 0 : this.intervalMs) : Math.min(this.maxBackoffMs, this.initialBackoffMs * 2 ** (failures - 1));
    this.timer = setTimeout(() => void this.startReconcile(), delay);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async reconcileOnce(): Promise<ReconcileOutcome> {
    const { db, engine, now } = this.options;
    const startedAt = now();
    prepared(db, 'UPDATE engine_runs SET last_attempt_at = ? WHERE id = 1').run(startedAt.toISOString());
    const lastOutboxId = (): number => prepared(db, 'SELECT coalesce(max(id), 0) FROM engine_outbox').pluck().get() as number;
    try {
      // Expiries first: the outbox rows they write are part of this reconcile.
      settleDueTransitions(db, startedAt, false);
      const upTo = lastOutboxId();
      const refusals = new Map<string, string>();
      let applied = 0;
      let observed: ObservedEngine = await engine.observe();
      let desired = readDesiredState(db, now());
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const actions = planReconcile(desired, observed, engine.accountsAtFirstSignIn).filter((action) => !refusals.has(action.key));
        if (actions.length === 0) break;
        for (const action of actions) {
          try {
            await apply(engine, action, observed);
            applied++;
          } catch (error) {
            // The engine refused this one change: report it on its object and go on with the others.
            if (error instanceof EngineError && error.code === 'REFUSED') refusals.set(action.key, error.message);
            else throw error;
          }
        }
        observed = await engine.observe();
        desired = readDesiredState(db, now());
      }
      const sessions = await this.readSessions(observed.devices);
      db.transaction(() => {
        // Rows written after `upTo` by changes made meanwhile stay, for the next reconcile; rows written by
        // recording this one (a service becoming active) describe what it already did.
        const beforeRecord = lastOutboxId();
        recordObservation(db, desired, observed, refusals, now());
        recordSessions(db, observed.devices, sessions);
        prepared(db, 'DELETE FROM engine_outbox WHERE id <= ? OR id > ?').run(upTo, beforeRecord);
        prepared(db, 'UPDATE engine_runs SET last_success_at = ?, failures = 0, last_error_code = NULL, last_error = NULL WHERE id = 1').run(now().toISOString());
      })();
      return { ok: true, applied, refused: refusals.size };
    } catch (error) {
      const failure = error instanceof EngineError ? error : new EngineError('PROTOCOL', error instanceof Error ? error.message : String(error));
      prepared(db, 'UPDATE engine_runs SET failures = failures + 1, last_error_code = ?, last_error = ? WHERE id = 1').run(failure.code, failure.message);
      this.options.log?.(`engine reconcile failed: ${failure.code}: ${failure.message}`);
      return { ok: false, code: failure.code, message: failure.message };
    }
  }

  /**
   * The sessions logged on the portal's machines since the latest end the portal holds. A log the engine answers
   * with something the adapter cannot read does not fail the reconcile (the state is what it must keep right);
   * nothing is marked read, so the next reconcile reads the same again. An unreachable engine fails it as usual.
   */
  private async readSessions(devices: readonly Device[]): Promise<ObservedSession[]> {
    const { db, engine, log } = this.options;
    try {
      const { sessions, skipped } = await engine.observeSessions(devices, sessionHighWaterMarks(db, devices));
      for (const reason of skipped) {
        if (this.reportedSkips.has(reason)) continue;
        if (this.reportedSkips.size > 10_000) this.reportedSkips.clear();
        this.reportedSkips.add(reason);
        log?.(`engine session log: left out ${reason}`);
      }
      return sessions;
    } catch (error) {
      if (!(error instanceof EngineError) || (error.code !== 'PROTOCOL' && error.code !== 'REFUSED')) throw error;
      log?.(`engine session log not read: ${error.code}: ${error.message}`);
      return [];
    }
  }

  private runState(): { failures: number } {
    return prepared(this.options.db, 'SELECT failures FROM engine_runs WHERE id = 1').get() as { failures: number };
  }

  private pendingChanges(): number {
    return prepared(this.options.db, 'SELECT count(*) FROM engine_outbox').pluck().get() as number;
  }
}

async function apply(engine: RemoteSupportEngine, action: EngineAction, observed: ObservedEngine): Promise<void> {
  switch (action.kind) {
    case 'createGroup':
      return engine.createGroup(action.group);
    case 'renameGroup':
      return engine.renameGroup(action.group, action.fullName);
    case 'createAccount':
      return engine.createAccount(action.account);
    case 'putAccess':
      return engine.putAccess(action.access, action.group, new Map(observed.accounts.map((account) => [account.userId, account])), action.existing);
    case 'removeAccess':
      return engine.removeAccess(action.access);
    case 'deleteAccount':
      return engine.deleteAccount(action.account);
    case 'deleteGroup':
      return engine.deleteGroup(action.group);
  }
}
