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
 *
 * It never throws: it is called from error paths (the dispatcher's catch), and a full disk, a removed
 * folder or an unserialisable field must cost log lines, not the process. When writing fails the line
 * is dropped and one notice goes to stderr until a write works again.
 */
export function createFileLogger(filePath: string, now: () => Date = () => new Date()): Logger {
  let failing = false;
  const ensureFolder = (): void => void mkdirSync(dirname(filePath), { recursive: true, mode: 0o700 });
  try {
    ensureFolder();
  } catch {
    // Reported by the first write that fails.
  }
  const write = (level: string, event: string, fields?: LogFields): void => {
    try {
      const line = { time: now().toISOString(), level, event, ...(fields ? (redact(fields) as LogFields) : {}) };
      if (failing) ensureFolder();
      appendFileSync(filePath, `${JSON.stringify(line)}\n`, { mode: 0o600 });
      failing = false;
    } catch (error) {
      if (failing) return;
      failing = true;
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      try {
        process.stderr.write(`Fjernhjelp Admin: cannot write the log ${filePath} (${reason}); log lines are dropped until it works again\n`);
      } catch {
        // Not even stderr: nothing left to tell.
      }
    }
  };
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  };
}
