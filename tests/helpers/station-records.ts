import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { closeDatabase, openDatabase, openDatabaseReadOnly } from '../../electron/core/db/open-database';
import { createOfficerStore } from '../../electron/core/officers/officer-store';
import { createPassageAlerts } from '../../electron/core/store/passage-alerts';
import { createPassageAmendments } from '../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../electron/core/store/passage-store';
import { samplePassageDraft, testKey } from './fixtures';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

export type Row = Record<string, unknown>;

/** What a station database holds, table by table, as stored. */
export interface Snapshot {
  passages: Row[];
  outbox: Row[];
  alerts: Row[];
  officers: Row[];
  referenceData: Row[];
  audit: Row[];
}

export function snapshot(db: Database): Snapshot {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  return {
    passages: all('SELECT * FROM passages ORDER BY sequence'),
    outbox: all('SELECT * FROM outbox ORDER BY sequence'),
    alerts: all('SELECT * FROM passage_alerts ORDER BY passage_id'),
    officers: all('SELECT * FROM officers ORDER BY id'),
    referenceData: all('SELECT * FROM reference_data ORDER BY name'),
    audit: all('SELECT * FROM audit_log ORDER BY id'),
  };
}

export const officerPin = '482916';

/**
 * A station database as a day's work leaves it, closed cleanly: two officers, reference data,
 * `count` passages (the oldest fifth and the newest three synced, one rejected, one synced with an
 * open alert, every 5th annotated and every 7th overridden), and the audit entries all that wrote.
 */
export function recordStation(path: string, count = 400): Snapshot {
  const opened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
  const { db } = opened;
  const now = new Date('2026-11-23T03:00:00.000Z');
  const officers = createOfficerStore(db);
  officers.add({ id: 'CB-0042', name: 'Trần Văn Bình', pin: officerPin, role: 'supervisor' }, now);
  officers.add({ id: 'CB-0043', name: 'Lê Thị Hoa', pin: '135790', role: 'officer' }, now);
  const reference = db.prepare('INSERT INTO reference_data (name, version, etag, fetched_at, body) VALUES (?, ?, ?, ?, ?)');
  reference.run('rules', '7', '"r7"', now.toISOString(), JSON.stringify({ version: '7', rules: [] }));
  reference.run('deny-list', '12', null, now.toISOString(), JSON.stringify(['001099012345']));

  const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: true, clock: { now: () => new Date(), serverOffsetMs: () => null } });
  const amendments = createPassageAmendments(db);
  const ids: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const { id } = store.record(samplePassageDraft({ note: `${'ghi chú '.repeat(40)}${index}` }));
    ids.push(id);
    if (index % 5 === 0) amendments.annotate(id, { plate: `29A-${index}`, note: `đã kiểm tra ${index}` }, 'CB-0042', now);
    if (index % 7 === 0) amendments.override(id, { verdict: 'check', reason: 'giấy tờ cần xem lại' }, 'CB-0042', now);
  }
  const synced = [...ids.slice(0, Math.floor(count / 5)), ...ids.slice(-3)];
  const markSynced = db.prepare("UPDATE passages SET sync_state = 'synced', synced_at = ?, sync_attempts = 1 WHERE id = ?");
  const dequeue = db.prepare('DELETE FROM outbox WHERE passage_id = ?');
  db.transaction(() => {
    for (const id of synced) {
      markSynced.run(now.toISOString(), id);
      dequeue.run(id);
    }
    const rejected = ids[Math.floor(count / 2)]!;
    db.prepare("UPDATE passages SET sync_state = 'rejected', last_sync_error = 'invalid id number', sync_attempts = 1 WHERE id = ?").run(rejected);
    dequeue.run(rejected);
    createPassageAlerts(db).raise(ids[1]!, 'denied', now);
  })();
  const recorded = snapshot(db);
  closeDatabase(opened);
  return recorded;
}

/** Pages of a table's b-tree that hold its rows (SQLite's dbstat), first to last. */
export function leafPagesOf(path: string, table: string): number[] {
  const db = openDatabaseReadOnly(path, { driver: nodeDatabaseDriver, key: testKey });
  try {
    return db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  } finally {
    db.close();
  }
}

export const pageSize = 4096;

/** Random bytes over one page of the file, in place (page 1 is the first). */
export function overwritePage(path: string, page: number): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** The damage must come later than the close's own write, as it does outside a test (file times tick by the millisecond). */
export const afterTheClose = () => new Promise((resolve) => setTimeout(resolve, 20));
