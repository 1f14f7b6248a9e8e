import type { Migration } from '../../../server/db/run-migrations';
import { migration001Initial } from './001-initial';
import { migration002ReviewCampaigns } from './002-review-campaigns';
import { migration003Engine } from './003-engine';
import { migration004RemoteSessions } from './004-remote-sessions';
import { migration005ReviewSettings } from './005-review-settings';
import { migration006ReviewReminders } from './006-review-reminders';

/** Cache schema version N is `cacheMigrations[N - 1]`. Append only. */
export const cacheMigrations: readonly Migration[] = [
  migration001Initial,
  migration002ReviewCampaigns,
  migration003Engine,
  migration004RemoteSessions,
  migration005ReviewSettings,
  migration006ReviewReminders,
];
