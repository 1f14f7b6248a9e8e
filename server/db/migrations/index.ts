import type { Db } from '../database';
import { migration001Initial } from './001-initial';
import { migration002OidcKeysAndTotpSteps } from './002-oidc-keys-and-totp-steps';
import { migration003SyncIndexes } from './003-sync-indexes';
import { migration004AccessReviews } from './004-access-reviews';
import { migration005MachineGroupNameKeys } from './005-machine-group-name-keys';
import { migration006AuditByObject } from './006-audit-by-object';
import { migration007AuditObjectNames } from './007-audit-object-names';
import { migration008GrantModeChanges } from './008-grant-mode-changes';
import { migration009YubikeyPublicIdOnce } from './009-yubikey-public-id-once';
import { migration010DefaultMachineGroup } from './010-default-machine-group';
import { migration011UserDeactivation } from './011-user-deactivation';
import { migration012EngineState } from './012-engine-state';
import { migration013RemoteSessions } from './013-remote-sessions';

/** Schema version N is `migrations[N - 1]`. Append only; never edit a migration that has shipped. */
export const migrations: ReadonlyArray<(db: Db) => void> = [
  migration001Initial,
  migration002OidcKeysAndTotpSteps,
  migration003SyncIndexes,
  migration004AccessReviews,
  migration005MachineGroupNameKeys,
  migration006AuditByObject,
  migration007AuditObjectNames,
  migration008GrantModeChanges,
  migration009YubikeyPublicIdOnce,
  migration010DefaultMachineGroup,
  migration011UserDeactivation,
  migration012EngineState,
  migration013RemoteSessions,
];
