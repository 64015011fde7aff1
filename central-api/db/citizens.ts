import type { Database } from 'better-sqlite3-multiple-ciphers';
import { foldForSearch } from '../../shared/text/search-fold';
import type { Citizen, CitizenStatus } from '../api-types';
import { subscriberPhoneOf } from '../population/phones';
import { registerBeginning } from './migrations';
import { recordStanding } from './standing';

interface CitizenRow {
  id_number: string;
  full_name: string;
  birth_date: string;
  sex: Citizen['sex'];
}

const toCitizen = (row: CitizenRow): Citizen => ({ idNumber: row.id_number, fullName: row.full_name, birthDate: row.birth_date, sex: row.sex });

export function insertCitizen(db: Database, citizen: Citizen, statuses: readonly CitizenStatus[]): void {
  db.prepare('INSERT INTO citizens (id_number, full_name, name_folded, birth_date, sex) VALUES (?, ?, ?, ?, ?)').run(
    citizen.idNumber,
    citizen.fullName,
    foldForSearch(citizen.fullName),
    citizen.birthDate,
    citizen.sex,
  );
  for (const status of statuses) setCitizenStatus(db, citizen.idNumber, status, true, registerBeginning);
  db.prepare('INSERT OR IGNORE INTO phone_subscriptions (phone, id_number) VALUES (?, ?)').run(subscriberPhoneOf(citizen.idNumber), citizen.idNumber);
}

/** Whether `phone` is a SIM subscribed in this citizen's own name (the carriers' register). */
export function phoneBelongsTo(db: Database, phone: string, idNumber: string): boolean {
  return db.prepare('SELECT 1 FROM phone_subscriptions WHERE phone = ? AND id_number = ?').get(phone, idNumber) !== undefined;
}

/** Gives a citizen a status from `at` on, or takes it away; kept in the history the retroactive checks read. */
export function setCitizenStatus(db: Database, idNumber: string, status: CitizenStatus, active: boolean, at: Date | string = new Date()): void {
  db.transaction(() => {
    const change = active
      ? db.prepare('INSERT OR IGNORE INTO citizen_statuses (id_number, status) VALUES (?, ?)').run(idNumber, status)
      : db.prepare('DELETE FROM citizen_statuses WHERE id_number = ? AND status = ?').run(idNumber, status);
    if (change.changes > 0) recordStanding(db, { idNumber, kind: 'status', value: status, active, at });
  })();
}

export function countCitizens(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM citizens').get() as { n: number }).n;
}

export function getCitizen(db: Database, idNumber: string): Citizen | undefined {
  const row = db.prepare('SELECT id_number, full_name, birth_date, sex FROM citizens WHERE id_number = ?').get(idNumber) as CitizenRow | undefined;
  return row && toCitizen(row);
}

export function statusesOf(db: Database, idNumber: string): CitizenStatus[] {
  const rows = db.prepare('SELECT status FROM citizen_statuses WHERE id_number = ? ORDER BY status').all(idNumber) as { status: CitizenStatus }[];
  return rows.map((row) => row.status);
}

/** Citizens whose name folds (no diacritics, lower case) to `folded`. */
export function citizensNamed(db: Database, folded: string): Citizen[] {
  const rows = db.prepare('SELECT id_number, full_name, birth_date, sex FROM citizens WHERE name_folded = ?').all(folded) as CitizenRow[];
  return rows.map(toCitizen);
}

export interface CitizenFilter {
  /** A status the citizen has, or 'none' for citizens without any. */
  status?: CitizenStatus | 'none';
  denyListed?: boolean;
  limit?: number;
}

export interface RegisteredCitizen extends Citizen {
  statuses: CitizenStatus[];
  denyListed: boolean;
  /** A mobile number subscribed in the citizen's name; null when none is. */
  phone: string | null;
}

/**
 * Citizens of the register as it stands, in register order: how tests find "a clean citizen" or
 * "a wanted one" without knowing the seed's draws.
 */
export function findCitizens(db: Database, filter: CitizenFilter = {}): RegisteredCitizen[] {
  const rows = db
    .prepare(
      `SELECT c.id_number, c.full_name, c.birth_date, c.sex,
         (SELECT group_concat(status) FROM (SELECT status FROM citizen_statuses s WHERE s.id_number = c.id_number ORDER BY status)) AS statuses,
         EXISTS (SELECT 1 FROM deny_list d WHERE d.id_number = c.id_number AND d.listed = 1) AS deny_listed,
         (SELECT min(phone) FROM phone_subscriptions p WHERE p.id_number = c.id_number) AS phone
       FROM citizens c ORDER BY c.rowid`,
    )
    .all() as (CitizenRow & { statuses: string | null; deny_listed: number; phone: string | null })[];
  const found: RegisteredCitizen[] = [];
  for (const row of rows) {
    const statuses = (row.statuses?.split(',') ?? []) as CitizenStatus[];
    const denyListed = row.deny_listed === 1;
    if (filter.status === 'none' && statuses.length > 0) continue;
    if (filter.status !== undefined && filter.status !== 'none' && !statuses.includes(filter.status)) continue;
    if (filter.denyListed !== undefined && filter.denyListed !== denyListed) continue;
    found.push({ ...toCitizen(row), statuses, denyListed, phone: row.phone });
    if (found.length === filter.limit) break;
  }
  return found;
}
