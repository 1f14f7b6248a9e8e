import type { Page } from '@playwright/test';
import { submitCode, submitCredentials } from '../../oidc/test-support/browser';

/**
 * A remote-support user's real work in MeshCentral, from a browser page, for the tests that need a real session:
 * the sign-in through the portal's OpenID Connect provider (as MeshCentral's login page sends the user there) and
 * a terminal on a device. Shared by the portal's test (server/engine/meshcentral/meshcentral-sign-in.test.ts) and
 * the app's walkthrough (e2e/harness/meshcentral.spec.ts), so both exercise the same steps.
 *
 * The page's browser must trust MeshCentral's self-signed certificate by its key (launchBrowser's
 * trustedSpkiHashes with the fixture's webCertSpkiHash).
 */

/** Where the browser goes: MeshCentral's web app (https://…) and the portal whose provider MeshCentral signs in with. */
export interface MeshCentralSignInSite {
  meshCentralUrl: string;
  portalUrl: string;
}

/** What a technician types: the username and the SMS one-time password, then the authenticator's current code. */
export interface SigningInTechnician {
  username: string;
  oneTimePassword: string;
  /** The TOTP code to type now (each test decides which step of its clock that is). */
  nextCode: () => string;
}

/** MeshCentral's login page → its OpenID Connect link → the portal's sign-in page. */
export async function startMeshCentralSignIn(page: Page, site: MeshCentralSignInSite): Promise<void> {
  await page.goto(`${site.meshCentralUrl}/`);
  await page.locator('#auth-oidc').click();
  await page.waitForURL((url) => url.href.startsWith(`${site.portalUrl}/oidc/interaction/`));
}

/** The whole sign-in of a technician: SMS one-time password, then TOTP; ends where the portal sends the browser (MeshCentral). */
export async function signInToMeshCentral(page: Page, site: MeshCentralSignInSite, technician: SigningInTechnician): Promise<void> {
  await startMeshCentralSignIn(page, site);
  await submitCredentials(page, technician.username, technician.oneTimePassword);
  await page.locator('#code').waitFor();
  await submitCode(page, technician.nextCode());
  await page.waitForURL((url) => url.href.startsWith(`${site.meshCentralUrl}/`) && !url.pathname.startsWith('/auth-oidc-callback'));
}

/**
 * What this browser session may do in MeshCentral: the control channel (the web app's own, authenticated by
 * MeshCentral's session cookie) says who is signed in and which devices that account sees.
 */
export async function meshCentralSession(page: Page): Promise<{ userId: string; nodeIds: string[] }> {
  return page.evaluate(
    () =>
      new Promise<{ userId: string; nodeIds: string[] }>((resolve, reject) => {
        // Runs in the page (a browser), where `location` is MeshCentral's origin.
        const socket = new WebSocket(`wss://${(globalThis as unknown as { location: { host: string } }).location.host}/control.ashx`);
        let userId: string | undefined;
        const timer = setTimeout(() => reject(new Error('control.ashx did not answer in 15 s')), 15_000);
        socket.onmessage = (event: { data: string }) => {
          const message = JSON.parse(event.data) as { action?: string; userinfo?: { _id: string }; nodes?: Record<string, Array<{ _id: string }>>; cause?: string; msg?: string };
          if (message.action === 'userinfo' && userId === undefined && message.userinfo) {
            userId = message.userinfo._id;
            socket.send(JSON.stringify({ action: 'nodes', responseid: 'fh-test-nodes' }));
          } else if (message.action === 'nodes' && userId !== undefined) {
            clearTimeout(timer);
            socket.close();
            resolve({ userId, nodeIds: Object.values(message.nodes ?? {}).flat().map((node) => node._id) });
          } else if (message.action === 'close') {
            clearTimeout(timer);
            reject(new Error(`MeshCentral closed the control channel: ${message.cause ?? message.msg ?? 'no reason'}`));
          }
        };
        socket.onerror = () => {
          clearTimeout(timer);
          reject(new Error('control.ashx refused the connection'));
        };
      }),
  );
}

/**
 * A terminal on `nodeId`, opened from this browser's MeshCentral session as meshctrl.js `shell` does: the control
 * channel's `authcookie`, a `tunnel` request to the agent, and the browser's own side of the relay
 * (meshrelay.ashx?browser=1). It runs a command, waits for its output and closes. Returns the relay id.
 * The agent must not need anyone's consent (a grant without approval): a test machine has nobody to click "Allow".
 */
export async function openTerminal(page: Page, nodeId: string): Promise<{ relayId: string; output: string }> {
  return page.evaluate(
    ({ nodeId }) =>
      new Promise<{ relayId: string; output: string }>((resolve, reject) => {
        // Runs in the page (a browser), where `location` is MeshCentral's origin.
        const host = (globalThis as unknown as { location: { host: string } }).location.host;
        const relayId = `fh${Math.random().toString(36).slice(2, 12)}`;
        const trace: string[] = [];
        const timer = setTimeout(() => reject(new Error(`the terminal did not answer in 20 s: ${trace.join(' | ').slice(-2_000)}`)), 20_000);
        let output = '';
        const control = new WebSocket(`wss://${host}/control.ashx`);
        control.onerror = () => reject(new Error('control.ashx refused the connection'));
        control.onmessage = (event: { data: string }) => {
          const message = JSON.parse(event.data) as { action?: string; cookie?: string; rcookie?: string };
          trace.push(`control ${event.data.slice(0, 200)}`);
          if (message.action === 'userinfo') control.send(JSON.stringify({ action: 'authcookie' }));
          if (message.action !== 'authcookie') return;
          const value = `*/meshrelay.ashx?p=1&nodeid=${nodeId}&id=${relayId}&rauth=${message.rcookie}`;
          control.send(JSON.stringify({ action: 'msg', nodeid: nodeId, type: 'tunnel', usage: 1, value, responseid: relayId }));
          const relay = new WebSocket(`wss://${host}/meshrelay.ashx?browser=1&p=1&nodeid=${encodeURIComponent(nodeId)}&id=${relayId}&auth=${message.cookie}`);
          relay.binaryType = 'arraybuffer';
          relay.onerror = () => reject(new Error('meshrelay.ashx refused the connection'));
          relay.onmessage = (frame: { data: string | ArrayBuffer }) => {
            const text = typeof frame.data === 'string' ? frame.data : new TextDecoder().decode(frame.data);
            trace.push(`relay ${text.slice(0, 200)}`);
            if (output === '' && (text === 'c' || text === 'cr')) {
              output = text;
              relay.send('1'); // the terminal protocol, as text; keystrokes go as binary (text is control JSON)
              relay.send(new TextEncoder().encode('echo fjernhjelp-$((40+2))\r'));
              return;
            }
            output += text;
            if (output.includes('fjernhjelp-42')) {
              clearTimeout(timer);
              relay.close();
              control.close();
              resolve({ relayId, output });
            }
          };
        };
      }),
    { nodeId },
  );
}
