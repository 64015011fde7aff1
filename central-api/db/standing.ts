import type { Database } from 'better-sqlite3-multiple-ciphers';
import { BLOCKING_STATUSES } from '../../shared/rules/default-rules';
import type { CitizenStatus } from '../api-types';

export interface Standing {
  statuses: CitizenStatus[];
  denyListed: boolean;
}

const blocking: readonly CitizenStatus[] = BLOCKING_STATUSES;

/** Must this standing stop the person at a checkpoint? */
export const isDenied = (standing: Standing): boolean => standing.denyListed || standing.statuses.some((status) => blocking.includes(status));

/** One change to a person's standing, kept so an upload can be judged as of its scan time. Run inside the change's transaction. */
export function recordStanding(db: Database, change: { idNumber: string; kind: 'deny-list' | 'status'; value: CitizenStatus; active: boolean; at: Date | string }): void {
  db.prepare('INSERT INTO standing_history (id_number, kind, value, active, at) VALUES (?, ?, ?, ?, ?)').run(
    change.idNumber,
    change.kind,
    change.value,
    Number(change.active),
    typeof change.at === 'string' ? change.at : change.at.toISOString(),
  );
}

/** The person's standing as it was at `at`: the last change of each kind (and each status) up to then. */
export function standingAt(db: Database, idNumber: string, at: Date): Standing {
  const rows = db
    .prepare('SELECT kind, value, active FROM standing_history WHERE id_number = ? AND at <= ? ORDER BY at, id')
    .all(idNumber, at.toISOString()) as { kind: 'deny-list' | 'status'; value: CitizenStatus; active: number }[];
  let denyListed = false;
  const statuses = new Map<CitizenStatus, boolean>();
  for (const row of rows) {
    if (row.kind === 'deny-list') denyListed = row.active === 1;
    else statuses.set(row.value, row.active === 1);
  }
  return { denyListed, statuses: [...statuses].filter(([, active]) => active).map(([status]) => status).sort() };
}
