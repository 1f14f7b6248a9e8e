import { describe, expect, it } from 'vitest';
import { sessionsFromEvents } from './mesh-sessions';

const NODE = 'node//jqnhqRytenodQUo9dbr5FR4BgeNjhFXrWFjcvlf6wwZQ$pbAb4JxpRfLPYY772hh';
const portalUserOf = (accountId: string): string | null => (accountId.startsWith('user//~oidc:') ? accountId.slice('user//~oidc:'.length) : null);

/**
 * MeshCentral 1.1.55's answer to `{ action: 'events', nodeid, limit }` after a terminal, a file and a desktop
 * session on a real agent (newest first, as it answers; `nodeid`, `etype` and `ids` are left out of a device's
 * events by MeshCentral itself). Copied from a run of the test fixture with the administrator account.
 */
const REAL_EVENTS = [
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 11, msgArgs: ['x528hn7nm3', '127.0.0.1', '127.0.0.1', 0],
    msg: 'Ended desktop session "x528hn7nm3" from 127.0.0.1 to 127.0.0.1, 0 second(s)', protocol: 2, bytesin: 993, bytesout: 339, time: '2026-12-02T13:52:55.141Z',
  },
  {
    action: 'agentlog', msg: 'Started remote desktop without notification (127.0.0.1)', msgid: 36, remoteaddr: '127.0.0.1', userid: 'user//admin', username: 'admin',
    sessionid: 'user//admin/c21bdeb34a1f2a366cdadcbee1b26f1a69f3c765', time: '2026-12-02T13:52:54.217Z',
  },
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 15, msgArgs: ['x528hn7nm3', '127.0.0.1', '127.0.0.1'],
    msg: 'Started desktop session "x528hn7nm3" from 127.0.0.1 to 127.0.0.1', protocol: 2, time: '2026-12-02T13:52:54.153Z',
  },
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 12, msgArgs: ['0md9v5rlpodo', '127.0.0.1', '127.0.0.1', 0],
    msg: 'Ended file management session "0md9v5rlpodo" from 127.0.0.1 to 127.0.0.1, 0 second(s)', protocol: 5, bytesin: 925, bytesout: 269, time: '2026-12-02T13:52:52.636Z',
  },
  {
    action: 'agentlog', msg: 'Started remote files without notification (127.0.0.1)', msgid: 43, remoteaddr: '127.0.0.1', userid: 'user//admin', username: 'admin',
    sessionid: 'user//admin/c21bdeb34a1f2a366cdadcbee1b26f1a69f3c765', time: '2026-12-02T13:52:51.645Z',
  },
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 16, msgArgs: ['0md9v5rlpodo', '127.0.0.1', '127.0.0.1'],
    msg: 'Started file management session "0md9v5rlpodo" from 127.0.0.1 to 127.0.0.1', protocol: 5, time: '2026-12-02T13:52:51.641Z',
  },
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 10, msgArgs: ['5fvnwu655s', '127.0.0.1', '127.0.0.1', 1],
    msg: 'Ended terminal session "5fvnwu655s" from 127.0.0.1 to 127.0.0.1, 1 second(s)', protocol: 1, bytesin: 1196, bytesout: 518, time: '2026-12-02T13:52:47.131Z',
  },
  {
    action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 14, msgArgs: ['5fvnwu655s', '127.0.0.1', '127.0.0.1'],
    msg: 'Started terminal session "5fvnwu655s" from 127.0.0.1 to 127.0.0.1', protocol: 1, time: '2026-12-02T13:52:45.145Z',
  },
];

/** An event of the real run for another account (MeshCentral names the portal's accounts `user//~oidc:<id>`). */
function asAccount<T extends { userid: string; username: string }>(event: T, accountId: string, name: string): T {
  return { ...event, userid: accountId, username: name };
}

/**
 * The consent answers the agent logs (agents/meshcore.js MeshServerLogEx 27/28, 30/34, 40/41), in the shape of the
 * real agentlog events above. The fixture's agent runs headless and cannot show a prompt, so these are not from a run.
 */
