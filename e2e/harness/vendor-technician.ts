import * as OTPAuth from 'otpauth';
import { addPortalAdmin } from '../../server/api/testing/other-organisation';
import type { PortalProcess } from './portal-process';

/** A remote-support user of a vendor, with what the technician would have: the SMS and the QR code's secret. */
export interface VendorTechnician {
  id: string;
  username: string;
  /** From the SMS the portal sent at creation (its dev outbox). */
  oneTimePassword: string;
  /** The current code of an authenticator app that scanned the user's QR code. */
  nextCode: () => string;
}

/** An access token of a portal user by username (the portal runs with --dev-tokens). */
async function devToken(portal: PortalProcess, username: string): Promise<string> {
  const response = await fetch(`${portal.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  if (!response.ok) throw new Error(`POST /dev/token for ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Makes a remote-support user of `vendorName` as that vendor's own portal administrator does in the portal
 * (POST /api/v1/users with TOTP), on a portal process started with --dev-tokens. The demo seed's vendors have
 * no administrator and no API makes one for another organisation, so the administrator is written into the
 * portal's database; everything after that goes through the portal's API as in production.
 */
export async function createVendorTechnician(portal: PortalProcess, asCustomer: string, vendorName: string): Promise<VendorTechnician> {
  const customerToken = await devToken(portal, asCustomer);
  const vendors = (await (await fetch(`${portal.url}/api/v1/vendors?query=${encodeURIComponent(vendorName)}`, { headers: { authorization: `Bearer ${customerToken}` } })).json()) as Array<{ id: string; name: string }>;
  const vendor = vendors.find((candidate) => candidate.name === vendorName);
  if (!vendor) throw new Error(`No vendor named ${vendorName} in ${JSON.stringify(vendors)}`);

  const adminUsername = `admin.${vendor.id}`;
  addPortalAdmin(portal.dbPath, vendor.id, adminUsername);
  const authorization = `Bearer ${await devToken(portal, adminUsername)}`;
  const created = await fetch(`${portal.url}/api/v1/users`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ firstName: 'Tora', lastName: 'Tekniker', email: 'tora.tekniker@fjerndrift.example', mobile: '+4791234500', twoFactor: 'totp' }),
  });
  if (created.status !== 201) throw new Error(`POST /api/v1/users: HTTP ${created.status} ${await created.text()}`);
  const user = (await created.json()) as { id: string; username: string; otpauthUri?: string };
  if (!user.otpauthUri) throw new Error('A TOTP user was created without its otpauth URI');
  const totp = OTPAuth.URI.parse(user.otpauthUri);
  if (!(totp instanceof OTPAuth.TOTP)) throw new Error(`Not a TOTP URI: ${totp.constructor.name}`);

  const outbox = (await (await fetch(`${portal.url}/dev/outbox?userId=${encodeURIComponent(user.id)}`)).json()) as Array<{ channel: string; body: string }>;
  // "Engangspassord for Fjernhjelp (<username>): <password>\nGjelder til …"
  const oneTimePassword = outbox.filter((message) => message.channel === 'sms').map((message) => /\): (\S+)\n/.exec(message.body)?.[1]).at(-1);
  if (!oneTimePassword) throw new Error(`No one-time password SMS for ${user.username}: ${JSON.stringify(outbox.map((message) => message.channel))}`);
  return { id: user.id, username: user.username, oneTimePassword, nextCode: () => totp.generate() };
}
