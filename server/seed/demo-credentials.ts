/**
 * The demo organisation's portal administrator. Documented in README and shown in the app's DEMO
 * banner: demo mode exists so a newcomer can sign in within a minute. Never used outside `--seed demo`.
 */
export const DEMO_ORGANISATION = { id: 'org-nhn-test', name: 'Norsk Helsenett test' } as const;

export const DEMO_ADMIN = {
  id: 'user-demo-admin',
  username: 'demo.admin',
  password: 'Fjernhjelp-Demo-2026',
  /** base32 TOTP secret for the admin's own second factor (SHA1, 6 digits, 30 s). */
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  firstName: 'Demo',
  lastName: 'Administrator',
  email: 'demo.admin@nhn-test.example',
  mobile: '+4791234567',
} as const;
