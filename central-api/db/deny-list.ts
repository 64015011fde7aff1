import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CitizenStatus, DenyListDelta } from '../api-types';
import { registerBeginning } from './migrations';
import { recordStanding } from './standing';

interface DenyListState {
  version: number;
  horizon: number;
}

function stateOf(db: Database): DenyListState {
  return db.prepare('SELECT version, horizon FROM deny_list_state').get() as DenyListState;
}

function bumpVersion(db: Database): number {
  return (db.prepare('UPDATE deny_list_state SET version = version + 1 RETURNING version').get() as { version: number }).version;
}

export function isDenyListed(db: Database, idNumber: string): boolean {
  return db.prepare('SELECT 1 FROM deny_list WHERE id_number = ? AND listed = 1').get(idNumber) !== undefined;
}

/**
 * Lists the whole baseline at one new version and makes it the horizon: a station holding an
 * older version (or none) gets the full list, since no delta leads from there.
 */
export function seedDenyList(db: Database, entries: readonly { idNumber: string; reason: CitizenStatus }[]): void {
  db.transaction(() => {
    const version = bumpVersion(db);
    const insert = db.prepare('INSERT OR REPLACE INTO deny_list (id_number, reason, listed, version) VALUES (?, ?, 1, ?)');
    for (const entry of entries) {
      insert.run(entry.idNumber, entry.reason, version);
      recordStanding(db, { idNumber: entry.idNumber, kind: 'deny-list', value: entry.reason, active: true, at: registerBeginning });
    }
    db.prepare('UPDATE deny_list_state SET horizon = ?').run(version);
  })();
}

/** Lists (or re-lists with a new reason) an ID from `at`; every change bumps the version. */
export function addToDenyList(db: Database, idNumber: string, reason: CitizenStatus, at = new Date()): number {
  return db.transaction(() => {
    const version = bumpVersion(db);
    db.prepare(
      `INSERT INTO deny_list (id_number, reason, listed, version) VALUES (?, ?, 1, ?)
       ON CONFLICT (id_number) DO UPDATE SET reason = excluded.reason, listed = 1, version = excluded.version`,
    ).run(idNumber, reason, version);
    recordStanding(db, { idNumber, kind: 'deny-list', value: reason, active: true, at });
    return version;
  })();
}

/** Unlists an ID from `at`, leaving a tombstone so deltas can report the removal. A no-op when not listed. */
export function removeFromDenyList(db: Database, idNumber: string, at = new Date()): number {
  return db.transaction(() => {
    if (!isDenyListed(db, idNumber)) return stateOf(db).version;
    const version = bumpVersion(db);
    const { reason } = db.prepare('SELECT reason FROM deny_list WHERE id_number = ?').get(idNumber) as { reason: CitizenStatus };
    db.prepare('UPDATE deny_list SET listed = 0, version = ? WHERE id_number = ?').run(version, idNumber);
    recordStanding(db, { idNumber, kind: 'deny-list', value: reason, active: false, at });
    return version;
  })();
}

/**
 * What changed since `since`. Tombstones are kept, so every version from the horizon on has a
 * complete delta; without `since`, before the horizon, or ahead of the server (a station that
 * talked to another database) the answer is the full list.
 */
export function denyListDelta(db: Database, since: number | undefined): DenyListDelta {
  return db.transaction(() => {
    const { version, horizon } = stateOf(db);
    const full = since === undefined || since < horizon || since > version;
    const rows = (
      full
        ? db.prepare('SELECT id_number, reason, listed FROM deny_list WHERE listed = 1 ORDER BY id_number').all()
        : db.prepare('SELECT id_number, reason, listed FROM deny_list WHERE version > ? ORDER BY id_number').all(since)
    ) as { id_number: string; reason: CitizenStatus; listed: number }[];
    return {
      version,
      full,
      added: rows.filter((row) => row.listed === 1).map((row) => ({ idNumber: row.id_number, reason: row.reason })),
      removed: rows.filter((row) => row.listed === 0).map((row) => row.id_number),
    };
  })();
}
