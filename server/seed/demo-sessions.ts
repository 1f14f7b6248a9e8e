import { parseMinuteOfDay } from '../../common/review/review-settings';
import { addCalendarDays, osloCalendarDate, osloWallClockInstant } from '../../common/time/oslo-time';
import type { SessionKind } from '../engine/remote-support-engine';
import type { RemoteSessionConsent } from '../engine/session-read-model';

/**
 * The demo's remote-support sessions: the demo organisation's technicians on the two groups other organisations
 * granted it (demo-seed.ts DEMO_GRANTING_VENDORS), as the portal would have recorded them from the engine: recent
 * ones and ones older than 90 days, some outside working hours (08–16 Oslo time), and on the group with approval
 * answers given and refused and one left unanswered. Times are relative to the seed's `now`, in Oslo wall-clock time.
 */
export interface DemoSession {
  grant: 'withApproval' | 'withoutApproval';
  user: 'user-demo-kari' | 'user-demo-ola' | 'user-demo-ingrid';
  device: string;
  kind: SessionKind;
  consent: RemoteSessionConsent;
  daysAgo: number;
  /** Oslo time the session started, "HH:MM". */
  at: string;
  minutes: number;
}

export const DEMO_SESSIONS: readonly DemoSession[] = [
  { grant: 'withApproval', user: 'user-demo-kari', device: 'LEGE-PC-01', kind: 'desktop', consent: 'given', daysAgo: 1, at: '10:15', minutes: 25 },
  { grant: 'withApproval', user: 'user-demo-ola', device: 'RESEPSJON-01', kind: 'terminal', consent: 'given', daysAgo: 3, at: '13:40', minutes: 12 },
  { grant: 'withApproval', user: 'user-demo-ingrid', device: 'LEGE-PC-02', kind: 'desktop', consent: 'refused', daysAgo: 6, at: '09:05', minutes: 1 },
  { grant: 'withApproval', user: 'user-demo-kari', device: 'LEGE-PC-02', kind: 'desktop', consent: 'given', daysAgo: 12, at: '21:30', minutes: 40 },
  { grant: 'withApproval', user: 'user-demo-ola', device: 'LEGE-PC-01', kind: 'files', consent: 'asked', daysAgo: 35, at: '14:00', minutes: 2 },
  { grant: 'withApproval', user: 'user-demo-ingrid', device: 'LEGE-PC-01', kind: 'desktop', consent: 'given', daysAgo: 120, at: '11:20', minutes: 30 },
  { grant: 'withApproval', user: 'user-demo-kari', device: 'RESEPSJON-01', kind: 'terminal', consent: 'refused', daysAgo: 200, at: '15:45', minutes: 1 },
  { grant: 'withoutApproval', user: 'user-demo-ola', device: 'db-server-01', kind: 'terminal', consent: 'notNeeded', daysAgo: 1, at: '06:30', minutes: 50 },
  { grant: 'withoutApproval', user: 'user-demo-kari', device: 'fil-server-01', kind: 'files', consent: 'notNeeded', daysAgo: 2, at: '11:00', minutes: 15 },
  { grant: 'withoutApproval', user: 'user-demo-ingrid', device: 'db-server-01', kind: 'terminal', consent: 'notNeeded', daysAgo: 9, at: '23:10', minutes: 35 },
  { grant: 'withoutApproval', user: 'user-demo-ola', device: 'fil-server-01', kind: 'desktop', consent: 'notNeeded', daysAgo: 16, at: '12:00', minutes: 60 },
  { grant: 'withoutApproval', user: 'user-demo-kari', device: 'db-server-01', kind: 'terminal', consent: 'notNeeded', daysAgo: 95, at: '08:30', minutes: 10 },
  { grant: 'withoutApproval', user: 'user-demo-ingrid', device: 'fil-server-01', kind: 'files', consent: 'notNeeded', daysAgo: 150, at: '19:00', minutes: 25 },
];

/**
 * The instant Oslo's clock showed `session.at` on the Oslo calendar day `session.daysAgo` days before `now`'s,
 * with the app's own Oslo-time rules (common/time/oslo-time.ts), so the seed and the screens agree on every day.
 */
export function demoSessionStart(now: Date, session: Pick<DemoSession, 'daysAgo' | 'at'>): Date {
  const minuteOfDay = parseMinuteOfDay(session.at);
  if (minuteOfDay === undefined) throw new Error(`demo session time "${session.at}" is not HH:MM`);
  return osloWallClockInstant(addCalendarDays(osloCalendarDate(now), -session.daysAgo), minuteOfDay);
}
