import { openTrustListCache, trustListMacKey } from '../../../electron/core/dcc/trust-list-cache';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addToDenyList, findCitizens, removeFromDenyList } from '../../../central-api';
import type { DenyListDelta } from '../../../shared/central/schemas';
import { DEFAULT_RULE_SET } from '../../../shared/rules/default-rules';
import { createApiClient, type ApiClient } from '../../../electron/core/central/api-client';
import type { Enrolment } from '../../../electron/core/central/enrolment';
import { createReferenceCache } from '../../../electron/core/central/reference-cache';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { databaseFileName } from '../../../electron/core/db/data-folder';
import { createPassageAlerts } from '../../../electron/core/store/passage-alerts';
import { createOutbox } from '../../../electron/core/sync/outbox';
import { createSyncEngine } from '../../../electron/core/sync/sync-engine';
import { cardPayloadFor, setFaults, startTestCentralApi } from '../../helpers/central-api';
import { enrol, findAdult, startStation, startTestCentralApiWith, stationId, useClosing } from '../../helpers/enrolled-station';
import { testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const closing = useClosing();
afterEach(() => {
  vi.useRealTimers();
});
const day = 24 * 3_600_000;

/**
 * The station's reference cache and sync engine on the station's database file in `dataDir`, as
 * createStation wires them, without the station's background passes: each test runs its own.
 */
function openReference(dataDir: string, api: ApiClient) {
  const database = openDatabase(join(dataDir, databaseFileName), { driver: nodeDatabaseDriver, key: testKey });
  const reference = createReferenceCache(database.db, DEFAULT_RULE_SET, day);
  const alerts = createPassageAlerts(database.db);
  const sync = createSyncEngine({ outbox: createOutbox(database.db, stationId, alerts), alerts, trustList: openTrustListCache(dirname(database.path), 86_400_000, trustListMacKey(testKey)), api, reference, logger: createMemoryLogger().logger, onChange() {}, onRetroAlert() {}, onStorageError() {} });
  return {
    reference,
    sync,
    async close() {
      closeDatabase(database);
    },
  };
}

/** The client createStation makes for this enrolment. */
const clientFor = (enrolment: Enrolment) => createApiClient({ baseUrl: enrolment.apiUrl, token: enrolment.token });

/** The client, recording each deny-list call: what version the station asked from and what came back. */
function recordingClient(client: ApiClient) {
  const denyListCalls: { since: number | null; delta: DenyListDelta }[] = [];
  const recording: ApiClient = {
    ...client,
    async getDenyList(since) {
      const delta = await client.getDenyList(since);
      denyListCalls.push({ since, delta });
      return delta;
    },
  };
  return { client: recording, denyListCalls };
}

describe('reference data staleness', () => {
  it('is stale until fetched, fresh for 24 h after a fetch from the central API, and a new fetch clears it', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const { reference, sync } = closing(openReference(tempDir(), clientFor(await enrol(api.url))));
    // Only the rules shipped with the app: never fetched, so never fresh.
    expect(reference.status(new Date())).toMatchObject({ fetchedAt: null, denyListVersion: null, stale: true });

    const fetchStartedAt = Date.now();
    expect((await sync.runPass()).error).toBeNull();
    const fetchedAt = Date.parse(reference.status(new Date()).fetchedAt!);
    expect(fetchedAt).toBeGreaterThanOrEqual(fetchStartedAt);
    expect(reference.status(new Date(fetchedAt + day - 60_000)).stale).toBe(false);
    expect(reference.status(new Date(fetchedAt + day + 60_000)).stale).toBe(true);

    // A day and a bit later (server and station share this process's clock), the next pass fetches again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(fetchedAt + day + 60_000);
    expect(reference.status(new Date()).stale).toBe(true);
    expect((await sync.runPass()).error).toBeNull();
    expect(reference.status(new Date())).toMatchObject({ fetchedAt: new Date(fetchedAt + day + 60_000).toISOString(), stale: false });
  });

  it('is what the station reports, 24 h after the fetch it finds in its database at start', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const dataDir = tempDir();
    const { reference, sync, close } = closing(openReference(dataDir, clientFor(await enrol(api.url))));
    expect((await sync.runPass()).error).toBeNull();
    const fetchedAt = reference.status(new Date()).fetchedAt!;
    await close();

    // The station's own threshold, not the one this test gave the cache above.
    const station = closing(startStation(dataDir, null));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(fetchedAt) + day - 60_000);
    expect(station.status().reference).toMatchObject({ fetchedAt, stale: false });
    vi.setSystemTime(Date.parse(fetchedAt) + day + 60_000);
    expect(station.status().reference.stale).toBe(true);
  });

  it('stays stale while the deny list cannot be fetched, however fresh the rules are', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const { reference, sync } = closing(openReference(tempDir(), clientFor(await enrol(api.url))));
    await setFaults(api.url, [{ kind: 'error-500', probability: 1, paths: ['/v1/reference/deny-list'] }]);

    expect((await sync.runPass()).error).toBe('HTTP 500');
    expect(reference.status(new Date())).toMatchObject({ denyListVersion: null, fetchedAt: null, stale: true });
  });
});

