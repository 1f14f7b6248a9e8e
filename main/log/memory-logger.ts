import type { LogFields, Logger } from './logger';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  fields: LogFields;
}

/** A Logger that keeps its lines in memory: for unit tests of code that logs. */
export function createMemoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const add = (level: LogEntry['level']) => (event: string, fields: LogFields = {}) => void entries.push({ level, event, fields });
  return { entries, info: add('info'), warn: add('warn'), error: add('error') };
}
