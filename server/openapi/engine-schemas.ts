/**
 * The remote-support engine's shapes (server/engine/): its status, an object's state in it, the machines it
 * has in a group, and access found in it that no grant explains.
 */
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const version = { type: 'integer', description: 'The sync version of this state (the same as in GET /sync)' } as const;

export const engineSchemas = [
  {
    $id: 'EngineObjectStatus',
    description:
      'The object in the remote-support system: pending (the portal has it, the system does not yet), active, or failed with the system\'s reason. With no system ("simulated") every object is active at once.',
    type: 'object',
    additionalProperties: false,
    required: ['state', 'reason'],
    properties: {
      state: { type: 'string', enum: ['pending', 'active', 'failed'] },
      reason: { type: ['string', 'null'], description: "The remote-support system's reason, when failed" },
    },
  },
  {
    $id: 'EngineStatus',
    type: 'object',
    additionalProperties: false,
    required: ['kind', 'label', 'simulated', 'reachable', 'lastAttemptAt', 'lastSuccessAt', 'pendingChanges', 'lastError'],
    properties: {
      kind: { type: 'string', enum: ['none', 'meshcentral'] },
      label: { type: 'string', description: 'The remote-support system, e.g. "MeshCentral"; "simulert" when none' },
      simulated: { type: 'boolean', description: 'true: grants change nothing in any real system' },
      reachable: { type: ['boolean', 'null'], description: 'Whether the last attempt reached the system; null before the first and when simulated' },
      lastAttemptAt: nullableDateTime,
      lastSuccessAt: nullableDateTime,
      pendingChanges: { type: 'integer', description: 'Portal changes the system has not followed yet' },
      lastError: {
        oneOf: [
          { type: 'null' },
          { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        ],
      },
    },
  },
  {
    $id: 'GroupDevice',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'groupId', 'name', 'os', 'online', 'lastSeenAt', 'version'],
    properties: {
      id: { type: 'string', description: "The remote-support system's id of the machine" },
      groupId: { type: 'string' },
      name: { type: 'string' },
      os: { type: ['string', 'null'] },
      online: { type: 'boolean' },
      lastSeenAt: { ...nullableDateTime, description: 'When the machine last connected; null if never' },
      version,
    },
  },
  {
    $id: 'EngineFinding',
    description: 'Access to a machine group that exists in the remote-support system but was not given through the portal (drift).',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'groupId', 'subjectKind', 'subjectName', 'consentRequired', 'foundAt', 'version'],
    properties: {
      id: { type: 'string' },
      groupId: { type: 'string' },
      subjectKind: { type: 'string', enum: ['user', 'userGroup'] },
      subjectName: { type: 'string', description: 'The user or user group as the remote-support system names it' },
      consentRequired: { type: 'boolean', description: 'Whether the person at the machine must accept a connection through this access' },
      foundAt: { type: 'string', format: 'date-time' },
      version,
    },
  },
] as const;
