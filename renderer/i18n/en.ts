import type { Messages } from './messages';

export const en: Messages = {
  app: {
    name: 'Fjernhjelp Admin',
    demoBadge: 'DEMO',
    demoBadgeTitle: "Demo mode: the app uses the built-in test portal, not Norsk Helsenett's customer portal.",
    mainNavigation: 'Main menu',
  },
  nav: {
    settings: 'Settings',
  },
  settings: {
    title: 'Settings and about',
    about: 'About Fjernhjelp Admin',
    version: 'Version',
    dataDir: 'Data folder',
    logDir: 'Log folder',
    demoMode: 'Demo mode',
    demoOn: 'On – built-in test portal',
    demoOff: 'Off – customer portal',
    platform: 'Platform',
    language: 'Language',
    loading: 'Loading …',
  },
  connection: {
    title: 'Connection to the main process',
    test: 'Test the connection',
    waiting: 'Waiting for an answer …',
    ok: 'The connection works both ways ({{ms}} ms).',
    timeout: 'No answer within {{seconds}} seconds.',
  },
  language: {
    nb: 'Norsk (bokmål)',
    en: 'English',
  },
  errors: {
    UNKNOWN_CHANNEL: 'The app does not know this request.',
    FORBIDDEN_SENDER: "The request did not come from the app's own window and was refused.",
    INVALID_INPUT: 'Some fields are not valid.',
    OFFLINE: 'You are offline. Try again when you are connected.',
    INTERNAL: 'An unexpected error occurred. Details are in the log file.',
    KEYCHAIN_UNAVAILABLE:
      "The operating system's keychain is not available, so the app cannot store your sign-in securely. Unlock the keychain (on Linux: GNOME Keyring or KWallet) and try again.",
    FILE_WRITE_FAILED: 'Could not save the file. Check that the folder exists and that you can write to it.',
    LOGIN_FAILED: 'Sign-in failed. Please try again.',
    LOGIN_CANCELLED: 'Sign-in was cancelled.',
    LOGIN_TIMEOUT: 'Sign-in in the browser was not completed in time. Please try again.',
    SESSION_EXPIRED: 'Your session has expired. Please sign in again.',
    PORTAL_ERROR: 'The customer portal refused the request.',
    NOT_SIGNED_IN: 'You are not signed in.',
  },
};
