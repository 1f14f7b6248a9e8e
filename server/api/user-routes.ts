import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { actorFor } from '../domain/actor';
import { requireActiveService } from '../domain/remote-support-service';
import { listUserRows, requireUserRow, toUser } from '../domain/user-repository';
import {
  createUser,
  currentTotpUri,
  replaceTotpSecret,
  sendOneTimePassword,
  updateUser,
  userEtag,
  type NewUser,
  type UserChanges,
} from '../domain/user-service';
import { deactivateUser, deleteUser, reactivateUser } from '../domain/user-lifecycle';
import { callerWithRole } from '../http/authenticate';
import { ifMatchHeaders } from '../http/if-match';
import { conditionalGetHeaders, idParams, noContent, notModified, ok, okList, problems } from './route-schemas';
import { sendWithEtag } from './http-caching';

// Formats are checked by the shared rules in common/validation (422 with a code per field), not by
// the JSON schema, so the app gets the same specific codes its own form validation uses.
const text = (maxLength: number, description?: string) => ({ type: 'string', maxLength, ...(description && { description }) }) as const;
const twoFactor = { type: 'string', enum: ['totp', 'yubikey'] } as const;
const yubikeyOtp = text(100, 'A touch of the key: 44 modhex characters (cbdefghijklnrtuv, either case); the first 12, lower-cased, are stored as its public id');
const SECRET_HEADERS = { 'Cache-Control': 'no-store' };
const PRECONDITIONS = 'Needs If-Match with the user\'s ETag: 428 PRECONDITION_REQUIRED without it, 412 PRECONDITION_FAILED when stale.';
// What every route on one user can answer: not a user of your organisation, and the service not active yet.
const ON_A_USER = ['FORBIDDEN', 'SERVICE_NOT_ACTIVE', { code: 'NOT_FOUND', title: 'User not found' }] as const;
const IF_MATCH = [
  { code: 'PRECONDITION_REQUIRED', title: 'Send If-Match with the ETag of the user you are changing' },
  { code: 'PRECONDITION_FAILED', title: 'The user was changed by someone else; reload it and try again' },
] as const;

