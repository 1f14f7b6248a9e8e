import type { ProblemField } from './problem';

/** One documented answer: when it comes, how the portal words it, and the fields it names. */
export interface ProblemExample {
  /** When the portal answers this (the example's summary in the OpenAPI document). */
  readonly summary: string;
  /** A title as the portal writes it; some name the object, so the words vary a little. */
  readonly title: string;
  readonly errors?: readonly ProblemField[];
}

/**
 * Every problem `code` the portal answers, at each status it answers it with: the one list the OpenAPI
 * document's per-operation problems are built from (server/openapi/problem-responses.ts). A test finds
 * every code thrown in server/ and fails when one is missing here or answered with another status, and
 * the API tests fail when an operation answers a code its documentation does not list.
 * VALIDATION_FAILED is the one code with two statuses: 400 when the request does not match the schema,
 * 422 when values break the portal's rules (the fields say which).
 */
export const problemCatalogue = {
  // What the framework answers, for any operation whose shape allows it (see frameworkProblems).
  VALIDATION_FAILED: {
    400: {
      summary: 'The request does not match the operation\'s schema: `errors` names each field and the rule it breaks',
      title: 'The request is not valid',
      errors: [{ field: 'colour', code: 'ADDITIONALPROPERTIES', message: 'must NOT have additional properties' }],
    },
    422: {
      summary: 'Values break the portal\'s rules: `errors` names each field with a code of its own',
      title: 'The request is not valid',
    },
  },
  BAD_REQUEST: {
    400: {
      summary: 'The request could not be read for a reason without a code of its own (it is not HTTP, or its body broke off)',
      title: 'Bad Request',
    },
  },
  HEADERS_TOO_LARGE: {
    431: {
      summary: 'The request line and headers together are over the server\'s limit (16 KiB unless the server is started otherwise)',
      title: 'The request headers are too large',
      errors: [{ field: 'headers', code: 'TOO_LARGE', message: 'The request line and headers are over 16384 bytes' }],
    },
  },
  REQUEST_TIMEOUT: {
    408: { summary: 'The request did not arrive whole within the server\'s time limit', title: 'The request did not arrive in time' },
  },
  UNAUTHENTICATED: {
    401: {
      summary: 'No access token, or one that is invalid or expired: sign in again (WWW-Authenticate says why)',
      title: 'The access token is invalid or expired',
    },
  },
  BODY_TOO_LARGE: {
    413: {
      summary: 'The body is over the operation\'s limit (256 KiB unless the operation says otherwise)',
      title: 'The body is too large',
      errors: [{ field: 'body', code: 'TOO_LARGE', message: 'The body is over 262144 bytes' }],
    },
  },
  URI_TOO_LONG: {
    414: {
      summary: 'A path segment is over 1000 characters',
      title: 'The path is too long',
      errors: [{ field: 'path', code: 'TOO_LONG', message: 'A part of the path is over 1000 characters' }],
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    415: {
      summary: 'A body that is not application/json, or a body without a content type',
      title: 'The body must be application/json',
      errors: [{ field: 'content-type', code: 'UNSUPPORTED_MEDIA_TYPE', message: 'text/plain is not application/json' }],
    },
  },
  INTERNAL: {
    500: { summary: 'The portal failed; nothing was half-written (every change is one transaction)', title: 'Internal server error' },
  },
  ROUTE_NOT_FOUND: {
    404: { summary: 'The API has no such path or method (answered outside every operation)', title: 'The portal has no route GET /api/v1/nope' },
  },

  // What operations answer themselves.
  FORBIDDEN: {
    403: { summary: 'The caller lacks the role the operation needs', title: 'This requires the portal-admin role' },
  },
  NOT_FOUND: {
    404: { summary: 'No such object in your organisation: another organisation\'s ids answer this too', title: 'Machine group not found' },
  },
  VENDOR_NOT_FOUND: {
    404: { summary: 'No vendor organisation has this id', title: 'Vendor not found' },
  },
  SERVICE_NOT_ACTIVE: {
    409: {
      summary: 'Remote support is not active for your organisation yet ("activating" does not count)',
      title: 'Remote support is activating for this organisation; activate it and wait until it is active',
    },
  },
  ALREADY_ACTIVE: {
    409: { summary: 'Remote support is already active', title: 'Remote support is already active' },
  },
  TERMS_NOT_ACCEPTED: {
    422: {
      summary: 'acceptTerms is not true',
      title: 'The terms of use must be accepted to activate remote support',
      errors: [{ field: 'acceptTerms', code: 'TERMS_NOT_ACCEPTED', message: 'Must be true' }],
    },
  },
  TERMS_VERSION_MISMATCH: {
    422: {
      summary: 'termsVersion is not the version of the current terms: read them again',
      title: 'The current terms are version 2.0-1; read and accept those',
      errors: [{ field: 'termsVersion', code: 'TERMS_VERSION_MISMATCH', message: 'Expected 2.0-1' }],
    },
  },
  NAME_REQUIRED: {
    422: {
      summary: 'The name is empty once trimmed',
      title: 'Required: empty after trimming',
      errors: [{ field: 'name', code: 'NAME_REQUIRED', message: 'Required: empty after trimming' }],
    },
  },
  NAME_INVALID_CHARACTERS: {
    422: {
      summary: 'The name holds a character the rules do not allow: the message names the first',
      title: '"/" (U+002F SOLIDUS) at character 4 is not allowed: use letters, digits 0-9, space, "-", "_" and "."',
      errors: [
        {
          field: 'name',
          code: 'NAME_INVALID_CHARACTERS',
          message: '"/" (U+002F SOLIDUS) at character 4 is not allowed: use letters, digits 0-9, space, "-", "_" and "."',
        },
      ],
    },
  },
  NAME_TOO_LONG: {
    422: {
      summary: 'The organisation prefix and the name together are over 60 characters',
      title: 'The name may have at most 42 characters: 60 together with the organisation prefix "NorskHelsenetttest"',
      errors: [
        { field: 'name', code: 'NAME_TOO_LONG', message: 'The name may have at most 42 characters: 60 together with the organisation prefix "NorskHelsenetttest"' },
      ],
    },
  },
  NAME_TAKEN: {
    409: {
      summary: 'Another of your groups has this name, ignoring case and look-alike letters',
      title: 'The organisation already has a machine group named "Legekontor"',
      errors: [{ field: 'name', code: 'NAME_TAKEN', message: 'The organisation already has a machine group named "Legekontor"' }],
    },
  },
  DEFAULT_GROUP: {
    409: {
      summary: 'The default group "Maskiner" is never deleted (it may be renamed)',
      title: 'The default machine group cannot be deleted: every organisation has it (it may be renamed)',
      errors: [{ field: 'id', code: 'DEFAULT_GROUP', message: 'The default machine group cannot be deleted: every organisation has it (it may be renamed)' }],
    },
  },
  VENDORS_HAVE_ACCESS: {
    409: {
      summary: 'Vendors still have access to the group: remove their access first',
      title: '2 vendor(s) have access to this machine group: remove their access first',
      errors: [{ field: 'grants', code: 'VENDORS_HAVE_ACCESS', message: '2 vendor(s) have access to this machine group: remove their access first' }],
    },
  },
  PRECONDITION_REQUIRED: {
    428: { summary: 'If-Match is missing: send the ETag of the copy you are changing', title: 'Send If-Match with the ETag of the machine group you are changing' },
  },
  PRECONDITION_FAILED: {
    412: {
      summary: 'If-Match names an older version: someone changed the object since you read it',
      title: 'The machine group was changed by someone else; reload it and try again',
    },
  },
  CANNOT_GRANT_SELF: {
    422: {
      summary: 'vendorId is your own organisation',
      title: 'An organisation cannot grant itself access to its own machine groups',
      errors: [{ field: 'vendorId', code: 'CANNOT_GRANT_SELF', message: 'This is your own organisation' }],
    },
  },
  EXPIRES_AT_NOT_IN_FUTURE: {
    422: {
      summary: 'expiresAt is not after the portal\'s clock',
      title: 'A grant must expire in the future',
      errors: [{ field: 'expiresAt', code: 'EXPIRES_AT_NOT_IN_FUTURE', message: 'Must be after 2026-03-02T09:15:00.000Z' }],
    },
  },
  YUBIKEY_IN_USE: {
    409: {
      summary: 'Another user, in any organisation, holds this Yubikey',
      title: 'This Yubikey is registered to another user',
      errors: [
        { field: 'yubikeyOtp', code: 'YUBIKEY_IN_USE', message: 'The Yubikey with public id ccccccbhjkln belongs to another user; use the user\'s own key' },
      ],
    },
  },
  TWO_FACTOR_NOT_TOTP: {
    409: { summary: 'The user signs in with a Yubikey, or has no authenticator secret', title: 'This user signs in with a Yubikey, not an authenticator app' },
  },
  USER_DEACTIVATED: {
    409: { summary: 'The user is deactivated: reactivate the user first', title: 'The user is deactivated: reactivate the user first' },
  },
  CANNOT_DEACTIVATE_SELF: {
    409: {
      summary: 'You cannot deactivate your own account',
      title: 'You cannot deactivate yourself: you would be signed out and could not undo it. Ask another portal administrator.',
    },
  },
  CANNOT_DELETE_SELF: {
    409: {
      summary: 'You cannot delete your own account',
      title: 'You cannot delete yourself: you would be signed out and could not undo it. Ask another portal administrator.',
    },
  },
  LAST_ADMIN: {
    409: {
      summary: 'No other active portal administrator would remain',
      title: 'The organisation\'s last active portal administrator cannot be removed',
    },
  },
  ACCESS_REVIEW_CONFLICT: {
    409: {
      summary: 'This id was already recorded with other content: ids are idempotency keys, never reused',
      title: 'An access review with this id was started with other content',
      errors: [{ field: 'id', code: 'ACCESS_REVIEW_CONFLICT', message: 'An access review with this id was started with other content' }],
    },
  },
  ACCESS_REVIEW_COMPLETED: {
    409: {
      summary: 'The review is completed and the request holds a new decision',
      title: 'The access review is completed: it takes no more decisions',
    },
  },
  ENGINE_UNAVAILABLE: {
    503: {
      summary: 'The remote-support system could not be reached or refused: nothing was removed, try again later',
      title: 'MeshCentral did not remove the access: connect ECONNREFUSED 127.0.0.1:4430',
    },
  },
} as const satisfies Record<string, Readonly<Partial<Record<number, ProblemExample>>>>;

export type ProblemCode = keyof typeof problemCatalogue;

/** The statuses a code is answered with. */
export type ProblemStatus<C extends ProblemCode> = keyof (typeof problemCatalogue)[C] & number;

/** The catalogue's example of `code` at `status`, or undefined when the portal never answers that pair. */
export function catalogueExample(code: string, status: number): ProblemExample | undefined {
  if (!Object.hasOwn(problemCatalogue, code)) return undefined;
  const byStatus: Partial<Record<number, ProblemExample>> = problemCatalogue[code as ProblemCode];
  return byStatus[status];
}