describe('reference data from the central API: rules by ETag, the deny list by deltas', () => {
  it('fetches the full list and the rules with an ETag, then asks If-None-Match and for deltas, keeps them across a restart and denies offline', async () => {
    const serverLog = createMemoryLogger();
    const api = closing(await startTestCentralApiWith(tempDir(), { logger: serverLog.logger }));
    const rulesAnswers = () => serverLog.lines().filter((line) => line.route === '/v1/reference/rules').map((line) => line.status);
    const enrolment = await enrol(api.url);
    const { client, denyListCalls } = recordingClient(clientFor(enrolment));
    const dataDir = tempDir();
    const { reference, sync, close } = closing(openReference(dataDir, client));
    const listed = () => [...reference.current().denyList.keys()].sort();

    expect((await sync.runPass()).error).toBeNull();
    expect(rulesAnswers()).toEqual([200]);
    const etag = reference.rules.etag();
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(reference.current().rules).toEqual(DEFAULT_RULE_SET);
    const [first] = denyListCalls;
    expect(first).toMatchObject({ since: null, delta: { full: true } });
    expect(listed()).toEqual(findCitizens(api.db, { denyListed: true }).map((citizen) => citizen.idNumber).sort());
    const version = first!.delta.version;
    expect(reference.denyListVersion()).toBe(version);

    // Nothing changed: a 304, which the server sends only for a matching If-None-Match, and an empty delta.
    expect((await sync.runPass()).error).toBeNull();
    expect(rulesAnswers()).toEqual([200, 304]);
    expect(reference.rules.etag()).toBe(etag);
    expect(denyListCalls[1]).toEqual({ since: version, delta: { version, full: false, added: [], removed: [] } });

    const newlyDenied = findAdult(api.db, { status: 'none', denyListed: false });
    const unlisted = findAdult(api.db, { denyListed: true });
    addToDenyList(api.db, newlyDenied.idNumber, 'wanted');
    removeFromDenyList(api.db, unlisted.idNumber);
    const heldBefore = listed().length;
    expect((await sync.runPass()).error).toBeNull();
    expect(denyListCalls[2]).toEqual({ since: version, delta: { version: version + 2, full: false, added: [{ idNumber: newlyDenied.idNumber, reason: 'wanted' }], removed: [unlisted.idNumber] } });
    expect(reference.current().denyList.get(newlyDenied.idNumber)).toBe('wanted');
    expect(reference.current().denyList.has(unlisted.idNumber)).toBe(false);
    expect(listed()).toHaveLength(heldBefore);
    const fetchedAt = reference.status(new Date()).fetchedAt;
    await close();

    // The network is gone when the station starts again on the same data folder: only its database knows.
    await api.close();
    const station = closing(startStation(dataDir, enrolment));
    expect(station.status().reference).toMatchObject({ rulesVersion: DEFAULT_RULE_SET.version, denyListVersion: version + 2, fetchedAt, stale: false });
    const denied = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(newlyDenied) } });
    expect(denied).toMatchObject({ verdict: 'deny', verification: 'offline', recordError: null });
    expect(denied.reasons[0]).toMatchObject({ code: 'deny-list' });
    expect(await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(unlisted) } })).toMatchObject({ verdict: 'pass', verification: 'offline' });
  });
});