/** Remote-support users (the guide, chapter 5 and 5.1). */
export function registerUserRoutes(api: FastifyInstance, context: ServerContext): void {
  const { db, now, options } = context;
  const otpOptions = { oneTimePasswordTtlMs: options.oneTimePasswordTtlMs };

  api.get(
    '/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'Your organisation\'s users',
        tags: ['users'],
        headers: conditionalGetHeaders,
        response: { ...okList('User#'), ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return sendWithEtag(request, reply, listUserRows(db, caller.organisationId).map(toUser));
    },
  );

  api.post<{ Body: NewUser }>(
    '/users',
    {
      schema: {
        operationId: 'createUser',
        summary: 'Create a remote-support user',
        description:
          'Generates a unique username, e-mails it with service information and texts a one-time password. For totp the ' +
          'answer carries `otpauthUri` for the QR code. 422 VALIDATION_FAILED with per-field codes: NAME_REQUIRED, ' +
          'EMAIL_INVALID, MOBILE_INVALID, YUBIKEY_OTP_REQUIRED, YUBIKEY_OTP_LENGTH, YUBIKEY_OTP_CHARACTERS, YUBIKEY_OTP_NOT_ALLOWED, ...; ' +
          '409 YUBIKEY_IN_USE (on yubikeyOtp) when another user, in any organisation, holds the key.',
        tags: ['users'],
        body: {
          type: 'object',
          additionalProperties: false,
          required: ['firstName', 'lastName', 'email', 'mobile', 'twoFactor'],
          properties: {
            firstName: text(200),
            lastName: text(200),
            email: text(320),
            mobile: text(40, 'E.164, or 8 Norwegian digits (normalised to +47...)'),
            twoFactor,
            yubikeyOtp,
          },
        },
        response: {
          201: { description: 'Created', $ref: 'UserWithTotp#' },
          ...problems('FORBIDDEN', 'SERVICE_NOT_ACTIVE', 'YUBIKEY_IN_USE', {
            code: 'VALIDATION_FAILED',
            status: 422,
            errors: [
              { field: 'email', code: 'EMAIL_INVALID', message: 'The domain after "@" is not valid' },
              { field: 'mobile', code: 'MOBILE_INVALID', message: 'A Norwegian number has 8 digits after +47' },
            ],
          }),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const user = await createUser(db, actorFor(caller), request.body, now(), otpOptions);
      return reply
        .code(201)
        .headers({ ETag: userEtag(user.version), Location: `/api/v1/users/${user.id}`, ...SECRET_HEADERS })
        .send(user);
    },
  );

  api.get<{ Params: { id: string } }>(
    '/users/:id',
    {
      schema: {
        operationId: 'getUser',
        summary: 'One user, with its ETag',
        tags: ['users'],
        params: idParams,
        headers: conditionalGetHeaders,
        response: { 200: { description: 'OK', $ref: 'User#' }, ...notModified, ...problems(...ON_A_USER) },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const user = toUser(requireUserRow(db, caller.organisationId, request.params.id));
      return sendWithEtag(request, reply, user, userEtag(user.version));
    },
  );

  api.patch<{ Params: { id: string }; Body: UserChanges; Headers: { 'if-match'?: string } }>(
    '/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user\'s e-mail, mobile or second factor',
        description:
          'Needs If-Match with the user\'s ETag: 428 PRECONDITION_REQUIRED without it, 412 PRECONDITION_FAILED when stale. ' +
          'Switching to yubikey needs yubikeyOtp (409 YUBIKEY_IN_USE when another user holds the key); switching to totp makes a new ' +
          'secret and returns `otpauthUri`.',
        tags: ['users'],
        params: idParams,
        headers: ifMatchHeaders,
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { email: text(320), mobile: text(40), twoFactor, yubikeyOtp },
        },
        response: {
          200: { description: 'Changed', $ref: 'UserWithTotp#' },
          ...problems(...ON_A_USER, ...IF_MATCH, 'YUBIKEY_IN_USE', {
            code: 'VALIDATION_FAILED',
            status: 422,
            errors: [{ field: 'yubikeyOtp', code: 'YUBIKEY_OTP_REQUIRED', message: 'Touch the user\'s Yubikey to register it' }],
          }),
        },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const user = updateUser(db, actorFor(caller), request.params.id, request.headers['if-match'], request.body, now());
      return reply.headers({ ETag: userEtag(user.version), ...(user.otpauthUri && SECRET_HEADERS) }).send(user);
    },
  );

  // Deactivate, reactivate and delete (a vendor's technician leaves). Each acts on one user of the caller's
  // own organisation (404 for anyone else's) and is refused for the caller's own account.
  api.post<{ Params: { id: string }; Headers: { 'if-match'?: string } }>(
    '/users/:id/deactivate',
    {
      schema: {
        operationId: 'deactivateUser',
        summary: 'Deactivate a user: signed out at once, cannot sign in, history kept',
        description:
          `${PRECONDITIONS} Ends every session, grant and token of the user at the OpenID provider and withdraws a pending ` +
          'one-time password. Already deactivated: 200 with the user unchanged. 409 CANNOT_DEACTIVATE_SELF for your own ' +
          'account; 409 LAST_ADMIN when no other active portal administrator would remain.',
        tags: ['users'],
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: { description: 'Deactivated', $ref: 'User#' }, ...problems(...ON_A_USER, ...IF_MATCH, 'CANNOT_DEACTIVATE_SELF', 'LAST_ADMIN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const user = deactivateUser(db, actorFor(caller), request.params.id, request.headers['if-match'], now());
      return reply.headers({ ETag: userEtag(user.version) }).send(user);
    },
  );

  api.post<{ Params: { id: string }; Headers: { 'if-match'?: string } }>(
    '/users/:id/reactivate',
    {
      schema: {
        operationId: 'reactivateUser',
        summary: 'Reactivate a deactivated user',
        description: `${PRECONDITIONS} The user signs in again with a new one-time password (POST /users/{id}/one-time-password). Already active: 200 with the user unchanged.`,
        tags: ['users'],
        params: idParams,
        headers: ifMatchHeaders,
        response: { 200: { description: 'Reactivated', $ref: 'User#' }, ...problems(...ON_A_USER, ...IF_MATCH) },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      const user = reactivateUser(db, actorFor(caller), request.params.id, request.headers['if-match'], now());
      return reply.headers({ ETag: userEtag(user.version) }).send(user);
    },
  );

  api.delete<{ Params: { id: string }; Headers: { 'if-match'?: string } }>(
    '/users/:id',
    {
      schema: {
        operationId: 'deleteUser',
        summary: 'Delete a user (cannot be undone)',
        description:
          `${PRECONDITIONS} Signs the user out, erases their second-factor secrets and one-time password, keeps the audit ` +
          'history (named as the user was) and leaves a tombstone in GET /sync. 409 CANNOT_DELETE_SELF for your own account; ' +
          '409 LAST_ADMIN when no other active portal administrator would remain.',
        tags: ['users'],
        params: idParams,
        headers: ifMatchHeaders,
        response: { ...noContent, ...problems(...ON_A_USER, ...IF_MATCH, 'CANNOT_DELETE_SELF', 'LAST_ADMIN') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      deleteUser(db, actorFor(caller), request.params.id, request.headers['if-match'], now());
      return reply.code(204).send();
    },
  );

  api.post<{ Params: { id: string } }>(
    '/users/:id/one-time-password',
    {
      schema: {
        operationId: 'sendOneTimePassword',
        summary: 'Text the user a new one-time password',
        description: 'The previous one-time password stops working. 202: the SMS is queued. 409 USER_DEACTIVATED for a deactivated user.',
        tags: ['users'],
        params: idParams,
        response: { 202: { description: 'SMS queued', $ref: 'OneTimePasswordReceipt#' }, ...problems(...ON_A_USER, 'USER_DEACTIVATED') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return reply.code(202).send(await sendOneTimePassword(db, actorFor(caller), request.params.id, now(), otpOptions));
    },
  );

  api.post<{ Params: { id: string } }>(
    '/users/:id/totp',
    {
      schema: {
        operationId: 'replaceTotpSecret',
        summary: 'Make a new TOTP secret ("Lag ny to-faktorkode")',
        description: 'The old QR code stops working. 409 TWO_FACTOR_NOT_TOTP for a Yubikey user.',
        tags: ['users'],
        params: idParams,
        response: { ...ok({ $ref: 'OtpauthUri#' }), ...problems(...ON_A_USER, 'TWO_FACTOR_NOT_TOTP') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return reply.headers(SECRET_HEADERS).send(replaceTotpSecret(db, actorFor(caller), request.params.id, now()));
    },
  );

  api.get<{ Params: { id: string } }>(
    '/users/:id/totp',
    {
      schema: {
        operationId: 'getTotpSecret',
        summary: 'The current TOTP secret as an otpauth URI, to download the QR code again',
        description: '409 TWO_FACTOR_NOT_TOTP for a Yubikey user.',
        tags: ['users'],
        params: idParams,
        response: { ...ok({ $ref: 'OtpauthUri#' }), ...problems(...ON_A_USER, 'TWO_FACTOR_NOT_TOTP') },
      },
    },
    async (request, reply) => {
      const caller = callerWithRole(request, 'portal-admin');
      requireActiveService(db, caller.organisationId);
      return reply.headers(SECRET_HEADERS).send(currentTotpUri(db, actorFor(caller), request.params.id));
    },
  );
}
