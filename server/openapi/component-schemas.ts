import { syncTypes } from '../domain/sync-types';
import { engineSchemas } from './engine-schemas';
import { sessionSchemas } from './session-schemas';

/**
 * The API's shared shapes, added to Fastify with `addSchema` so routes refer to them as `Name#` and
 * @fastify/swagger publishes them as `#/components/schemas/Name`. Response schemas are closed
 * (additionalProperties: false): the serializer then drops anything not documented, so a field can
 * only reach a client by being added here first.
 */
const isoDateTime = { type: 'string', format: 'date-time' } as const;
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' } as const;
const version = { type: 'integer', description: 'The sync version of this state (the same as in GET /sync)' } as const;
const organisationRef = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

// A review's summary fields, shared by the summary and the full review.
const accessReviewSummaryRequired = ['id', 'name', 'dueDate', 'startedAt', 'startedBy', 'completedAt', 'itemCount', 'decisionCount'] as const;
const accessReviewSummaryProperties = {
  id: { type: 'string', description: 'Chosen by the client that started the review: its idempotency key' },
  name: { type: 'string' },
  dueDate: { type: 'string', format: 'date' },
  startedAt: isoDateTime,
  startedBy: { type: 'string', description: 'Username' },
  completedAt: nullableDateTime,
  itemCount: { type: 'integer' },
  decisionCount: { type: 'integer', description: 'Stored decision records (a grant may have several)' },
} as const;

