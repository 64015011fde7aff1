import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { countPassagesPerHour, countUnsynced, searchPassages } from '../../../electron/core/store/passage-queries';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { dueQuery } from '../../../electron/core/sync/outbox';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

function seeded() {
  const { db } = openDatabase(`${tempDir()}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
  let now = new Date('2026-11-23T00:10:00.000Z'); // 07:10 in Vietnam
  const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => now, serverOffsetMs: () => null } });
  const at = (iso: string, draft: Parameters<typeof samplePassageDraft>[0]) => {
    now = new Date(iso);
    return store.record(samplePassageDraft(draft));
  };
  const people = {
    dong: at('2026-11-23T00:10:00.000Z', { identity: { idNumber: '001099012345', fullName: 'Nguyễn Văn Đông', birthDate: '1999-01-02', sex: 'male' }, plate: '29A-123.45' }),
    mai: at('2026-11-23T00:40:00.000Z', { identity: { idNumber: '079303004567', fullName: 'Trần Thị Mai', birthDate: '2003-05-06', sex: 'female' }, verdict: 'deny' }),
    an: at('2026-11-23T02:05:00.000Z', { identity: { idNumber: '001099099999', fullName: 'Lê An', birthDate: '1999', sex: 'male' }, verdict: 'check' }),
    dongAgain: at('2026-11-23T03:00:00.000Z', { identity: { idNumber: '001099012345', fullName: 'Nguyễn Văn Đông', birthDate: '1999-01-02', sex: 'male' } }),
  };
  return { db, people };
}

const ids = (passages: { id: string }[]) => passages.map((passage) => passage.id);

describe('history queries', () => {
  it('finds by ID number, newest first', () => {
    const { db, people } = seeded();
    expect(ids(searchPassages(db, { idNumber: '001099012345' }))).toEqual([people.dongAgain.id, people.dong.id]);
  });

  it('finds by a name fragment typed with or without diacritics, short or long', () => {
    const { db, people } = seeded();
    expect(ids(searchPassages(db, { name: 'van dong' }))).toEqual([people.dongAgain.id, people.dong.id]);
    expect(ids(searchPassages(db, { name: 'VĂN ĐÔNG' }))).toEqual([people.dongAgain.id, people.dong.id]);
    expect(ids(searchPassages(db, { name: 'mai' }))).toEqual([people.mai.id]);
    expect(ids(searchPassages(db, { name: 'lê' }))).toEqual([people.an.id]); // 2 letters: the scan fallback
    expect(searchPassages(db, { name: 'an' })).toHaveLength(4); // a fragment: Văn, Trần, An
    expect(searchPassages(db, { name: '"; DROP TABLE passages; --' })).toEqual([]);
    expect(searchPassages(db, { name: '100%' })).toEqual([]);
  });

  it('finds by plate however it is typed', () => {
    const { db, people } = seeded();
    expect(ids(searchPassages(db, { plate: '29a12345' }))).toEqual([people.dong.id]);
    expect(ids(searchPassages(db, { plate: '29A 123 45' }))).toEqual([people.dong.id]);
  });

  it('filters by verdict and time range, and pages with beforeSequence', () => {
    const { db, people } = seeded();
    expect(ids(searchPassages(db, { verdict: 'deny' }))).toEqual([people.mai.id]);
    expect(ids(searchPassages(db, { from: '2026-11-23T00:30:00.000Z', to: '2026-11-23T02:30:00.000Z' }))).toEqual([people.an.id, people.mai.id]);
    const firstPage = searchPassages(db, { limit: 2 });
    expect(ids(firstPage)).toEqual([people.dongAgain.id, people.an.id]);
    expect(ids(searchPassages(db, { limit: 2, beforeSequence: firstPage.at(-1)!.sequence }))).toEqual([people.mai.id, people.dong.id]);
  });

  it('filters and counts by the final verdict: the officer’s override when there is one', () => {
    const { db, people } = seeded();
    createPassageAmendments(db).override(people.mai.id, { verdict: 'pass', reason: 'đã xác minh tại chốt' }, 'CB-1', new Date('2026-11-23T00:45:00.000Z'));
    expect(searchPassages(db, { verdict: 'deny' })).toEqual([]);
    expect(ids(searchPassages(db, { verdict: 'pass' }))).toEqual([people.dongAgain.id, people.mai.id, people.dong.id]);
    expect(countPassagesPerHour(db, { from: '2026-11-22T17:00:00.000Z', to: '2026-11-23T17:00:00.000Z', utcOffsetMinutes: 420 })).toEqual([
      { hour: 7, verdict: 'pass', count: 2 },
      { hour: 9, verdict: 'check', count: 1 },
      { hour: 10, verdict: 'pass', count: 1 },
    ]);
  });

  it('counts per local hour and verdict', () => {
    const { db } = seeded();
    expect(countPassagesPerHour(db, { from: '2026-11-22T17:00:00.000Z', to: '2026-11-23T17:00:00.000Z', utcOffsetMinutes: 420 })).toEqual([
      { hour: 7, verdict: 'deny', count: 1 },
      { hour: 7, verdict: 'pass', count: 1 },
      { hour: 9, verdict: 'check', count: 1 },
      { hour: 10, verdict: 'pass', count: 1 },
    ]);
  });

  it('counts what is not synced yet', () => {
    const { db, people } = seeded();
    expect(countUnsynced(db)).toBe(4);
    db.prepare("UPDATE passages SET sync_state = 'synced' WHERE id = ?").run(people.mai.id);
    expect(countUnsynced(db)).toBe(3);
  });
});

describe('query plans', () => {
  const plan = (db: Database, sql: string) => {
    const params = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((match) => [match[1], null]));
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join(' | ');
  };
  const capturePlan = (db: Database, run: () => void) => {
    // Record the SQL the query functions send, then explain it.
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    run();
    db.prepare = prepare;
    return statements.map((sql) => plan(db, sql)).join(' || ');
  };

  it('use an index for every search the screen makes, never a full scan of passages', () => {
    const { db } = seeded();
    const cases: [string, () => unknown, RegExp][] = [
      ['ID number', () => searchPassages(db, { idNumber: '001099012345' }), /USING INDEX passages_by_id_number/],
      ['plate', () => searchPassages(db, { plate: '29A12345' }), /USING INDEX passages_by_plate/],
      ['verdict', () => searchPassages(db, { verdict: 'deny', from: '2026-11-23T00:00:00.000Z' }), /USING INDEX passages_by_final_verdict/],
      ['time range', () => searchPassages(db, { from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z' }), /USING INDEX passages_by_time|USING INTEGER PRIMARY KEY/],
      ['name', () => searchPassages(db, { name: 'nguyen' }), /VIRTUAL TABLE INDEX/],
      ['hourly counts', () => countPassagesPerHour(db, { from: '2026-11-23T00:00:00.000Z', to: '2026-11-24T00:00:00.000Z', utcOffsetMinutes: 420 }), /USING COVERING INDEX passages_by_time/],
      ['unsynced', () => countUnsynced(db), /USING (COVERING )?INDEX passages_not_synced/],
    ];
    for (const [name, run, expected] of cases) {
      const detail = capturePlan(db, () => void run());
      expect(detail, name).toMatch(expected);
      expect(detail, name).not.toMatch(/SCAN p(?!.*USING)|SCAN passages(?! USING)/);
    }
  });
});

describe('outbox plan', () => {
  it('walks the outbox in sequence order and stops at the batch size, however long the queue', () => {
    const { db } = seeded();
    const detail = (db.prepare(`EXPLAIN QUERY PLAN ${dueQuery}`).all('x', 500) as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(detail).toMatch(/SCAN o/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});
