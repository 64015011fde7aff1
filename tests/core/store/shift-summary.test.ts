import { describe, expect, it } from 'vitest';
import { createConnectivityLog } from '../../../electron/core/connectivity/connectivity-log';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { createPassageAmendments } from '../../../electron/core/store/passage-amendments';
import { createPassageStore } from '../../../electron/core/store/passage-store';
import { summariseShift } from '../../../electron/core/store/shift-summary';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const minute = 60_000;

describe('connectivity log', () => {
  it('logs only changes of state, and keeps them across a restart', () => {
    const path = `${tempDir()}/station.db`;
    const first = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    const log = createConnectivityLog(first.db);
    log.note('offline', new Date('2026-11-23T01:00:00.000Z'));
    log.note('offline', new Date('2026-11-23T01:05:00.000Z')); // the error text changed: not a transition
    log.note('online', new Date('2026-11-23T01:20:00.000Z'));
    log.note('offline', new Date('2026-11-23T02:00:00.000Z'));
    log.note('stopped', new Date('2026-11-23T02:10:00.000Z'));
    closeDatabase(first);

    const second = openDatabase(path, { driver: nodeDatabaseDriver, key: testKey });
    const reopened = createConnectivityLog(second.db);
    reopened.note('stopped', new Date('2026-11-23T03:00:00.000Z')); // already stopped: nothing new
    reopened.note('offline', new Date('2026-11-23T03:00:00.000Z'));
    expect(second.db.prepare('SELECT state FROM connectivity_log ORDER BY id').pluck().all()).toEqual(['offline', 'online', 'offline', 'stopped', 'offline']);
    const range = { from: '2026-11-23T01:10:00.000Z', to: '2026-11-23T04:00:00.000Z' };
    expect(reopened.offlineMs(range, new Date('2026-11-23T03:30:00.000Z'))).toBe((10 + 10 + 30) * minute);
  });
});

describe('shift summary', () => {
  it('counts by final verdict, overrides and offline verdicts within [from, to), with the hours, offline time and queue', () => {
    const { db } = openDatabase(`${tempDir()}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
    let now = new Date('2026-11-23T01:00:00.000Z');
    const store = createPassageStore(db, { checkpointId: 'CP-01', direction: 'entry', keepRawPayload: false, clock: { now: () => now, serverOffsetMs: () => null } });
    const record = (iso: string, draft: Parameters<typeof samplePassageDraft>[0]) => {
      now = new Date(iso);
      return store.record(samplePassageDraft(draft));
    };
    record('2026-11-23T00:59:59.999Z', { verdict: 'deny' }); // before the shift
    record('2026-11-23T01:00:00.000Z', { verdict: 'pass', verification: 'online' });
    const denied = record('2026-11-23T01:30:00.000Z', { verdict: 'deny', verification: 'online' });
    record('2026-11-23T02:15:00.000Z', { verdict: 'check', verification: 'offline' });
    record('2026-11-23T02:20:00.000Z', { verdict: 'invalid', verification: 'offline' });
    record('2026-11-23T03:00:00.000Z', { verdict: 'pass' }); // `to` is exclusive
    createPassageAmendments(db).override(denied.id, { verdict: 'check', reason: 'gọi trực ban xác minh' }, 'CB-1', new Date('2026-11-23T01:31:00.000Z'));

    const range = { from: '2026-11-23T01:00:00.000Z', to: '2026-11-23T03:00:00.000Z', utcOffsetMinutes: 420 };
    const summary = summariseShift(db, range, { offlineMs: () => 25 * minute, queue: () => ({ pending: 6, deadLetters: 1 }) });
    expect(summary).toEqual({
      from: range.from,
      to: range.to,
      byVerdict: { pass: 1, check: 2, deny: 0, invalid: 1 },
      overrides: 1,
      offlineVerdicts: 2,
      perHour: [
        { hour: 8, verdict: 'check', count: 1 },
        { hour: 8, verdict: 'pass', count: 1 },
        { hour: 9, verdict: 'check', count: 1 },
        { hour: 9, verdict: 'invalid', count: 1 },
      ],
      offlineMs: 25 * minute,
      pending: 6,
      deadLetters: 1,
    });
  });
});
