import type { User } from '../portal/portal-types';

/**
 * A user as the users list shows, searches and sorts them, and as "Deleger rettigheter" offers them:
 * without the times, the version and the Yubikey id, which only the user's own screen shows (it reads
 * the whole user). A third fewer bytes for 10 000 users to send, read and hold before the list is painted.
 */
export type UserSummary = Pick<User, 'id' | 'username' | 'firstName' | 'lastName' | 'email' | 'mobile' | 'twoFactor' | 'roles' | 'status' | 'engineStatus'>;

export function userSummary({ id, username, firstName, lastName, email, mobile, twoFactor, roles, status, engineStatus }: UserSummary): UserSummary {
  return { id, username, firstName, lastName, email, mobile, twoFactor, roles, status, engineStatus };
}
