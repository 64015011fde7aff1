import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { exportPassages } from '../../../electron/core/export/export-passages';
import { timestampedFile } from '../../../electron/core/handlers/files';
import { listAudit } from '../../../electron/core/store/audit-log';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { purgeExpiredPassages } from '../../../electron/core/store/retention';
import { createStationStore } from '../../../electron/core/store/station-store';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const day = 86_400_000;

describe('retention', () => {
  it('purges synced passages past the period, keeps unsynced ones (and counts them), audits, and empties the WAL', () => {
    const path = `${tempDir()}/station.db`;
    const { db } = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
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

/** The station's store on a real data folder, retention 21 days, as the hourly purge runs it. */
function station() {
  const dataDir = tempDir();
  const { db } = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  const store = createStationStore(db, {
    checkpointId: 'CP-01',
    direction: 'entry',
    keepRawPayload: false,
    clock: { now: () => new Date(), serverOffsetMs: () => null },
    retentionDays: 21,
    startupEvents: [],
    onStatusChange: () => undefined,
  });
  return { dataDir, db, store };
}

describe('retention of exports and reports', () => {
  it('deletes exports and reports older than the period in the same purge as the passages, keeps newer ones, audits counts, no names', async () => {
    const { dataDir, db, store } = station();
    const passage = store.record(samplePassageDraft());
    if (!passage.recorded) throw new Error(passage.error);
    db.prepare("UPDATE passages SET sync_state = 'synced' WHERE id = ?").run(passage.passage.id);
    const everything = { from: '2000-01-01T00:00:00.000Z', to: '3000-01-01T00:00:00.000Z', unmasked: true, actor: 'officer:CB-7' };
    const oldCsv = timestampedFile(dataDir, 'exports', 'passages', 'csv');
    await exportPassages(db, { ...everything, format: 'csv' }, oldCsv);
    const oldXlsx = timestampedFile(dataDir, 'exports', 'passages', 'xlsx');
    await exportPassages(db, { ...everything, format: 'xlsx' }, oldXlsx);
    const oldReport = timestampedFile(dataDir, 'reports', 'shift', 'pdf');
    writeFileSync(oldReport, '%PDF-1.7\n');
    mkdirSync(join(dataDir, 'exports', 'kept-folder')); // not a file: left alone

    // The clock past the period: everything written so far is 22 days old; the newest export a day old.
    const now = new Date(Date.now() + 22 * day);
    const recent = join(dataDir, 'exports', 'passages-recent.csv');
    await exportPassages(db, { ...everything, format: 'csv' }, recent);
    utimesSync(recent, new Date(now.getTime() - day), new Date(now.getTime() - day));

    // The period from the settings screen applies to the files too: at 30 days nothing is old enough.
    store.setRetentionDays(30);
    expect(store.purgeExpired(now)).toMatchObject({ purged: 0, files: { exports: 0, reports: 0, failed: 0 } });
    store.setRetentionDays(21);
    const outcome = store.purgeExpired(now);
    expect(outcome).toMatchObject({ purged: 1, files: { exports: 2, reports: 1, failed: 0 } });
    expect([oldCsv, oldXlsx, oldReport].filter((path) => existsSync(path))).toEqual([]);
    expect(readdirSync(join(dataDir, 'exports')).sort()).toEqual(['kept-folder', 'passages-recent.csv']);
    expect(readdirSync(join(dataDir, 'reports'))).toEqual([]);

    const cutoff = new Date(now.getTime() - 21 * day).toISOString();
    const audited = listAudit(db, { limit: 10, action: 'retention.purge' });
    expect(audited).toMatchObject([
      { actor: 'station', details: { purged: 1, cutoff, retentionDays: 21 } },
      { actor: 'station', details: { exports: 2, reports: 1, failed: 0, cutoff, retentionDays: 21 } },
    ]);
    expect(JSON.stringify(audited)).not.toMatch(/passages-|shift-|\.csv|\.xlsx|\.pdf|exports\//);

    expect(store.purgeExpired(now).files).toEqual({ exports: 0, reports: 0, failed: 0 });
    expect(listAudit(db, { limit: 10, action: 'retention.purge' })).toHaveLength(2); // nothing purged, nothing audited
  });

  it('counts what it cannot delete, audits it and throws nothing: the timer purges again an hour later', () => {
    const { dataDir, db, store } = station();
    writeFileSync(join(dataDir, 'exports'), 'a file where the exports folder should be');
    // No reports folder yet: nothing to purge there, and no failure.
    expect(store.purgeExpired(new Date()).files).toEqual({ exports: 0, reports: 0, failed: 1 });
    expect(listAudit(db, { limit: 10, action: 'retention.purge' })).toMatchObject([{ details: { exports: 0, reports: 0, failed: 1 } }]);
  });
});