function consentLog(msgid: number, accountId: string, time: string): Record<string, unknown> {
  const texts: Record<number, string> = {
    27: 'Local user accepted remote terminal request (127.0.0.1)',
    28: 'Local user rejected remote terminal request (127.0.0.1)',
    30: 'Starting remote desktop after local user accepted (127.0.0.1)',
    34: 'Failed to start remote desktop after local user rejected (127.0.0.1)',
    40: 'Starting remote files after local user accepted (127.0.0.1)',
    41: 'Failed to start remote files after local user rejected (127.0.0.1)',
  };
  return { action: 'agentlog', msg: texts[msgid], msgid, remoteaddr: '127.0.0.1', userid: accountId, username: 'Ola Tekniker', sessionid: `${accountId}/abc`, time };
}

function terminalSession(relayId: string, accountId: string, start: string, end: string, seconds: number): Array<Record<string, unknown>> {
  return [
    { action: 'relaylog', userid: accountId, username: 'Ola Tekniker', msgid: 14, msgArgs: [relayId, '127.0.0.1', '127.0.0.1'], protocol: 1, time: start },
    { action: 'relaylog', userid: accountId, username: 'Ola Tekniker', msgid: 10, msgArgs: [relayId, '127.0.0.1', '127.0.0.1', seconds], protocol: 1, time: end },
  ];
}

