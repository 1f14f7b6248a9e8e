/** Norsk bokmål: the default language, worded as in the customer portal's guide. */
export const nb = {
  app: {
    name: 'Fjernhjelp Admin',
    demoBadge: 'DEMO',
    demoBadgeTitle: 'Demomodus: appen bruker den innebygde testportalen, ikke Norsk Helsenett sin kundeportal.',
    mainNavigation: 'Hovedmeny',
  },
  nav: {
    settings: 'Innstillinger',
  },
  settings: {
    title: 'Innstillinger og om appen',
    about: 'Om Fjernhjelp Admin',
    version: 'Versjon',
    dataDir: 'Datamappe',
    logDir: 'Loggmappe',
    demoMode: 'Demomodus',
    demoOn: 'På – innebygd testportal',
    demoOff: 'Av – kundeportalen',
    platform: 'Plattform',
    language: 'Språk',
    loading: 'Henter informasjon …',
  },
  connection: {
    title: 'Forbindelse til hovedprosessen',
    test: 'Test forbindelsen',
    waiting: 'Venter på svar …',
    ok: 'Forbindelsen virker begge veier ({{ms}} ms).',
    timeout: 'Fikk ikke svar innen {{seconds}} sekunder.',
  },
  language: {
    nb: 'Norsk (bokmål)',
    en: 'English',
  },
  errors: {
    UNKNOWN_CHANNEL: 'Appen kjenner ikke denne forespørselen.',
    FORBIDDEN_SENDER: 'Forespørselen kom ikke fra appens eget vindu og ble avvist.',
    INVALID_INPUT: 'Noen av feltene er ikke gyldige.',
    OFFLINE: 'Du er frakoblet. Prøv igjen når du har nett.',
    INTERNAL: 'Det oppstod en uventet feil. Detaljer står i loggfilen.',
  },
} as const;
