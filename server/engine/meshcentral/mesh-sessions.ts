import type { ObservedSession, ObservedSessions, SessionConsentFact, SessionKind } from '../remote-support-engine';

/**
 * MeshCentral 1.1.55's connection log, read as sessions. The control command `{ action: 'events', nodeid,
 * filter, limit }` (meshuser.js ~1043) answers a device's stored events newest first: db.js GetNodeEventsWithLimit
 * matches the event's own `nodeid` field (not its dispatch targets), and leaves `nodeid`, `etype` and `ids` out.
 *
 * `relaylog` (meshrelay.js ~588 and ~790; apprelays.js for the web relays), with `userid`, `username`, `time`:
 *
 * | msgid start / end | kind     | msgArgs of the start / of the end                   |
 * |-------------------|----------|-----------------------------------------------------|
 * | 14 / 10           | terminal | [relayId, from, to] / [relayId, from, to, seconds]  |
 * | 15 / 11           | desktop  | as above                                            |
 * | 16 / 12           | files    | as above                                            |
 * | 13 / 9            | other    | as above (any other protocol the relay carries)     |
 * | 148 / 123         | terminal | Web-SSH: [sessionId] / [seconds, sessionId]         |
 * | 149 / 124         | files    | Web-SFTP                                            |
 * | 150 / 125         | desktop  | Web-RDP                                             |
 *
 * The relay id is chosen by the client for each tunnel, so device + relay id is the session's identity: the
 * start (when it is still in the log) gives the exact start, the end gives the end; an end whose start has left
 * the log starts `seconds` before it (MeshCentral rounds the duration down). A start with no end is open.
 *
 * `agentlog` (agents/meshcore.js MeshServerLogEx, with the `userid` of the session) says what the person at the
 * machine did: 27/28 terminal, 30/34 desktop, 40/41 files accepted/rejected; 35/36 desktop and 42/43 files started
 * without a prompt (with or without a notification). It carries no relay id, so it belongs to the session of the
 * same account and kind that was open at its time (the latest such start before it). MeshCentral logs nothing when
 * a terminal starts without a prompt, nor for a prompt that was never answered.
 *
 * Events are read one by one: an event that is not what 1.1.55 writes is left out and named in `skipped`
 * (device, msgid, time and what was wrong; never the account, addresses or message text).
 */
export const SESSION_EVENT_FILTERS = ['relaylog', 'agentlog'] as const;

type Channel = 'relay' | 'web';

interface SessionMessage {
  kind: SessionKind;
  edge: 'start' | 'end';
  channel: Channel;
}

const RELAY_MESSAGES: ReadonlyMap<number, SessionMessage> = new Map([
  [14, { kind: 'terminal', edge: 'start', channel: 'relay' }],
  [10, { kind: 'terminal', edge: 'end', channel: 'relay' }],
  [15, { kind: 'desktop', edge: 'start', channel: 'relay' }],
  [11, { kind: 'desktop', edge: 'end', channel: 'relay' }],
  [16, { kind: 'files', edge: 'start', channel: 'relay' }],
  [12, { kind: 'files', edge: 'end', channel: 'relay' }],
  [13, { kind: 'other', edge: 'start', channel: 'relay' }],
  [9, { kind: 'other', edge: 'end', channel: 'relay' }],
  [148, { kind: 'terminal', edge: 'start', channel: 'web' }],
  [123, { kind: 'terminal', edge: 'end', channel: 'web' }],
  [149, { kind: 'files', edge: 'start', channel: 'web' }],
  [124, { kind: 'files', edge: 'end', channel: 'web' }],
  [150, { kind: 'desktop', edge: 'start', channel: 'web' }],
  [125, { kind: 'desktop', edge: 'end', channel: 'web' }],
]);

const CONSENT_MESSAGES: ReadonlyMap<number, { kind: SessionKind; fact: Exclude<SessionConsentFact, null> }> = new Map([
  [27, { kind: 'terminal', fact: 'given' }],
  [28, { kind: 'terminal', fact: 'refused' }],
  [30, { kind: 'desktop', fact: 'given' }],
  [34, { kind: 'desktop', fact: 'refused' }],
  [35, { kind: 'desktop', fact: 'notPrompted' }],
  [36, { kind: 'desktop', fact: 'notPrompted' }],
  [40, { kind: 'files', fact: 'given' }],
  [41, { kind: 'files', fact: 'refused' }],
  [42, { kind: 'files', fact: 'notPrompted' }],
  [43, { kind: 'files', fact: 'notPrompted' }],
]);

/** An answer logged this much before the start we computed, or after the end, still belongs to the session. */
const CONSENT_SLACK_MS = 2_000;

/** When several facts fall in one session, the strongest counts: a refusal over an acceptance over no prompt. */
const FACT_STRENGTH: Record<Exclude<SessionConsentFact, null>, number> = { notPrompted: 1, given: 2, refused: 3 };

interface Edge {
  key: string;
  kind: SessionKind;
  accountId: string;
  accountName: string;
  at: number;
  /** Ends only. */
  seconds?: number;
}

