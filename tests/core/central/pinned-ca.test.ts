import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCentralApi } from '../../../central-api/server';
import { stationConfigSchema } from '../../../shared/config/station-config';
import { createStation } from '../../../electron/core/station';
import { cardPayloadFor, enrolSecret } from '../../helpers/central-api';
import { findAdult, stationId, useClosing } from '../../helpers/enrolled-station';
import { testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { createTestCa } from '../../helpers/test-ca';
import { useTempDirs } from '../../helpers/temp-dir';
import { createEnrolmentStore, enrolStation } from '../../../electron/core/central/enrolment';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const closing = useClosing();

/** A station whose config names the central API and, if given, the pinned CA file. */
async function stationFor(apiUrl: string, caFile: string | null) {
  const dataDir = tempDir();
  const checkpoint = { id: 'CP-HN-07', name: 'Chốt Pháp Vân' };
  const pinnedCaPem = caFile === null ? null : readFileSync(caFile, 'utf8');
  const enrolment = await enrolStation({ apiUrl, secret: enrolSecret, stationId, checkpoint, pinnedCaPem, store: createEnrolmentStore(dataDir) }).catch(() => null);
  const station = createStation({
    databaseDriver: nodeDatabaseDriver,
    config: stationConfigSchema.parse({ checkpoint: { ...checkpoint, direction: 'entry' }, api: { url: apiUrl, caFile } }),
    dataDir,
    host: 'headless',
    logger: createMemoryLogger().logger,
    databaseKey: testKey,
    enrolment: enrolment ?? { apiUrl, stationId, token: 'x'.repeat(43) },
    connectivityIntervalMs: 100,
    sync: { idleMs: 60_000, baseDelayMs: 20, maxDelayMs: 100 },
  });
  return { station: closing(station), enrolled: enrolment !== null };
}

describe('the pinned CA of a closed network, over real HTTPS', () => {
  it('is trusted by every outbound call (enrolment, the online monitor, verification, sync); without it nothing is', async () => {
    const ca = await createTestCa();
    const caFile = join(tempDir(), 'closed-network-ca.pem');
    writeFileSync(caFile, ca.certPem);
    const api = closing(await startCentralApi({ dataDir: tempDir(), enrolSecret, testAdmin: true, population: 400, tls: await ca.issueServerCertificate() }));
    expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const citizen = findAdult(api.db, { status: 'none', denyListed: false });

    const pinned = await stationFor(api.url, caFile);
    expect(pinned.enrolled).toBe(true);
    await expect.poll(() => pinned.station.status().connectivity.state).toBe('online');
    expect(await pinned.station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } })).toMatchObject({ verdict: 'pass', verification: 'online' });
    expect(await pinned.station.sync.runPass()).toMatchObject({ error: null, remaining: 0, uploaded: 1 });

    // Node's own store does not know the closed network's CA: the same server is not trusted.
    const unpinned = await stationFor(api.url, null);
    expect(unpinned.enrolled).toBe(false);
    await expect.poll(() => unpinned.station.status().connectivity).toMatchObject({ state: 'offline', lastError: expect.stringMatching(/CERT|SIGNATURE|ISSUER/) });
  });
});
