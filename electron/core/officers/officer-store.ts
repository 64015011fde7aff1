import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { OfficerRole, OfficerView } from '../../../shared/records/officer';
import { hashPin } from './pin-hash';

export interface OfficerRow {
  id: string;
  name: string;
  pin_hash: string;
  failed_attempts: number;
  locked_until: string | null;
  role: OfficerRole;
  disabled_at: string | null;
  created_at: string;
}

/** Wrong PINs in a row before the officer id is locked, and for how long. */
export const maxFailedAttempts = 5;
export const lockoutMs = 5 * 60_000;

/** The station's officers: who may sign in, with their PIN hash and lockout state. */
export function createOfficerStore(db: Database) {
  const columns = 'id, name, pin_hash, failed_attempts, locked_until, role, disabled_at, created_at';
  const insert = db.prepare('INSERT INTO officers (id, name, pin_hash, role, created_at) VALUES (?, ?, ?, ?, ?)');
  const select = db.prepare(`SELECT ${columns} FROM officers WHERE id = ?`);
  const selectAll = db.prepare(`SELECT ${columns} FROM officers ORDER BY id`);
  const setRole = db.prepare('UPDATE officers SET role = ? WHERE id = ?');
  const setDisabled = db.prepare('UPDATE officers SET disabled_at = ? WHERE id = ?');
  const setPin = db.prepare('UPDATE officers SET pin_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?');
  const countActiveSupervisors = db.prepare("SELECT count(*) FROM officers WHERE role = 'supervisor' AND disabled_at IS NULL").pluck();
  const countAll = db.prepare('SELECT count(*) FROM officers').pluck();
  const fail = db.prepare('UPDATE officers SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts');
  const lock = db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = ? WHERE id = ?');
  const succeed = db.prepare('UPDATE officers SET failed_attempts = 0, locked_until = NULL WHERE id = ?');

  return {
    /** False when the id is taken (the existing officer is left as it was). */
    add(officer: { id: string; name: string; pin: string; role: OfficerRole }, now: Date): boolean {
      if (select.get(officer.id) !== undefined) return false;
      insert.run(officer.id, officer.name, hashPin(officer.pin), officer.role, now.toISOString());
      return true;
    },
    find: (id: string) => select.get(id) as OfficerRow | undefined,
    list: () => selectAll.all() as OfficerRow[],
    setRole: (id: string, role: OfficerRole) => void setRole.run(role, id),
    setDisabled: (id: string, disabledAt: Date | null) => void setDisabled.run(disabledAt?.toISOString() ?? null, id),
    /** A new PIN set by a supervisor; the lock-out is lifted with it. */
    resetPin: (id: string, pin: string) => void setPin.run(hashPin(pin), id),
    activeSupervisors: () => countActiveSupervisors.get() as number,
    /** A fresh station (no officer at all) is set up from the app. */
    count: () => countAll.get() as number,
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

/** What may be shown of an officer: never the PIN hash. */
export function officerView(row: OfficerRow): OfficerView {
  return { id: row.id, name: row.name, role: row.role, disabled: row.disabled_at !== null, lockedUntil: row.locked_until, createdAt: row.created_at };
}
