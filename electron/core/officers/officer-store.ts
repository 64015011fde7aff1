import type { Database } from 'better-sqlite3-multiple-ciphers';
import { hashPin } from './pin-hash';

export interface OfficerRow {
  id: string;
  name: string;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
}

/** Wrong PINs in a row before the officer id is locked, and for how long. */
export const maxFailedAttempts = 5;
export const lockoutMs = 5 * 60_000;

/** The station's officers: who may sign in, with their PIN hash and lockout state. */
export function createOfficerStore(db: Database) {
  const insert = db.prepare('INSERT INTO officers (id, name, pin_hash, created_at) VALUES (?, ?, ?, ?)');
  const select = db.prepare('SELECT id, name, pin_hash, failed_attempts, locked_until FROM officers WHERE id = ?');
  const fail = db.prepare('UPDATE officers SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts');
  const lock = db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = ? WHERE id = ?');
  const succeed = db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?');

  return {
    /** False when the id is taken (the existing officer is left as it was). */
    add(officer: { id: string; name: string; pin: string }, now: Date): boolean {
      if (select.get(officer.id) !== undefined) return false;
      insert.run(officer.id, officer.name, hashPin(officer.pin), now.toISOString());
      return true;
    },
    find: (id: string) => select.get(id) as OfficerRow | undefined,
    /** Counts a wrong PIN; returns true when this one locked the id. */
    noteWrongPin(id: string, now: Date): boolean {
      const { failed_attempts: failed } = fail.get(id) as { failed_attempts: number };
      if (failed < maxFailedAttempts) return false;
      lock.run(new Date(now.getTime() + lockoutMs).toISOString(), id);
      return true;
    },
    noteSuccess: (id: string) => void succeed.run(id),
  };
}

export type OfficerStore = ReturnType<typeof createOfficerStore>;