export const componentSchemas = [
  {
    $id: 'FieldError',
    type: 'object',
    additionalProperties: false,
    required: ['field', 'code', 'message'],
    properties: {
      field: { type: 'string', description: 'The invalid field, e.g. "name" or "expiresAt"' },
      code: { type: 'string', description: 'Why, as a stable code, e.g. NAME_TOO_LONG or EMAIL_INVALID' },
      message: { type: 'string' },
    },
  },
  {
    $id: 'Problem',
    description: 'RFC 9457 problem details; `code` is the stable reason a client maps to its own text.',
    type: 'object',
    additionalProperties: false,
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      code: { type: 'string' },
      instance: { type: 'string' },
      errors: { type: 'array', items: { $ref: 'FieldError#' } },
    },
  },
  {
    $id: 'OrganisationRef',
    ...organisationRef,
  },
  {
    $id: 'Me',
    type: 'object',
    additionalProperties: false,
    required: ['user', 'organisation', 'roles'],
    properties: {
      user: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'username', 'firstName', 'lastName', 'email'],
        properties: {
          id: { type: 'string' },
          username: { type: 'string' },
          firstName: { type: 'string' },
          lastName: { type: 'string' },
          email: { type: 'string' },
        },
      },
      organisation: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'name', 'prefix'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          prefix: { type: 'string', description: 'The name without whitespace: the first part of every machine group\'s full name' },
        },
      },
      roles: { type: 'array', items: { $ref: 'Role#' } },
    },
  },
  { $id: 'Role', type: 'string', enum: ['portal-admin', 'remote-support-user'] },
  {
    $id: 'TermsItem',
    type: 'object',
    additionalProperties: false,
    required: ['text'],
    properties: { text: { type: 'string' }, items: { type: 'array', items: { $ref: 'TermsItem#' } } },
  },
  {
    $id: 'RemoteSupportService',
    type: 'object',
    additionalProperties: false,
    required: ['status', 'terms', 'acceptedTermsVersion', 'activatedAt', 'readyAt', 'version'],
    properties: {
      status: { type: 'string', enum: ['inactive', 'activating', 'active'] },
      terms: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'introduction', 'items', 'acceptanceStatement'],
        properties: {
          version: { type: 'string' },
          introduction: { type: 'string' },
          items: { type: 'array', items: { $ref: 'TermsItem#' } },
          acceptanceStatement: { type: 'string' },
        },
      },
      acceptedTermsVersion: { type: ['string', 'null'] },
      activatedAt: nullableDateTime,
      readyAt: { ...nullableDateTime, description: 'When activation finishes (activating) or finished (active)' },
      version,
    },
  },
  {
    $id: 'MachineGroup',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'fullName', 'syncState', 'readyAt', 'createdAt', 'createdBy', 'isDefault', 'engineStatus', 'version'],
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      fullName: { type: 'string', description: 'prefix + "-" + name, as vendors see the group' },
      syncState: { type: 'string', enum: ['pending', 'ready'] },
      readyAt: isoDateTime,
      createdAt: isoDateTime,
      createdBy: { type: 'string', description: 'Username' },
      isDefault: { type: 'boolean', description: 'The group every organisation gets at activation ("Maskiner"): it may be renamed, never deleted' },
      engineStatus: { $ref: 'EngineObjectStatus#' },
      version,
    },
  },
  { $id: 'GrantMode', type: 'string', enum: ['with_approval', 'without_approval'] },
  {
    $id: 'Grant',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'groupId', 'vendor', 'mode', 'grantedAt', 'grantedBy', 'modeChangedAt', 'modeChangedBy', 'expiresAt', 'engineStatus', 'version'],
    properties: {
      id: { type: 'string', description: '<groupId>:<vendorId>' },
      groupId: { type: 'string' },
      vendor: { $ref: 'OrganisationRef#' },
      mode: { $ref: 'GrantMode#' },
      grantedAt: { ...isoDateTime, description: 'When access was first given; a later change of mode or expiry keeps it' },
      grantedBy: { type: 'string', description: 'Username of who first gave access' },
      modeChangedAt: { ...nullableDateTime, description: 'The latest change of mode; null while the mode is as first given' },
      modeChangedBy: { type: ['string', 'null'], description: 'Username of who made the latest change of mode' },
      engineStatus: { $ref: 'EngineObjectStatus#' },
      expiresAt: nullableDateTime,
      version,
    },
  },
  {
    $id: 'Vendor',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'version'],
    properties: { id: { type: 'string' }, name: { type: 'string' }, version },
  },
  {
    $id: 'AccessibleGroup',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name', 'fullName', 'owner', 'mode', 'expiresAt', 'version'],
    properties: {
      id: { type: 'string', description: 'The machine group\'s id' },
      name: { type: 'string' },
      fullName: { type: 'string' },
      owner: { $ref: 'OrganisationRef#' },
      mode: { $ref: 'GrantMode#' },
      expiresAt: nullableDateTime,
      version,
    },
  },
  {
    $id: 'User',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'username', 'firstName', 'lastName', 'email', 'mobile', 'twoFactor', 'yubikeyPublicId', 'roles', 'status', 'deactivatedAt', 'engineStatus', 'createdAt', 'updatedAt', 'version'],
    properties: userProperties(),
  },
  {
    $id: 'UserWithTotp',
    description: 'A user; `otpauthUri` is present when this request made a new TOTP secret (show it once as a QR code).',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'username', 'firstName', 'lastName', 'email', 'mobile', 'twoFactor', 'yubikeyPublicId', 'roles', 'status', 'deactivatedAt', 'engineStatus', 'createdAt', 'updatedAt', 'version'],
    properties: { ...userProperties(), otpauthUri: { type: 'string' } },
  },
  {
    $id: 'OtpauthUri',
    type: 'object',
    additionalProperties: false,
    required: ['otpauthUri'],
    properties: { otpauthUri: { type: 'string', description: 'Key Uri Format: issuer "Fjernhjelp (<organisation>)" (no colon), label <issuer>:<username>, SHA1, 6 digits, 30 s' } },
  },
  {
    $id: 'OneTimePasswordReceipt',
    type: 'object',
    additionalProperties: false,
    required: ['channel', 'recipient', 'expiresAt'],
    properties: { channel: { type: 'string', enum: ['sms'] }, recipient: { type: 'string' }, expiresAt: isoDateTime },
  },
  {
    $id: 'AuditEvent',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'version', 'at', 'actor', 'action', 'objectType', 'objectId', 'before', 'after'],
    properties: {
      id: { type: 'integer' },
      version: { type: 'integer' },
      at: isoDateTime,
      actor: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'username'],
        properties: { id: { type: 'string', description: '"system" for the portal\'s own delayed changes' }, username: { type: 'string' } },
      },
      action: { type: 'string', description: 'e.g. machineGroup.created, grant.changed, user.changed, service.activated' },
      objectType: { type: 'string' },
      objectId: { type: 'string' },
      objectNames: {
        type: 'object',
        additionalProperties: false,
        description: 'The object\'s names when the event was written, so the log stays readable after it is renamed or gone; absent on events written before names were kept',
        properties: {
          group: { type: 'string', description: 'The machine group\'s full name' },
          vendor: { type: 'string' },
          user: { type: 'string', description: 'Username' },
          person: { type: 'string', description: 'First and last name' },
          review: { type: 'string', description: 'The access review\'s name' },
          organisation: { type: 'string', description: 'The organisation whose service the event is about' },
        },
      },
      before: { type: ['object', 'null'], additionalProperties: true },
      after: { type: ['object', 'null'], additionalProperties: true },
    },
  },
  {
    $id: 'AccessReviewItem',
    description: 'What the reviewer saw of one grant when the review started; it stays readable after the grant is removed.',
    type: 'object',
    additionalProperties: false,
    required: ['grantId', 'groupId', 'groupFullName', 'vendorId', 'vendorName', 'mode', 'grantedAt', 'grantedBy', 'expiresAt'],
    properties: {
      grantId: { type: 'string', minLength: 1, maxLength: 201, description: 'The grant\'s id, <groupId>:<vendorId>' },
      groupId: { type: 'string', minLength: 1, maxLength: 100, description: 'One of your machine groups' },
      groupFullName: { type: 'string', minLength: 1, maxLength: 300 },
      vendorId: { type: 'string', minLength: 1, maxLength: 100 },
      vendorName: { type: 'string', minLength: 1, maxLength: 300 },
      mode: { $ref: 'GrantMode#' },
      grantedAt: isoDateTime,
      grantedBy: { type: 'string', minLength: 1, maxLength: 300, description: 'Username' },
      expiresAt: nullableDateTime,
    },
  },
  {
    $id: 'AccessReviewSummary',
    type: 'object',
    additionalProperties: false,
    required: [...accessReviewSummaryRequired],
    properties: accessReviewSummaryProperties,
  },
  {
    $id: 'AccessReviewDecisionRecord',
    description: 'Immutable: changing one\'s mind adds a newer record; the newest per grant counts.',
    type: 'object',
    additionalProperties: false,
    required: ['id', 'grantId', 'decision', 'justification', 'decidedAt', 'decidedBy', 'recordedAt'],
    properties: {
      id: { type: 'string', description: 'Chosen by the client: the record\'s idempotency key' },
      grantId: { type: 'string' },
      decision: { type: 'string', enum: ['keep', 'remove'] },
      justification: { type: ['string', 'null'] },
      decidedAt: { ...isoDateTime, description: 'When the reviewer decided (the client\'s clock)' },
      decidedBy: { type: 'string', description: 'Username of the administrator who sent the record' },
      recordedAt: { ...isoDateTime, description: 'When the portal stored the record' },
    },
  },
  {
    $id: 'AccessReview',
    type: 'object',
    additionalProperties: false,
    required: [...accessReviewSummaryRequired, 'items', 'decisions'],
    properties: {
      ...accessReviewSummaryProperties,
      items: { type: 'array', items: { $ref: 'AccessReviewItem#' }, description: 'In the order given when the review started' },
      decisions: { type: 'array', items: { $ref: 'AccessReviewDecisionRecord#' }, description: 'In the order recorded' },
    },
  },
  {
    $id: 'AccessReviewDecisionReceipt',
    type: 'object',
    additionalProperties: false,
    required: ['recorded', 'alreadyRecorded'],
    properties: {
      recorded: { type: 'integer', description: 'Records stored by this request' },
      alreadyRecorded: { type: 'integer', description: 'Records the portal already held with the same content' },
    },
  },
  {
    $id: 'SyncChange',
    description: 'A put carries `data` in the shape the REST list route for that type returns; a delete carries none.',
    oneOf: [
      syncPut('service', 'RemoteSupportService#'),
      syncPut('vendor', 'Vendor#'),
      syncPut('machineGroup', 'MachineGroup#'),
      syncPut('grant', 'Grant#'),
      syncPut('accessibleGroup', 'AccessibleGroup#'),
      syncPut('user', 'User#'),
      syncPut('auditEvent', 'AuditEvent#'),
      syncPut('device', 'GroupDevice#'),
      syncPut('engineFinding', 'EngineFinding#'),
      syncPut('remoteSession', 'RemoteSession#'),
      {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'op', 'id', 'version'],
        properties: { type: { type: 'string', enum: [...syncTypes] }, op: { const: 'delete' }, id: { type: 'string' }, version: { type: 'integer' } },
      },
    ],
  },
  {
    $id: 'SyncPage',
    type: 'object',
    additionalProperties: false,
    required: ['cursor', 'hasMore', 'changes'],
    properties: {
      cursor: { type: 'integer', description: 'The last version delivered; the next page is ?since=<cursor>' },
      hasMore: { type: 'boolean' },
      changes: { type: 'array', items: { $ref: 'SyncChange#' } },
    },
  },
  ...engineSchemas,
  ...sessionSchemas,
] as const;

