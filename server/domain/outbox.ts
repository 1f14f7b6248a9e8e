import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

export interface OutboxMessage {
  id: number;
  channel: 'email' | 'sms';
  recipient: string;
  userId: string;
  subject: string | null;
  body: string;
  createdAt: string;
}

/**
 * Messages the portal would send. A real deployment hands them to mail and SMS gateways; here tests
 * read them through GET /dev/outbox. An SMS body may hold a one-time password: it is the message.
 */
export function enqueueMessage(db: Db, message: Omit<OutboxMessage, 'id'>): void {
  prepared(db, 'INSERT INTO outbox (channel, recipient, user_id, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    message.channel,
    message.recipient,
    message.userId,
    message.subject,
    message.body,
    message.createdAt,
  );
}

export function listOutbox(db: Db, userId: string | undefined): OutboxMessage[] {
  const rows = (
    userId === undefined
      ? prepared(db, 'SELECT * FROM outbox ORDER BY id').all()
      : prepared(db, 'SELECT * FROM outbox WHERE user_id = ? ORDER BY id').all(userId)
  ) as Array<{ id: number; channel: 'email' | 'sms'; recipient: string; user_id: string; subject: string | null; body: string; created_at: string }>;
  return rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    userId: row.user_id,
    subject: row.subject,
    body: row.body,
    createdAt: row.created_at,
  }));
}