interface ConsentEntry {
  accountId: string;
  kind: SessionKind;
  at: number;
  fact: Exclude<SessionConsentFact, null>;
}

/**
 * The sessions in one device's events. `portalUserOf` names the portal user of an account the portal's sign-in
 * made (null for any other account).
 */
export function sessionsFromEvents(deviceId: string, events: readonly unknown[], portalUserOf: (accountId: string) => string | null): ObservedSessions {
  const skipped: string[] = [];
  const starts = new Map<string, Edge>();
  const ends = new Map<string, Edge>();
  const consents: ConsentEntry[] = [];

  events.forEach((event, index) => {
    const read = readEvent(deviceId, event, index);
    if (read === undefined) return;
    if (typeof read === 'string') {
      skipped.push(read);
      return;
    }
    if ('fact' in read) consents.push(read);
    else {
      const edges = read.seconds === undefined ? starts : ends;
      // The same event twice (a resend, or a page read again) is the same edge: the first one read counts.
      if (!edges.has(read.key)) edges.set(read.key, read);
    }
  });

  const sessions: ObservedSession[] = [];
  for (const key of new Set([...starts.keys(), ...ends.keys()])) {
    const start = starts.get(key);
    const end = ends.get(key);
    const edge = (end ?? start)!;
    const fromEnd = end ? end.at - end.seconds! * 1000 : undefined;
    // The start's own time is exact; one later than the end cannot be (a clock step): the duration is then used.
    const startedAt = start && (end === undefined || start.at <= end.at) ? start.at : fromEnd!;
    sessions.push({
      engineKey: `meshcentral:${deviceId}:${key}`,
      deviceEngineId: deviceId,
      accountEngineId: edge.accountId,
      portalUserId: portalUserOf(edge.accountId),
      accountName: edge.accountName,
      kind: edge.kind,
      startedAt: new Date(startedAt).toISOString(),
      endedAt: end ? new Date(end.at).toISOString() : null,
      consent: null,
    });
  }
  sessions.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.engineKey.localeCompare(b.engineKey));

  for (const consent of consents) {
    const owner = sessionOfConsent(sessions, consent);
    if (owner && (owner.consent === null || FACT_STRENGTH[consent.fact] > FACT_STRENGTH[owner.consent])) owner.consent = consent.fact;
  }
  return { sessions, skipped };
}

/** The session of the same account and kind open at the answer's time: the latest such start before it. */
function sessionOfConsent(sessions: readonly ObservedSession[], consent: ConsentEntry): ObservedSession | undefined {
  let owner: ObservedSession | undefined;
  for (const session of sessions) {
    if (session.accountEngineId !== consent.accountId || session.kind !== consent.kind) continue;
    const start = Date.parse(session.startedAt) - CONSENT_SLACK_MS;
    const end = session.endedAt === null ? Number.POSITIVE_INFINITY : Date.parse(session.endedAt) + CONSENT_SLACK_MS;
    if (consent.at >= start && consent.at <= end && (!owner || session.startedAt >= owner.startedAt)) owner = session;
  }
  return owner;
}

/** One event: an edge of a session, a consent fact, undefined for an event that is neither, or why it was skipped. */
function readEvent(deviceId: string, event: unknown, index: number): Edge | ConsentEntry | string | undefined {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return `event ${index} on ${deviceId}: not an object`;
  const fields = event as Record<string, unknown>;
  const { action, msgid } = fields;
  if (typeof msgid !== 'number') return undefined;
  const message = action === 'relaylog' ? RELAY_MESSAGES.get(msgid) : action === 'agentlog' ? CONSENT_MESSAGES.get(msgid) : undefined;
  if (message === undefined) return undefined;

  const where = `${action} ${msgid} on ${deviceId}`;
  const at = typeof fields['time'] === 'string' ? Date.parse(fields['time']) : Number.NaN;
  if (Number.isNaN(at)) return `${where}: no readable time`;
  const accountId = fields['userid'];
  if (typeof accountId !== 'string' || accountId.length === 0) return `${where} at ${new Date(at).toISOString()}: no account`;
  if ('fact' in message) return { accountId, kind: message.kind, at, fact: message.fact };

  const args = Array.isArray(fields['msgArgs']) ? (fields['msgArgs'] as unknown[]) : [];
  const { channel, edge, kind } = message;
  // Relay: [relayId, from, to(, seconds)]; web relays: [sessionId] and [seconds, sessionId].
  const id = channel === 'relay' ? args[0] : edge === 'start' ? args[0] : args[1];
  if (typeof id !== 'string' || id.length === 0) return `${where} at ${new Date(at).toISOString()}: no relay id`;
  const accountName = typeof fields['username'] === 'string' && fields['username'].length > 0 ? fields['username'] : accountId;
  const read: Edge = { key: `${channel}:${id}`, kind, accountId, accountName, at };
  if (edge === 'start') return read;
  const seconds = channel === 'relay' ? args[3] : args[0];
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return `${where} at ${new Date(at).toISOString()}: no readable duration`;
  return { ...read, seconds };
}