function userProperties() {
  return {
    id: { type: 'string' },
    username: { type: 'string' },
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    email: { type: 'string' },
    mobile: { type: 'string', description: 'E.164' },
    twoFactor: { type: 'string', enum: ['totp', 'yubikey'] },
    yubikeyPublicId: { type: ['string', 'null'], description: 'The first 12 modhex characters of the registered key\'s codes' },
    roles: { type: 'array', items: { $ref: 'Role#' } },
    status: { type: 'string', enum: ['active', 'deactivated'], description: 'A deactivated user cannot sign in; the user and their history are kept' },
    deactivatedAt: { ...nullableDateTime, description: 'When the user was deactivated; null while active' },
    engineStatus: {
      description: "For an active remote-support user, whether the remote-support system has their account (MeshCentral: pending until the user's first sign-in there); null for anyone else",
      oneOf: [{ type: 'null' }, { $ref: 'EngineObjectStatus#' }],
    },
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: { type: 'integer', description: 'The ETag is W/"<version>"' },
  } as const;
}

function syncPut(type: string, ref: string) {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['type', 'op', 'id', 'version', 'data'],
    properties: { type: { const: type }, op: { const: 'put' }, id: { type: 'string' }, version: { type: 'integer' }, data: { $ref: ref } },
  } as const;
}
