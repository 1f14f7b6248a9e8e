import type { Db } from '../db/database';
import type { Actor } from '../domain/actor';
import { writeAuditEvent } from '../domain/audit-log';
import { Problem } from '../http/problem';
import type { EngineConfig } from './engine-config';
import { EngineReconciler } from './engine-reconciler';
import { findEngineFinding, readEngineStatus, type EngineStatus } from './engine-read-model';
import { EngineError, type RemoteSupportEngine } from './remote-support-engine';
import { setEngineMode } from './engine-mode';

/** The engine as the routes see it: its status, a nudge after each change, and the confirmed removal of drift. */
export interface EngineRuntime {
  readonly config: EngineConfig;
  status(): EngineStatus;
  /** After a change in the portal: the engine follows as soon as it can. */
  changed(): void;
  removeFinding(actor: Actor, id: string): Promise<void>;
  /** Runs one reconcile now and waits for it (tests and the CLI's --reconcile-once). */
  reconcile(): Promise<void>;
  close(): Promise<void>;
}

export const SIMULATED_ENGINE_LABEL = 'simulert';

export function startEngineRuntime(
  db: Db,
  config: EngineConfig,
  now: () => Date,
  connect: () => RemoteSupportEngine,
  log: (line: string) => void,
): EngineRuntime {
  setEngineMode(db, config.kind === 'none');
  if (config.kind === 'none') {
    return {
      config,
      status: () => readEngineStatus(db, config, SIMULATED_ENGINE_LABEL),
      changed: () => undefined,
      removeFinding: async () => {
        throw new Problem(404, 'NOT_FOUND', 'Finding not found');
      },
      reconcile: async () => undefined,
      close: async () => undefined,
    };
  }
  const engine = connect();
  const reconciler = new EngineReconciler({
    db,
    engine,
    now,
    log,
    ...(config.reconcileIntervalMs !== undefined && { intervalMs: config.reconcileIntervalMs }),
  });
  reconciler.start();
  return {
    config,
    status: () => readEngineStatus(db, config, engine.label),
    changed: () => reconciler.kick(),
    async removeFinding(actor, id) {
      const finding = findEngineFinding(db, actor.organisationId, id);
      if (!finding) throw new Problem(404, 'NOT_FOUND', 'Finding not found');
      try {
        await engine.removeForeignAccess({
          groupId: finding.groupId,
          subjectId: finding.subjectId,
          subjectKind: finding.subjectKind,
          subjectName: finding.subjectName,
          consentRequired: finding.consentRequired,
        });
      } catch (error) {
        if (error instanceof EngineError) {
          throw new Problem(503, 'ENGINE_UNAVAILABLE', `${engine.label} did not remove the access: ${error.message}`);
        }
        throw error;
      }
      const { subjectId: _engineId, ...snapshot } = finding;
      db.transaction(() => {
        writeAuditEvent(db, { actor, action: 'engineFinding.removed', objectType: 'engineFinding', objectId: id, before: snapshot, at: now().toISOString() });
      })();
      // The next observation no longer sees the link: the finding goes (engineFinding.gone) and the feed says so.
      await reconciler.reconcile();
    },
    async reconcile() {
      await reconciler.reconcile();
    },
    close: () => reconciler.stop(),
  };
}
