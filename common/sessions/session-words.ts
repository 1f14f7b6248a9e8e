import type { RemoteSessionConsent, RemoteSessionKind } from '../portal/portal-types';
import type { SessionPlace } from './remote-session-list';

/**
 * Every word the sessions screen, its CSV and its PDF print for a session, in both languages, in one
 * place: the screen reads them through the i18n messages (renderer/i18n/areas/sessions.ts embeds these),
 * main's files read them from here, so an auditor comparing the three finds each thing named alike.
 * "Sist brukt" and "Aldri brukt" are the grant tables' words too.
 */
export const sessionWordsNb = {
  title: 'Fjernhjelpsøkter',
  columns: {
    /** The screen's one column for both: "02.12.2026 06:03–06:33". */
    time: 'Tidspunkt',
    place: 'Hvor',
    startedAt: 'Startet',
    endedAt: 'Avsluttet',
    vendor: 'Leverandør',
    user: 'Bruker',
    group: 'Maskingruppe',
    device: 'Maskinnavn',
    kind: 'Type',
    consent: 'Godkjenning',
    outsideWorkingHours: 'Utenfor arbeidstid',
    withinWorkingHours: 'Innenfor arbeidstid',
    id: 'Økt-ID',
    sessions: 'Økter',
    lastUsed: 'Sist brukt',
    unattendedOutsideHours: 'Uten godkjenning utenfor arbeidstid',
  },
  place: { ownMachines: 'På våre maskiner', atOthers: 'Våre teknikere hos andre' } satisfies Record<SessionPlace, string>,
  kind: { desktop: 'Skrivebord', terminal: 'Terminal', files: 'Filer', other: 'Annet' } satisfies Record<RemoteSessionKind, string>,
  consent: {
    notNeeded: 'Uten godkjenning',
    asked: 'Spurt, ikke besvart',
    given: 'Godkjent',
    refused: 'Avvist',
  } satisfies Record<RemoteSessionConsent, string>,
  /** An open session's end. */
  open: 'Pågår',
  neverUsed: 'Aldri brukt',
  /** A session by an account the portal does not know has no vendor. */
  unknownVendor: 'Ukjent leverandør',
  yes: 'Ja',
  no: 'Nei',
  /** The working days, as the settings and the working hours name them. */
  weekdays: { mon: 'mandag', tue: 'tirsdag', wed: 'onsdag', thu: 'torsdag', fri: 'fredag', sat: 'lørdag', sun: 'søndag' },
};

export type SessionWords = { [K in keyof typeof sessionWordsNb]: (typeof sessionWordsNb)[K] extends string ? string : { [L in keyof (typeof sessionWordsNb)[K]]: string } };

export const sessionWordsEn: SessionWords = {
  title: 'Remote-support sessions',
  columns: {
    time: 'Time',
    place: 'Where',
    startedAt: 'Started',
    endedAt: 'Ended',
    vendor: 'Vendor',
    user: 'User',
    group: 'Machine group',
    device: 'Machine name',
    kind: 'Type',
    consent: 'Approval',
    outsideWorkingHours: 'Outside working hours',
    withinWorkingHours: 'Within working hours',
    id: 'Session ID',
    sessions: 'Sessions',
    lastUsed: 'Last used',
    unattendedOutsideHours: 'Without approval outside working hours',
  },
  place: { ownMachines: 'On our machines', atOthers: 'Our technicians at others' },
  kind: { desktop: 'Desktop', terminal: 'Terminal', files: 'Files', other: 'Other' },
  consent: {
    notNeeded: 'Without approval',
    asked: 'Asked, no answer',
    given: 'Approved',
    refused: 'Refused',
  },
  open: 'In progress',
  neverUsed: 'Never used',
  unknownVendor: 'Unknown vendor',
  yes: 'Yes',
  no: 'No',
  weekdays: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
};

export const SESSION_WORDS: Readonly<Record<'nb' | 'en', SessionWords>> = { nb: sessionWordsNb, en: sessionWordsEn };

/** The ISO weekdays 1 (Monday) … 7 (Sunday) as the keys of `weekdays`. */
export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/**
 * Working days as a person says them: a run of three or more days as "mandag–fredag", others listed
 * ("mandag, onsdag og fredag"), in the week's order.
 */
export function describeWorkdays(workdays: readonly number[], language: 'nb' | 'en'): string {
  const words = SESSION_WORDS[language].weekdays;
  const days = [...new Set(workdays)].filter((day) => day >= 1 && day <= 7).sort((a, b) => a - b);
  const name = (day: number) => words[WEEKDAY_KEYS[day - 1]!];
  const parts: string[] = [];
  for (let index = 0; index < days.length; ) {
    let end = index;
    while (end + 1 < days.length && days[end + 1] === days[end]! + 1) end += 1;
    if (end - index >= 2) parts.push(`${name(days[index]!)}–${name(days[end]!)}`);
    else for (let day = index; day <= end; day += 1) parts.push(name(days[day]!));
    index = end + 1;
  }
  const and = language === 'nb' ? ' og ' : ' and ';
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}`;
}
