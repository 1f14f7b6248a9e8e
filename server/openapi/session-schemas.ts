/**
 * Remote-support sessions: who connected to which machine of which group, when, how, and whether the person at
 * the machine was asked. Pulled from the remote-support engine's own connection log by the reconciler
 * (server/engine/), stored once per engine session, and never edited: the evidence an access review decides on.
 */
export const sessionSchemas = [
  {
    $id: 'RemoteSessionKind',
    description: 'What the session gave: the desktop, a terminal, file transfer, or another channel the engine relays',
    type: 'string',
    enum: ['desktop', 'terminal', 'files', 'other'],
  },
  {
    $id: 'RemoteSessionConsent',
    description:
      'Whether the person at the machine had to accept: notNeeded (access without approval), asked (asked, no answer before the session ended), given, refused',
    type: 'string',
    enum: ['notNeeded', 'asked', 'given', 'refused'],
  },
  {
    $id: 'RemoteSession',
    description:
      "One session, seen by two organisations only: the owning organisation (of the machine group) and the technician's vendor organisation",
    type: 'object',
    additionalProperties: false,
    required: [
      'id', 'ownerId', 'groupId', 'groupName', 'deviceId', 'deviceName', 'userId', 'username', 'vendorId', 'vendorName',
      'kind', 'consent', 'startedAt', 'endedAt', 'version',
    ],
    properties: {
      id: { type: 'string' },
      ownerId: { type: 'string', description: 'The owning organisation: the one whose machine group the session was on' },
      groupId: { type: 'string', description: 'The machine group the device was in when the session took place' },
      groupName: { type: 'string', description: 'The group\'s full name (prefix-name, as vendors see it) at the time of the session' },
      deviceId: { type: 'string', description: "The remote-support system's id of the machine" },
      deviceName: { type: 'string', description: 'The machine\'s name at the time of the session' },
      userId: { type: ['string', 'null'], description: 'The portal user who connected; null for an account the portal does not know (access outside the portal)' },
      username: { type: 'string', description: "The portal user's username; for an account the portal does not know, the name the remote-support system gives it" },
      vendorId: {
        type: ['string', 'null'],
        description: "The technician's vendor organisation: the user's organisation, derived by the portal from the user; null when the user is unknown",
      },
      vendorName: { type: ['string', 'null'], description: "The vendor organisation's name at the time of the session" },
      kind: { $ref: 'RemoteSessionKind#' },
      consent: { $ref: 'RemoteSessionConsent#' },
      startedAt: { type: 'string', format: 'date-time' },
      endedAt: { type: ['string', 'null'], format: 'date-time', description: 'null while the session is open' },
      version: { type: 'integer', description: 'The sync version of this session (the same as in GET /sync)' },
    },
  },
] as const;