describe('MeshCentral session log → sessions', () => {
  it('makes one session per relay session from its start and end, with the kind and what the agent logged of consent', () => {
    const { sessions, skipped } = sessionsFromEvents(NODE, REAL_EVENTS, portalUserOf);
    expect(skipped).toEqual([]);
    expect(sessions).toEqual([
      {
        engineKey: expect.any(String), deviceEngineId: NODE, accountEngineId: 'user//admin', portalUserId: null, accountName: 'admin',
        kind: 'terminal', startedAt: '2026-12-02T13:52:45.145Z', endedAt: '2026-12-02T13:52:47.131Z', consent: null,
      },
      {
        engineKey: expect.any(String), deviceEngineId: NODE, accountEngineId: 'user//admin', portalUserId: null, accountName: 'admin',
        kind: 'files', startedAt: '2026-12-02T13:52:51.641Z', endedAt: '2026-12-02T13:52:52.636Z', consent: 'notPrompted',
      },
      {
        engineKey: expect.any(String), deviceEngineId: NODE, accountEngineId: 'user//admin', portalUserId: null, accountName: 'admin',
        kind: 'desktop', startedAt: '2026-12-02T13:52:54.153Z', endedAt: '2026-12-02T13:52:55.141Z', consent: 'notPrompted',
      },
    ]);
    expect(new Set(sessions.map((session) => session.engineKey)).size).toBe(3);
  });

  it('gives the same sessions with the same keys when the events come again, in any order', () => {
    const first = sessionsFromEvents(NODE, REAL_EVENTS, portalUserOf).sessions;
    const again = sessionsFromEvents(NODE, [...REAL_EVENTS].reverse(), portalUserOf).sessions;
    const twice = sessionsFromEvents(NODE, [...REAL_EVENTS, ...REAL_EVENTS], portalUserOf).sessions;
    expect(again).toEqual(first);
    expect(twice).toEqual(first);
  });

  it("names the portal user of a portal account, and keeps MeshCentral's name of the account", () => {
    const events = REAL_EVENTS.map((event) => asAccount(event, 'user//~oidc:user-si-tech-a', 'Test si.tekniker.a'));
    const { sessions } = sessionsFromEvents(NODE, events, portalUserOf);
    expect(sessions.map((session) => [session.accountEngineId, session.portalUserId, session.accountName])).toEqual([
      ['user//~oidc:user-si-tech-a', 'user-si-tech-a', 'Test si.tekniker.a'],
      ['user//~oidc:user-si-tech-a', 'user-si-tech-a', 'Test si.tekniker.a'],
      ['user//~oidc:user-si-tech-a', 'user-si-tech-a', 'Test si.tekniker.a'],
    ]);
  });

  it('takes the start from the end and its duration when the start is no longer in the log', () => {
    const endOnly = REAL_EVENTS.filter((event) => event.msgid === 10);
    const [session] = sessionsFromEvents(NODE, endOnly, portalUserOf).sessions;
    expect(session).toMatchObject({ kind: 'terminal', startedAt: '2026-12-02T13:52:46.131Z', endedAt: '2026-12-02T13:52:47.131Z' });
    expect(session!.engineKey).toBe(sessionsFromEvents(NODE, REAL_EVENTS, portalUserOf).sessions[0]!.engineKey);
  });

  it('a session with a start and no end yet is open, with the key it keeps once it ends', () => {
    const startOnly = REAL_EVENTS.filter((event) => event.msgid === 14);
    const [open] = sessionsFromEvents(NODE, startOnly, portalUserOf).sessions;
    expect(open).toMatchObject({ kind: 'terminal', startedAt: '2026-12-02T13:52:45.145Z', endedAt: null });
    const [ended] = sessionsFromEvents(NODE, REAL_EVENTS, portalUserOf).sessions;
    expect(ended!.engineKey).toBe(open!.engineKey);
  });

  it("ties a prompt's answer to the session of that user and kind it was given in, not to another user's on the same machine", () => {
    const ola = 'user//~oidc:user-ola';
    const kari = 'user//~oidc:user-kari';
    const events = [
      ...terminalSession('t-ola-1', ola, '2026-03-02T10:00:00.000Z', '2026-03-02T10:05:00.000Z', 300),
      consentLog(27, ola, '2026-03-02T10:00:04.000Z'),
      ...terminalSession('t-ola-2', ola, '2026-03-02T11:00:00.000Z', '2026-03-02T11:00:20.000Z', 20),
      consentLog(28, ola, '2026-03-02T11:00:19.000Z'),
      ...terminalSession('t-kari', kari, '2026-03-02T10:01:00.000Z', '2026-03-02T10:02:00.000Z', 60),
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 15, msgArgs: ['d-ola', '127.0.0.1', '127.0.0.1'], protocol: 2, time: '2026-03-02T12:00:00.000Z' },
      consentLog(30, ola, '2026-03-02T12:00:05.000Z'),
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 11, msgArgs: ['d-ola', '127.0.0.1', '127.0.0.1', 60], protocol: 2, time: '2026-03-02T12:01:00.000Z' },
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 16, msgArgs: ['f-ola', '127.0.0.1', '127.0.0.1'], protocol: 5, time: '2026-03-02T13:00:00.000Z' },
      consentLog(41, ola, '2026-03-02T13:00:09.000Z'),
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 12, msgArgs: ['f-ola', '127.0.0.1', '127.0.0.1', 10], protocol: 5, time: '2026-03-02T13:00:10.000Z' },
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 15, msgArgs: ['d-ola-2', '127.0.0.1', '127.0.0.1'], protocol: 2, time: '2026-03-02T14:00:00.000Z' },
      consentLog(34, ola, '2026-03-02T14:00:30.000Z'),
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', msgid: 11, msgArgs: ['d-ola-2', '127.0.0.1', '127.0.0.1', 31], protocol: 2, time: '2026-03-02T14:00:31.000Z' },
    ];
    const { sessions, skipped } = sessionsFromEvents(NODE, events, portalUserOf);
    expect(skipped).toEqual([]);
    expect(sessions.map((session) => [session.portalUserId, session.kind, session.startedAt, session.consent])).toEqual([
      ['user-ola', 'terminal', '2026-03-02T10:00:00.000Z', 'given'],
      ['user-kari', 'terminal', '2026-03-02T10:01:00.000Z', null],
      ['user-ola', 'terminal', '2026-03-02T11:00:00.000Z', 'refused'],
      ['user-ola', 'desktop', '2026-03-02T12:00:00.000Z', 'given'],
      ['user-ola', 'files', '2026-03-02T13:00:00.000Z', 'refused'],
      ['user-ola', 'desktop', '2026-03-02T14:00:00.000Z', 'refused'],
    ]);
  });

  it('a refusal counts over an acceptance in the same session (the person at the machine said no at least once)', () => {
    const ola = 'user//~oidc:user-ola';
    const events = [
      ...terminalSession('t-1', ola, '2026-03-02T10:00:00.000Z', '2026-03-02T10:05:00.000Z', 300),
      consentLog(27, ola, '2026-03-02T10:00:04.000Z'),
      consentLog(28, ola, '2026-03-02T10:03:00.000Z'),
    ];
    expect(sessionsFromEvents(NODE, events, portalUserOf).sessions[0]!.consent).toBe('refused');
  });

  it('reads the web relays (Web-SSH, Web-SFTP, Web-RDP) as terminal, files and desktop', () => {
    const ola = 'user//~oidc:user-ola';
    const events = [
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', sessionid: 'ssh-1', msgid: 148, msgArgs: ['ssh-1'], time: '2026-03-02T10:00:00.000Z' },
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', sessionid: 'ssh-1', msgid: 123, msgArgs: [90, 'ssh-1'], time: '2026-03-02T10:01:30.000Z' },
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', sessionid: 'sftp-1', msgid: 124, msgArgs: [10, 'sftp-1'], time: '2026-03-02T11:00:10.000Z' },
      { action: 'relaylog', userid: ola, username: 'Ola Tekniker', sessionid: 'rdp-1', msgid: 150, msgArgs: ['rdp-1'], time: '2026-03-02T12:00:00.000Z' },
    ];
    const { sessions } = sessionsFromEvents(NODE, events, portalUserOf);
    expect(sessions.map((session) => [session.kind, session.startedAt, session.endedAt])).toEqual([
      ['terminal', '2026-03-02T10:00:00.000Z', '2026-03-02T10:01:30.000Z'],
      ['files', '2026-03-02T11:00:00.000Z', '2026-03-02T11:00:10.000Z'],
      ['desktop', '2026-03-02T12:00:00.000Z', null],
    ]);
  });

  it('leaves out an entry it cannot read, says why without the addresses or the account in it, and reads the rest', () => {
    const broken = [
      null,
      'not an event',
      { action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 10, msgArgs: [], time: '2026-12-02T13:52:47.131Z' },
      { action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 10, msgArgs: ['r1', '10.1.2.3', '10.1.2.4', 'long'], time: '2026-12-02T13:52:47.131Z' },
      { action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 14, msgArgs: ['r2', '10.1.2.3', '10.1.2.4'], time: 'yesterday' },
      { action: 'relaylog', username: 'admin', msgid: 15, msgArgs: ['r3', '10.1.2.3', '10.1.2.4'], time: '2026-12-02T13:52:47.131Z' },
      // Relay log entries that are not sessions (a local relay, MeshCentral Router) are not skipped: they are no session.
      { action: 'relaylog', userid: 'user//admin', username: 'admin', msgid: 120, msgArgs: ['x', 'RDP', '10.1.2.3'], time: '2026-12-02T13:52:47.131Z' },
    ];
    const { sessions, skipped } = sessionsFromEvents(NODE, [...broken, ...REAL_EVENTS], portalUserOf);
    expect(sessions).toHaveLength(3);
    expect(skipped).toHaveLength(6);
    for (const reason of skipped) {
      expect(reason).not.toMatch(/10\.1\.2\.|user\/\/admin|admin/);
      expect(reason).toContain(NODE);
    }
    expect(skipped[2]).toMatch(/relaylog 10 .*relay id/);
    expect(skipped[3]).toMatch(/relaylog 10 .*duration/);
    expect(skipped[4]).toMatch(/relaylog 14 .*time/);
    expect(skipped[5]).toMatch(/relaylog 15 .*account/);
  });
});
