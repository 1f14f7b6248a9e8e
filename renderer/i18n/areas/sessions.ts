import { sessionWordsEn, sessionWordsNb } from '../../../common/sessions/session-words';
import type { Widen } from '../messages';

/**
 * Fjernhjelpsøkter (issue 14): the sessions on the organisation's machines and its own technicians' at others, the evidence of use on each
 * grant ("Sist brukt", "Økter siste N dager", access without approval used outside working hours), and the
 * settings that judge it (working hours, recommendation window, reminder lead time). The words for a
 * session itself are common/sessions/session-words.ts, shared with the CSV and the PDF.
 */
export const sessionsNb = {
  title: sessionWordsNb.title,
  intro:
    'Alle fjernhjelpsøkter på maskinene i maskingruppene dine, og øktene teknikerne dine har hatt på andre virksomheters maskiner: hvem som koblet til, når, hvordan, og om den som satt ved maskinen måtte godkjenne. Listen kommer fra fjernhjelpssystemet gjennom kundeportalen og kan leses uten nett.',
  timeZone: 'Alle tider er norsk tid (Europe/Oslo).',
  workingHours: 'Arbeidstid: {{days}} kl. {{start}}–{{end}}. Den endrer du under Innstillinger.',
  filters: 'Filter',
  from: 'Fra dato',
  to: 'Til dato',
  all: 'Alle',
  outsideOnly: sessionWordsNb.columns.outsideWorkingHours,
  insideOnly: sessionWordsNb.columns.withinWorkingHours,
  table: sessionWordsNb.title,
  count_one: 'Viser {{shown}} av {{count}} økt',
  count_other: 'Viser {{shown}} av {{count}} økter',
  truncated: 'Bare de {{shown}} nyeste vises her. Snevre inn filteret for å se eldre økter; eksporten tar med alle.',
  empty: 'Ingen økter passer filteret.',
  none: 'Ingen fjernhjelpsøkter er registrert ennå.',
  noneSimulated: 'Ingen fjernhjelpsøkter er registrert, fordi kundeportalen ikke styrer noe ekte fjernhjelpssystem (simulert).',
  unknownUser: '{{username}} (ukjent for kundeportalen)',
  exportCsv: 'Eksporter til CSV',
  exportPdf: 'Eksporter til PDF',
  exported_one: 'Lagret {{count}} økt i {{path}}. Filen kan bare leses av deg.',
  exported_other: 'Lagret {{count}} økter i {{path}}. Filen kan bare leses av deg.',
  words: sessionWordsNb,
  /** On each grant (group detail and access review). */
  usage: {
    lastUsed: sessionWordsNb.columns.lastUsed,
    neverUsed: sessionWordsNb.neverUsed,
    sessions_one: 'Økter siste døgn',
    sessions_other: 'Økter siste {{count}} dager',
    outsideHours: 'Brukt uten godkjenning utenfor arbeidstid',
    outsideHoursAbout: 'En leverandør med tilgang uten godkjenning har koblet til utenfor arbeidstiden de siste {{count}} dagene.',
  },
  settings: {
    title: 'Arbeidstid og tilgangsgjennomganger',
    intro:
      'Virksomhetens arbeidstid (norsk tid) og hvor mange dager tilgangsgjennomgangen ser tilbake. Fjernhjelp uten godkjenning utenfor arbeidstiden blir markert på tilgangen. Innstillingene gjelder denne portalen og lagres på maskinen.',
    workdayStart: 'Arbeidsdagen begynner',
    workdayEnd: 'Arbeidsdagen slutter',
    timeHint: 'tt:mm, for eksempel 08:00',
    workdays: 'Arbeidsdager',
    recommendationDays: 'Dager med bruk tilgangsgjennomgangen ser på',
    recommendationHint: 'Tilgang som ikke er brukt på så mange dager, anbefales fjernet.',
    reminderDays: 'Påminnelse dager før fristen',
    reminderHint: '0 betyr på fristdagen.',
    save: 'Lagre innstillingene',
    saved: 'Innstillingene er lagret.',
    signedOut: 'Logg inn for å se og endre arbeidstiden og innstillingene for tilgangsgjennomganger.',
    fieldErrors: {
      TIME_FORMAT: 'Skriv klokkeslettet som tt:mm, for eksempel 08:00.',
      WHOLE_NUMBER: 'Skriv et helt antall dager, for eksempel 90.',
      WORKDAY_END_NOT_AFTER_START: 'Arbeidsdagen må slutte etter at den begynner.',
      WORKDAYS_REPEATED: 'Hver dag kan bare velges én gang.',
      MINITEMS: 'Velg minst én arbeidsdag.',
    },
  },
} as const;

