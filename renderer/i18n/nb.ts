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
    KEYCHAIN_UNAVAILABLE:
      'Nøkkelringen i operativsystemet er ikke tilgjengelig, så appen kan ikke lagre innloggingen trygt. Lås opp nøkkelringen (på Linux: GNOME Keyring eller KWallet) og prøv igjen.',
    FILE_WRITE_FAILED: 'Kunne ikke lagre filen. Sjekk at mappen finnes og at du har skrivetilgang til den.',
    LOGIN_FAILED: 'Innloggingen mislyktes. Prøv igjen.',
    LOGIN_CANCELLED: 'Innloggingen ble avbrutt.',
    LOGIN_TIMEOUT: 'Innloggingen i nettleseren ble ikke fullført i tide. Prøv igjen.',
    SESSION_EXPIRED: 'Økten er utløpt. Logg inn på nytt.',
    PORTAL_ERROR: 'Kundeportalen avviste forespørselen.',
    NOT_SIGNED_IN: 'Du er ikke logget inn.',
  },
} as const;
