import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../electron/core/db/open-database';
import { storageAlertSchema } from '../../../shared/contract/status';
import { listAudit } from '../../../electron/core/store/audit-log';
import { createStationStore } from '../../../electron/core/store/station-store';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

function setUp(startupEvents: Parameters<typeof createStationStore>[1]['startupEvents'] = []) {
  const { db } = openDatabase(`${tempDir()}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
  const onStatusChange = vi.fn();
  const store = createStationStore(db, {
    checkpointId: 'CP-01',
    direction: 'both',
    keepRawPayload: false,
    clock: { now: () => new Date(), serverOffsetMs: () => null },
    retentionDays: 21,
    startupEvents,
    onStatusChange,
  });
  return { db, store, onStatusChange };
}

describe('station store', () => {
  it('answers NOT RECORDED instead of throwing when the disk is full, and recovers', () => {
    const { db, store, onStatusChange } = setUp();
    expect(store.record(samplePassageDraft()).recorded).toBe(true);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let outcome = store.record(samplePassageDraft({ note: 'x'.repeat(500) }));
    for (let i = 0; i < 100 && outcome.recorded; i += 1) outcome = store.record(samplePassageDraft({ note: 'x'.repeat(500) }));
    expect(outcome).toMatchObject({ recorded: false, error: expect.stringContaining('SQLITE_FULL') });
    expect(store.status()).toMatchObject({ state: 'failing', lastError: expect.stringContaining('SQLITE_FULL') });
    db.pragma('max_page_count = 1073741823');
    expect(store.record(samplePassageDraft()).recorded).toBe(true);
    expect(store.status()).toMatchObject({ state: 'ok', lastError: null });
    expect(onStatusChange).toHaveBeenCalled();
  });

  it('alerts the officer about a database moved aside and what was carried from it, and audits it', () => {
    const salvage = { passages: 41, officers: 2, referenceData: 2, auditEntries: 130, unreadableRanges: 1, invalidRows: 0 };
    const event = { movedTo: '/data/station.db.damaged-x', cause: 'failed-check', reason: 'database disk image is malformed', salvage } as const;
    const { db, store } = setUp([{ kind: 'moved-aside', ...event }]);
    expect(store.status().alerts).toEqual([{ code: 'database-moved-aside', ...event }]);
    expect(listAudit(db, { limit: 5 })).toMatchObject([{ action: 'database.moved-aside', actor: 'station', details: event }]);
  });

  it('alerts the officer about acknowledged passages the database no longer holds, and audits it', () => {
    const lost = { expectedSequence: 60, foundSequence: 28, walCopy: '/data/station.db-wal.lost-x' };
    const { db, store } = setUp([{ kind: 'lost-acknowledged', ...lost }]);
    expect(storageAlertSchema.array().parse(store.status().alerts)).toEqual([{ code: 'acknowledged-passages-lost', ...lost }]);
    expect(listAudit(db, { limit: 5 })).toMatchObject([{ action: 'database.passages-lost', actor: 'station', details: lost }]);
  });

  it('counts unsynced records in its status', () => {
    const { store } = setUp();
    store.record(samplePassageDraft());
    store.record(samplePassageDraft());
    expect(store.status().unsyncedCount).toBe(2);
  });
});
