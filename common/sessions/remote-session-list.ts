import type { RemoteSession } from '../portal/portal-types';

/**
 * Where a session was, seen from the organisation: on its own machines (whoever connected), or one of its own
 * technicians on another organisation's machines (the portal shows a vendor its technicians' sessions).
 */
export const SESSION_PLACES = ['ownMachines', 'atOthers'] as const;
export type SessionPlace = (typeof SESSION_PLACES)[number];

/** A session as the sessions screen, its CSV and its PDF show it: the portal's record and what the app judged of it. */
export interface SessionListItem extends RemoteSession {
  /** Some of the session lay outside the organisation's working hours (Oslo time; an open session up to now). */
  outsideWorkingHours: boolean;
  place: SessionPlace;
}

/** One answer of `sessions.list`: the newest `limit` sessions the filter lets through, and how many it lets through in all. */
export interface SessionList {
  sessions: SessionListItem[];
  total: number;
  limit: number;
}

/** What the screen's choices offer: every vendor, group and user that has a session in the cache, with its newest name. */
export interface SessionFacets {
  vendors: Array<{ id: string; name: string }>;
  groups: Array<{ id: string; name: string }>;
  users: Array<{ id: string; username: string; vendorName: string | null }>;
}

/** The most sessions one screen answer holds; the filter narrows the rest down. */
export const SESSION_LIST_MAX = 100_000;
export const SESSION_LIST_DEFAULT = 5_000;

/**
 * The evidence of use of one grant (a vendor's access to a group), from the cached sessions of that
 * vendor's users on that group.
 */
export interface GrantUsage {
  grantId: string;
  groupId: string;
  vendorId: string;
  /** When the newest session started, ever; null: never used. */
  lastUsedAt: string | null;
  /** Sessions that started within the window. */
  sessionsInWindow: number;
  /** A session without approval (consent "notNeeded") within the window lay, at least in part, outside working hours. */
  usedOutsideHours: boolean;
}

export interface GrantUsageReport {
  /** The window is the `windowDays` days up to `generatedAt` (the review settings' recommendationDays). */
  windowDays: number;
  /** `generatedAt` minus `windowDays` × 24 h: a session that started at or after it is within the window. */
  windowStart: string;
  generatedAt: string;
  /** Every cached grant, in grant id order. */
  usage: GrantUsage[];
}
