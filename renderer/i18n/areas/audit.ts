import { auditWordsEn, auditWordsNb } from '../../../common/audit/audit-words';
import type { Widen } from '../messages';

/**
 * Revisjonslogg: the organisation's audit events, offline from the cache. The words for what the portal
 * records (object types, actions, fields, values) are common/audit/audit-words.ts, shared with the CSV
 * export; they are part of the messages here so every language check sees them.
 */
export const auditNb = {
  title: 'Revisjonslogg',
  intro: 'Alle endringer i virksomhetens fjernhjelp: hvem gjorde hva, når, og hvordan det så ut før og etter. Loggen leses fra den lokale kopien og virker også uten nett.',
  timeZone: 'Alle tider er norsk tid (Europe/Oslo).',
  from: 'Fra dato',
  to: 'Til dato',
  actor: auditWordsNb.columns.actor,
  action: auditWordsNb.columns.action,
  objectType: auditWordsNb.columns.objectType,
  all: 'Alle',
  count_one: 'Viser {{shown}} av {{count}} hendelse',
  count_other: 'Viser {{shown}} av {{count}} hendelser',
  table: 'Hendelser i revisjonsloggen',
  at: auditWordsNb.columns.at,
  object: auditWordsNb.columns.object,
  show: 'Vis endringer',
  hide: 'Skjul endringer',
  showFor: 'Vis endringer: {{action}}, {{object}}',
  details: 'Endringer: {{action}}, {{object}}',
  field: 'Felt',
  before: 'Før',
  after: 'Etter',
  noChanges: 'Hendelsen endret ingen felt.',
  export: 'Eksporter til CSV',
  exported_one: 'Lagret {{count}} hendelse i {{path}}. Filen kan bare leses av deg; del den bare med den som skal revidere tilgangene.',
  exported_other: 'Lagret {{count}} hendelser i {{path}}. Filen kan bare leses av deg; del den bare med den som skal revidere tilgangene.',
  empty: 'Ingen hendelser passer filteret.',
  words: auditWordsNb,
} as const;

export const auditEn: Widen<typeof auditNb> = {
  title: 'Audit log',
  intro: "Every change to your organisation's remote support: who did what, when, and how it looked before and after. The log is read from the local copy and works offline too.",
  timeZone: 'All times are Norwegian time (Europe/Oslo).',
  from: 'From date',
  to: 'To date',
  actor: auditWordsEn.columns.actor,
  action: auditWordsEn.columns.action,
  objectType: auditWordsEn.columns.objectType,
  all: 'All',
  count_one: 'Showing {{shown}} of {{count}} event',
  count_other: 'Showing {{shown}} of {{count}} events',
  table: 'Audit log events',
  at: auditWordsEn.columns.at,
  object: auditWordsEn.columns.object,
  show: 'Show changes',
  hide: 'Hide changes',
  showFor: 'Show changes: {{action}}, {{object}}',
  details: 'Changes: {{action}}, {{object}}',
  field: 'Field',
  before: 'Before',
  after: 'After',
  noChanges: 'The event changed no fields.',
  export: 'Export to CSV',
  exported_one: 'Saved {{count}} event to {{path}}. Only you can read the file; share it only with whoever audits the access.',
  exported_other: 'Saved {{count}} events to {{path}}. Only you can read the file; share it only with whoever audits the access.',
  empty: 'No events match the filter.',
  words: auditWordsEn,
};
