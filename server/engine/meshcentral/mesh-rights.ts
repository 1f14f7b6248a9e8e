/**
 * MeshCentral's rights and consent bits, as meshuser.js 1.1.55 defines them (lines 25-56), and the
 * effective consent for one user on one device, computed exactly as MeshCentral does before it sends a
 * session request to the agent (meshuser.js routeCommandToNode, ~line 286; webserver.js ~4725).
 *
 * What a user-group → device-group link holds: ONLY `rights` (a MESHRIGHT bit set). It is stored twice,
 * `ugrp.links[meshId] = { rights }` and `mesh.links[ugrpId] = { rights }`, and set with the control command
 * `{ action: 'addmeshuser', meshid, userid: ugrpId, meshadmin: rights }` (removed with
 * `{ action: 'removemeshuser', meshid, userid: ugrpId }`). The link has NO consent field.
 *
 * Consent lives on four objects and is OR-ed: the domain's `userconsentflags` (config.json), the device
 * group (`mesh.consent`, set by createmesh/editmesh `consent`), the device (`node.consent`, changedevice),
 * the user (`user.consent`, adduser/edituser) and every user group (`ugrp.consent`, set ONLY by
 * `editusergroup { ugrpid, consent }`: createusergroup ignores `consent`, and editusergroup sends no reply)
 * that the user is a member of AND that is linked to the device's group (or the device). The user-group
 * part is only added when the user has no direct link to the device group or device.
 *
 * So "consent on a link" is modelled as: one user group per (vendor, device group), whose own `consent`
 * therefore applies to exactly that link. If a user is in two groups linked to the same device group,
 * the stricter wins (OR). Caveat: sessions opened through meshrelay.ashx with a relay cookie
 * (meshrelay.js ~253) only OR the device group's and the domain's flags; the control channel's tunnel
 * request (the web UI's way) applies the full rule above.
 */
export const MeshRight = {
  editMesh: 0x1,
  manageUsers: 0x2,
  manageComputers: 0x4,
  remoteControl: 0x8,
  agentConsole: 0x10,
  serverFiles: 0x20,
  wakeDevice: 0x40,
  setNotes: 0x80,
  remoteViewOnly: 0x100,
  noTerminal: 0x200,
  noFiles: 0x400,
  noAmt: 0x800,
  deskLimitedInput: 0x1000,
  limitEvents: 0x2000,
  chatNotify: 0x4000,
  uninstall: 0x8000,
  noDesktop: 0x10000,
  remoteCommand: 0x20000,
  resetOff: 0x40000,
  guestSharing: 0x80000,
  deviceDetails: 0x100000,
  relay: 0x200000,
  /** All rights: the device group's administrator. */
  admin: 0xffffffff,
} as const;

export const MeshConsent = {
  desktopNotify: 1,
  terminalNotify: 2,
  filesNotify: 4,
  desktopPrompt: 8,
  terminalPrompt: 16,
  filesPrompt: 32,
  showConnectionToolbar: 64,
} as const;

/** "Approval per connection" in the guide's sense: the person at the machine must accept every kind of session. */
export const PROMPT_FOR_EVERY_SESSION = MeshConsent.desktopPrompt | MeshConsent.terminalPrompt | MeshConsent.filesPrompt;

export interface ConsentInputs {
  domainConsent?: number | undefined;
  mesh: { id: string; consent?: number | undefined };
  node: { id: string; consent?: number | undefined };
  user: { links: Readonly<Record<string, unknown>>; consent?: number | undefined };
  /** The user groups by id, each with its links (device groups, devices, users). */
  userGroups: ReadonlyMap<string, { consent?: number | undefined; links: Readonly<Record<string, unknown>> }>;
}

/** MeshCentral's effective consent flags for `user` opening a session to `node` (see the comment above). */
export function effectiveConsent({ domainConsent, mesh, node, user, userGroups }: ConsentInputs): number {
  let consent = 0;
  if (typeof domainConsent === 'number') consent |= domainConsent;
  if (typeof mesh.consent === 'number') consent |= mesh.consent;
  if (typeof node.consent === 'number') consent |= node.consent;
  if (typeof user.consent === 'number') consent |= user.consent;
  if (user.links[mesh.id] === undefined && user.links[node.id] === undefined) {
    for (const linkId of Object.keys(user.links)) {
      const group = userGroups.get(linkId);
      if (group?.consent !== undefined && (group.links[mesh.id] !== undefined || group.links[node.id] !== undefined)) consent |= group.consent;
    }
  }
  return consent;
}