export const sessionsEn: Widen<typeof sessionsNb> = {
  title: sessionWordsEn.title,
  intro:
    "Every remote-support session on the machines in your machine groups, and the sessions your technicians have had on other organisations' machines: who connected, when, how, and whether the person at the machine had to approve. The list comes from the remote-support system through the customer portal and can be read offline.",
  timeZone: 'All times are Norwegian time (Europe/Oslo).',
  workingHours: 'Working hours: {{days}}, {{start}}–{{end}}. You change them under Settings.',
  filters: 'Filter',
  from: 'From date',
  to: 'To date',
  all: 'All',
  outsideOnly: sessionWordsEn.columns.outsideWorkingHours,
  insideOnly: sessionWordsEn.columns.withinWorkingHours,
  table: sessionWordsEn.title,
  count_one: 'Showing {{shown}} of {{count}} session',
  count_other: 'Showing {{shown}} of {{count}} sessions',
  truncated: 'Only the {{shown}} newest are shown here. Narrow the filter to see older sessions; the export includes them all.',
  empty: 'No sessions match the filter.',
  none: 'No remote-support sessions have been recorded yet.',
  noneSimulated: 'No remote-support sessions have been recorded, because the customer portal drives no real remote-support system (simulated).',
  unknownUser: '{{username}} (unknown to the customer portal)',
  exportCsv: 'Export to CSV',
  exportPdf: 'Export to PDF',
  exported_one: 'Saved {{count}} session to {{path}}. Only you can read the file.',
  exported_other: 'Saved {{count}} sessions to {{path}}. Only you can read the file.',
  words: sessionWordsEn,
  usage: {
    lastUsed: sessionWordsEn.columns.lastUsed,
    neverUsed: sessionWordsEn.neverUsed,
    sessions_one: 'Sessions in the last day',
    sessions_other: 'Sessions in the last {{count}} days',
    outsideHours: 'Used without approval outside working hours',
    outsideHoursAbout: 'A vendor with access without approval has connected outside working hours in the last {{count}} days.',
  },
  settings: {
    title: 'Working hours and access reviews',
    intro:
      "The organisation's working hours (Norwegian time) and how many days the access review looks back. Remote support without approval outside working hours is flagged on the grant. The settings apply to this portal and are kept on this machine.",
    workdayStart: 'The working day starts',
    workdayEnd: 'The working day ends',
    timeHint: 'hh:mm, for example 08:00',
    workdays: 'Working days',
    recommendationDays: 'Days of use the access review looks at',
    recommendationHint: 'Access not used for that many days is recommended for removal.',
    reminderDays: 'Reminder, days before the due date',
    reminderHint: '0 means on the due date.',
    save: 'Save the settings',
    saved: 'The settings have been saved.',
    signedOut: 'Sign in to see and change the working hours and the access review settings.',
    fieldErrors: {
      TIME_FORMAT: 'Write the time as hh:mm, for example 08:00.',
      WHOLE_NUMBER: 'Write a whole number of days, for example 90.',
      WORKDAY_END_NOT_AFTER_START: 'The working day must end after it starts.',
      WORKDAYS_REPEATED: 'Each day can be chosen only once.',
      MINITEMS: 'Choose at least one working day.',
    },
  },
};
