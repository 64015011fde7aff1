import { describe, expect, it } from 'vitest';
import type { RegisteredCitizen } from '../../../central-api/db/citizens';
import type { Station } from '../../../electron/core/station';
import { cardPayloadFor, setFaults, startTestCentralApi } from '../../helpers/central-api';
import { findAdult, startEnrolledStation, useClosing } from '../../helpers/enrolled-station';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
const closing = useClosing();
/** Room for the rest of the scan (classify, verdict, a durable commit) on a loaded 2-core machine. */
const marginMs = 1000;
/** Far past any deadline plus margin: an answer this slow can only be waited for, never raced. */
const slowMs = 4000;

/** Only /v1/verify is slowed: the sync passes and connectivity probes must keep working. */
const slowVerify = (apiUrl: string, latencyMs: number) => setFaults(apiUrl, [{ kind: 'latency', probability: 1, paths: ['/v1/verify'], latencyMs }]);

async function timedScan(station: Station, citizen: RegisteredCitizen) {
  const started = performance.now();
  const result = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } });
  return { result, ms: performance.now() - started };
}

async function stationOnReferenceApi(options: { verifyDeadlineMs?: number }) {
  const api = closing(await startTestCentralApi(tempDir()));
  const station = closing(await startEnrolledStation(api.url, tempDir(), options));
  // An offline verdict uses the cached deny list: it must have arrived first.
  expect((await station.sync.runPass()).error).toBeNull();
  return { api, station, clean: findAdult(api.db, { status: 'none', denyListed: false }), denied: findAdult(api.db, { denyListed: true }) };
}

describe('the online verify deadline, against the reference central API with slow verification', () => {
  it('decides from the cache and marks the verdict offline once the deadline passes; an answer in time is online', async () => {
    const deadlineMs = 1000;
    const { api, station, clean, denied } = await stationOnReferenceApi({ verifyDeadlineMs: deadlineMs });

    await slowVerify(api.url, slowMs);
    for (const [citizen, verdict] of [[clean, 'pass'], [denied, 'deny']] as const) {
      const { result, ms } = await timedScan(station, citizen);
      expect(result).toMatchObject({ verdict, verification: 'offline', recordError: null });
      expect(station.store.get(result.passageId!)).toMatchObject({ verdict, verification: 'offline' });
      // It waited for the server (the station did not skip it) but not for the slow answer.
      expect(ms).toBeGreaterThanOrEqual(deadlineMs - 20);
      expect(ms).toBeLessThan(deadlineMs + marginMs);
    }

    const inTimeMs = 200;
    await slowVerify(api.url, inTimeMs);
    const { result, ms } = await timedScan(station, denied);
    expect(result).toMatchObject({ verdict: 'deny', verification: 'online', recordError: null });
    expect(station.store.get(result.passageId!)).toMatchObject({ verification: 'online' });
    expect(ms).toBeGreaterThanOrEqual(inTimeMs - 20);
  });

  it('is 1.5 s by default', async () => {
    const { api, station, clean } = await stationOnReferenceApi({});
    await slowVerify(api.url, slowMs);
    const { result, ms } = await timedScan(station, clean);
    expect(result).toMatchObject({ verdict: 'pass', verification: 'offline' });
    expect(ms).toBeGreaterThanOrEqual(1500 - 20);
    expect(ms).toBeLessThan(1500 + marginMs);
  });
});
