import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { createPassageStore, RecordNotStoredError, type PassageStoreOptions } from '../../../electron/core/store/passage-store';
import { passageSchema } from '../../../shared/records/passage';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const fixedNow = new Date('2026-11-23T02:30:00.000Z');

function setUp(overrides: Partial<PassageStoreOptions> = {}) {
  const path = join(tempDir(), 'station.db');
  const { db } = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
  const store = createPassageStore(db, {
    checkpointId: 'CP-HN-07',
    direction: 'entry',
    keepRawPayload: false,
    clock: { now: () => fixedNow, serverOffsetMs: () => null },
    ...overrides,
  });
  return { db, path, store };
}

describe('passage store', () => {
  it('records a passage with a UUIDv7 id, the checkpoint context and pending sync, and its outbox entry', () => {
    const { db, store } = setUp();
    const passage = store.record(samplePassageDraft());
    expect(passageSchema.parse(passage)).toEqual(passage);
    expect(passage.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(passage).toMatchObject({ checkpointId: 'CP-HN-07', direction: 'entry', scannedAt: fixedNow.toISOString(), syncState: 'pending', syncAttempts: 0 });
    expect(store.get(passage.id)).toEqual(passage);
    expect(db.prepare('SELECT passage_id FROM outbox').all()).toEqual([{ passage_id: passage.id }]);
  });

  it('keeps the raw payload only when configured to', () => {
    expect(setUp().store.record(samplePassageDraft()).rawPayload).toBeNull();
    const { store } = setUp({ keepRawPayload: true });
    const passage = store.record(samplePassageDraft());
    expect(store.get(passage.id)?.rawPayload).toContain('Đinh Thị Huyền');
  });

  it('gives strictly increasing sequences and distinct ids', () => {
    const { store } = setUp();
    const passages = Array.from({ length: 50 }, () => store.record(samplePassageDraft()));
    const sequences = passages.map((passage) => passage.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(passages.map((passage) => passage.id)).size).toBe(50);
  });

  it('stamps the server-corrected time when the clock offset is known', () => {
    const { store } = setUp({ clock: { now: () => fixedNow, serverOffsetMs: () => -90_000 } });
    expect(store.record(samplePassageDraft()).serverTime).toBe('2026-11-23T02:28:30.000Z');
  });

  it('on a full disk: reports the failing write, loses nothing stored, and resumes when space returns', () => {
    const { db, store } = setUp();
    const kept = Array.from({ length: 5 }, () => store.record(samplePassageDraft()));
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    let failure: unknown = null;
    for (let i = 0; i < 200 && failure === null; i += 1) {
      try {
        store.record(samplePassageDraft({ note: 'x'.repeat(400) }));
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(RecordNotStoredError);
    expect((failure as RecordNotStoredError).sqliteCode).toBe('SQLITE_FULL');
    expect((failure as Error).message).toMatch(/not recorded \(SQLITE_FULL\)/);
    for (const passage of kept) expect(store.get(passage.id)).toEqual(passage);
    const outboxCount = (db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const passageCount = (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    expect(outboxCount).toBe(passageCount); // the failed record left neither half behind

    db.pragma('max_page_count = 1073741823');
    const resumed = store.record(samplePassageDraft());
    expect(store.get(resumed.id)).toEqual(resumed);
  });

  it('survives a close and reopen with everything acknowledged', () => {
    const { db, path, store } = setUp();
    const passage = store.record(samplePassageDraft());
    db.close();
    const reopened = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    const again = createPassageStore(reopened.db, { checkpointId: 'CP-HN-07', direction: 'entry', keepRawPayload: false, clock: { now: () => fixedNow, serverOffsetMs: () => null } });
    expect(again.get(passage.id)).toEqual(passage);
  });
});
