import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { listAudit } from '../../../electron/core/store/audit-log';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { purgeExpiredPassages } from '../../../electron/core/store/retention';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const day = 86_400_000;

describe('retention', () => {
  it('purges synced passages past the period, keeps unsynced ones (and counts them), audits, and empties the WAL', () => {
    const path = `${tempDir()}/station.db`;
    const { db } = openDatabase(path, { key: testKey });
    const now = new Date('2026-11-23T00:00:00.000Z');
    let clock = new Date(now.getTime() - 30 * day);
    const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => clock, serverOffsetMs: () => null } });
    const oldSynced = store.record(samplePassageDraft());
    const oldUnsynced = store.record(samplePassageDraft());
    clock = new Date(now.getTime() - 2 * day);
    const recentSynced = store.record(samplePassageDraft());
    db.prepare("UPDATE passages SET sync_state = 'synced' WHERE id IN (?, ?)").run(oldSynced.id, recentSynced.id);
    db.prepare('DELETE FROM outbox WHERE passage_id IN (?, ?)').run(oldSynced.id, recentSynced.id);

    const outcome = purgeExpiredPassages(db, { retentionDays: 21, now });
    expect(outcome).toEqual({ purged: 1, overdueUnsynced: 1, cutoff: '2026-11-02T00:00:00.000Z' });
    const remaining = (db.prepare('SELECT id FROM passages ORDER BY sequence').all() as { id: string }[]).map((row) => row.id);
    expect(remaining).toEqual([oldUnsynced.id, recentSynced.id]);
    expect(db.prepare('SELECT count(*) AS n FROM passages_name_search WHERE passages_name_search MATCH ?').get('"dinh thi"')).toEqual({ n: 2 });
    expect(statSync(`${path}-wal`).size).toBe(0);
    expect(listAudit(db, { limit: 10, action: 'retention.purge' })).toMatchObject([
      { actor: 'station', details: { purged: 1, cutoff: '2026-11-02T00:00:00.000Z', retentionDays: 21 } },
    ]);

    expect(purgeExpiredPassages(db, { retentionDays: 21, now })).toMatchObject({ purged: 0, overdueUnsynced: 1 });
    expect(listAudit(db, { limit: 10, action: 'retention.purge' })).toHaveLength(1); // nothing purged, nothing audited
  });
});
