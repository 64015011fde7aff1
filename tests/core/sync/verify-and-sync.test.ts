import { afterEach, describe, expect, it } from 'vitest';
import type { CentralApi } from '../../../central-api/server';
import type { Station } from '../../../electron/core/station';
import { cardPayloadFor, startTestCentralApi } from '../../helpers/central-api';
import { identityTokenFor } from '../../helpers/citizen-app';
import { findAdult, startEnrolledStation } from '../../helpers/enrolled-station';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();
let api: CentralApi | null = null;
let station: Station | null = null;
afterEach(async () => {
  await station?.close();
  await api?.close();
  station = api = null;
});

describe('online verdicts, offline verdicts, and exactly-once sync against the reference central API', () => {
  it('verifies online, decides offline during an outage, then drains the queue and raises retroactive VNeID alerts', async () => {
    const apiDir = tempDir();
    api = await startTestCentralApi(apiDir);
    const { port, url } = api;
    station = await startEnrolledStation(url, tempDir());
    const clean = findAdult(api.db, { status: 'none', denyListed: false });
    const denied = findAdult(api.db, { denyListed: true });

    const pass = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(clean) } });
    expect(pass).toMatchObject({ verdict: 'pass', verification: 'online', person: { fullName: clean.fullName }, recordError: null });
    expect(pass.person?.maskedIdNumber).toContain('•');
    const deny = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(denied) } });
    expect(deny).toMatchObject({ verdict: 'deny', verification: 'online' });
    const onlineToken = await station.processScan({ laneId: 'lane-1', code: { raw: await identityTokenFor(url, clean) } });
    expect(onlineToken).toMatchObject({ codeKind: 'vneid-token', verdict: 'pass', verification: 'online', person: { fullName: clean.fullName } });
    expect(await station.processScan({ laneId: 'lane-1', code: { raw: 'not a citizen code' } })).toMatchObject({ verdict: 'invalid' });

    // The network goes: tokens shown now can only be checked later.
    const cleanToken = await identityTokenFor(url, clean);
    const deniedToken = await identityTokenFor(url, denied);
    await api.close();
    api = null;
    const offlineCard = await station.processScan({ laneId: 'lane-2', code: { raw: cardPayloadFor(clean) } });
    expect(offlineCard).toMatchObject({ verdict: 'pass', verification: 'offline' });
    expect(await station.processScan({ laneId: 'lane-2', code: { raw: cleanToken } })).toMatchObject({ verdict: 'check', verification: 'offline', person: null });
    const deniedOffline = await station.processScan({ laneId: 'lane-2', code: { raw: deniedToken } });
    expect(deniedOffline).toMatchObject({ verdict: 'check', verification: 'offline' });
    await expect.poll(() => station!.status().connectivity.state, { timeout: 5000 }).toBe('offline');
    expect((await station.sync.runPass()).error).not.toBeNull();
    // The online passages went up as they were recorded; the three offline ones wait.
    const waiting = station.status().sync.pending;
    expect(waiting).toBeGreaterThanOrEqual(3);

    // The network returns: the queue drains, each record once, and the VNeID code of the denied citizen raises an alert.
    api = await startTestCentralApi(apiDir, port);
    const drained = await station.sync.runPass();
    expect(drained).toMatchObject({ error: null, remaining: 0, rejected: 0, retroAlerts: [deniedOffline.passageId] });
    expect(drained.uploaded + drained.duplicates).toBe(waiting);
    expect(station.status().sync).toMatchObject({ pending: 0, deadLetters: 0, retroAlerts: 1, clockWarning: false });
    const stored = (await (await fetch(`${api.url}/admin/passages`)).json()) as { id: string }[];
    expect(new Set(stored.map((passage) => passage.id)).size).toBe(7);
    expect(stored).toHaveLength(7);
    expect((await station.sync.runPass()).uploaded).toBe(0); // nothing sent twice
  });
});
