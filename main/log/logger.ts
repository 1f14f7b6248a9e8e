import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogFields = Record<string, unknown>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Field names whose values are never written, whatever they hold. */
const SECRET_KEY = /token|secret|password|passord|otp|authorization|cookie|code_verifier/i;

export function redact(value: unknown, depth = 0): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? '[redacted]' : redact(item, depth + 1);
  }
  return out;
}

/**
 * JSON-lines log file. Writes are synchronous so that the line about a crash is on disk before the
 * process dies; the app logs rarely enough that this costs nothing measurable.
 */
export function createFileLogger(filePath: string, now: () => Date = () => new Date()): Logger {
  mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
  const write = (level: string, event: string, fields?: LogFields): void => {
    const line = { time: now().toISOString(), level, event, ...(fields ? (redact(fields) as LogFields) : {}) };
    appendFileSync(filePath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
