import type { AuditEvent } from '../portal/portal-types';
import { formatCalendarDate, formatOsloDateTime, localeOf } from '../time/oslo-time';
import { AUDIT_WORDS, type AuditWords } from './audit-words';
import { auditObjectNames, type AuditNameIndex } from './audit-names';

export type AuditLanguage = 'nb' | 'en';

/** One changed field, in words: "Godkjenningsmetode: Med godkjenning → Uten godkjenning". */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

const SYSTEM_ACTOR_ID = 'system';

/** Technical fields an auditor has no use for: ids repeat the object column, versions are the portal's counters. */
const HIDDEN_FIELDS = new Set(['id', 'version', 'groupId', 'vendor_id', 'reviewId']);

const wordsOf = (language: AuditLanguage): AuditWords => AUDIT_WORDS[language];

/** "grant.deleted" → its words; a code the app does not know yet (a newer portal) is shown as it is. */
export function auditActionLabel(action: string, language: AuditLanguage): string {
  return lookup(wordsOf(language).actions, action.replaceAll('.', '_')) ?? action;
}

export function auditObjectTypeLabel(objectType: string, language: AuditLanguage): string {
  return lookup(wordsOf(language).objectTypes, objectType) ?? objectType;
}

/** Who did it: a username, or the portal itself for its delayed changes (activation done, expiry). */
export function auditActorLabel(event: Pick<AuditEvent, 'actor'>, language: AuditLanguage): string {
  return event.actor.id === SYSTEM_ACTOR_ID ? wordsOf(language).system : event.actor.username;
}

/**
 * The object as an auditor names it, from the names the event carries (as they were at the time),
 * else from the event's own snapshots or the other events (`known`); the raw id only when nothing names it.
 */
export function auditObjectLabel(event: AuditEvent, language: AuditLanguage, known?: AuditNameIndex): string {
  const words = wordsOf(language);
  const names = auditObjectNames(event, known);
  switch (event.objectType) {
    case 'grant': {
      const split = event.objectId.indexOf(':');
      const group = names.group ?? (split > 0 ? event.objectId.slice(0, split) : event.objectId);
      const vendor = names.vendor ?? (split > 0 ? event.objectId.slice(split + 1) : '');
      return fill(words.objectNames.grant, { vendor, group });
    }
    case 'machineGroup':
      return names.group ?? event.objectId;
    case 'user':
      if (names.person && names.user) return fill(words.objectNames.person, { person: names.person, user: names.user });
      return names.user ?? names.person ?? event.objectId;
    case 'service':
      return names.organisation ?? event.objectId;
    case 'access_review':
      return names.review ?? event.objectId;
    default: {
      const any = Object.values(names).filter(Boolean);
      return any.length > 0 ? any.join(' – ') : event.objectId;
    }
  }
}

/**
 * What changed, field by field, in words: for a change only the fields that differ, for a creation
 * every field it was created with, for a deletion every field it had. Field names and coded values
 * are translated; times are Oslo time like everywhere else; an unknown field keeps its key.
 */
export function auditChanges(event: Pick<AuditEvent, 'before' | 'after'>, language: AuditLanguage): AuditChange[] {
  const before = flatten(event.before);
  const after = flatten(event.after);
  const keys = [...new Set([...after.keys(), ...before.keys()])].filter((key) => !HIDDEN_FIELDS.has(key));
  const bothSides = event.before !== null && event.after !== null;
  return keys
    .filter((key) => !bothSides || JSON.stringify(before.get(key)) !== JSON.stringify(after.get(key)))
    .map((key) => ({
      field: lookup(wordsOf(language).fields, key) ?? key,
      // A side that does not exist (before a creation, after a deletion) has nothing, not an empty field.
      before: event.before === null ? wordsOf(language).empty : formatValue(key, before.get(key), language),
      after: event.after === null ? wordsOf(language).empty : formatValue(key, after.get(key), language),
    }));
}

/** One line per change, for a spreadsheet cell. */
export function auditChangeLines(changes: readonly AuditChange[]): string {
  return changes.map((change) => `${change.field}: ${change.before} → ${change.after}`).join('\n');
}

/** The time as the screen and the PDF show it. */
export function auditTimeLabel(event: Pick<AuditEvent, 'at'>, language: AuditLanguage): string {
  return formatOsloDateTime(event.at, localeOf(language));
}

function formatValue(key: string, value: unknown, language: AuditLanguage): string {
  const words = wordsOf(language);
  if (value === null || value === undefined || value === '') return key === 'expiresAt' ? words.never : words.empty;
  if (Array.isArray(value)) return value.length === 0 ? words.empty : value.map((item) => formatValue(key, item, language)).join(', ');
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  const coded = lookup(wordsOf(language).values as Record<string, Record<string, string>>, key);
  if (coded) return lookup(coded, value) ?? value;
  if (key === 'dueDate') return formatCalendarDate(value, localeOf(language));
  // Every instant the portal records is named "…At" (createdAt, expiresAt, decidedAt, …).
  if (key.endsWith('At') && !Number.isNaN(Date.parse(value))) return formatOsloDateTime(value, localeOf(language));
  return value;
}

/** Nested snapshot fields as "parent_child" (the grant's vendor.name is "vendor_name"). */
function flatten(snapshot: Record<string, unknown> | null | undefined, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (!snapshot) return into;
  for (const [key, value] of Object.entries(snapshot)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as Record<string, unknown>, name, into);
    else into.set(name, value);
  }
  return into;
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
