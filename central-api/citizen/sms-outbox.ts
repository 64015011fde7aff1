// The simulated SMS gateway. In test mode, messages land in a table that only the test-mode admin
// endpoint reads (GET /admin/sms-outbox), as a test phone would receive them; kept a day, then
// purged. Outside test mode nothing is kept; a demo server (`--sms-to-console`) prints them, the
// operator's console standing in for the phone.

import type { Database } from 'better-sqlite3-multiple-ciphers';

const SMS_RETENTION_MS = 86_400_000;

export interface SmsMessage {
  phone: string;
  text: string;
  sentAt: string;
}

/** Sends one message (inside the caller's transaction: a registration's code is stored with it or not at all). */
export type SmsGateway = (phone: string, text: string, now: Date) => void;

export function sendSms(db: Database, phone: string, text: string, now: Date): void {
  db.prepare('DELETE FROM sms_outbox WHERE sent_at < ?').run(new Date(now.getTime() - SMS_RETENTION_MS).toISOString());
  db.prepare('INSERT INTO sms_outbox (phone, text, sent_at) VALUES (?, ?, ?)').run(phone, text, now.toISOString());
}

/** The messages sent to one phone number, oldest first. */
export function smsSentTo(db: Database, phone: string): SmsMessage[] {
  return db.prepare('SELECT phone, text, sent_at AS sentAt FROM sms_outbox WHERE phone = ? ORDER BY id').all(phone) as SmsMessage[];
}
