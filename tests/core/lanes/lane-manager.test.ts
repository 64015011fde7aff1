import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { stationConfigSchema } from '../../../shared/config/station-config';
import { createStationClient } from '../../../shared/contract/client';
import { createInMemoryTransport } from '../../../shared/contract/in-memory-transport';
import type { LaneCodeEvent } from '../../../shared/contract/lanes';
import { createDedupeWindow } from '../../../electron/core/lanes/dedupe-window';
import { LatestSlot } from '../../../electron/core/lanes/latest-slot';
import { createStation, type Station } from '../../../electron/core/station';
import { samplePassageDraft, testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { fakeCamera, fakeDecoder } from './fake-lanes';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const payload = samplePassageDraft().rawPayload!;
const corner = { x: 10, y: 20 };
const position = { topLeft: corner, topRight: corner, bottomRight: corner, bottomLeft: corner };

function stationWith(config: unknown, lanes = {}) {
  const memory = createMemoryLogger();
  const station = createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse(config), dataDir: tempDir(), host: 'headless', logger: memory.logger, databaseKey: testKey, enrolment: null, lanes });
  const client = createStationClient(createInMemoryTransport(station.router, station.events), vi.fn());
  return { station, client, logText: memory.text };
}

describe('lane pipeline', () => {
  it('the dedupe window runs on capture times and is extended by every sighting', () => {
    const window = createDedupeWindow(5000);
    expect(window.seen('A', 0)).toBe(false);
    expect(window.seen('A', 4000)).toBe(true);
    expect(window.seen('A', 8500)).toBe(true); // held up: 4.5 s after the last sighting
    expect(window.seen('B', 8600)).toBe(false);
    expect(window.seen('A', 14_000)).toBe(false); // gone for 5.5 s: a new passage
  });

  it('a code whose passage was not recorded is tried again while still in view, not before its retry time', () => {
    const window = createDedupeWindow(5000);
    expect(window.seen('A', 0)).toBe(false);
    window.retry('A', 1000);
    expect(window.seen('A', 500)).toBe(true);
    expect(window.seen('A', 1000)).toBe(false); // a new attempt
    expect(window.seen('A', 1500)).toBe(true); // and recorded this time: one passage again
  });

  it('the newest-wins slot hands over only the latest frame and reports the ones it dropped', async () => {
    const dropped: number[] = [];
    const slot = new LatestSlot<number>((item) => dropped.push(item));
    expect(slot.put(1)).toBe(false);
    expect(slot.put(2)).toBe(true);
    expect(dropped).toEqual([1]);
    expect(await slot.take()).toBe(2);
    const waiting = slot.take();
    expect(slot.put(3)).toBe(false);
    expect(await waiting).toBe(3);
    slot.put(4);
    slot.close(false);
    expect(await slot.take()).toBeNull();
  });

  it('a webcam lane reports decoded codes over the contract: deduped, recorded once, seen by the overlay without the text', async () => {
    const { station, client, logText } = stationWith({ lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'webcam:default' }] });
    const sightings: LaneCodeEvent[] = [];
    const verdicts: (string | null)[] = [];
    client.on('laneCode', (event) => sightings.push(event));
    client.on('scan', (scan) => verdicts.push(scan.passageId));
    const report = (capturedAt: number, reportId: string = randomUUID()) =>
      client.invoke('reportDecodedCode', { reportId, laneId: 'lane-1', text: payload, capturedAt, decodedAt: capturedAt + 12, position, frameSize: { width: 1280, height: 720 } });

    const first = randomUUID();
    expect(await report(1_000_000, first)).toEqual({ ok: true, value: { duplicate: false } });
    expect(await report(1_003_000)).toEqual({ ok: true, value: { duplicate: true } });
    // The renderer retries a report whose answer it lost: same id, same answer, no second sighting.
    expect(await report(1_000_000, first)).toEqual({ ok: true, value: { duplicate: false } });
    await vi.waitFor(() => expect(verdicts).toHaveLength(1));
    expect(verdicts[0]).toEqual(expect.any(String));
    expect(sightings).toEqual([
      { laneId: 'lane-1', frame: null, capturedAt: 1_000_000, decodedAt: 1_000_012, position, frameSize: { width: 1280, height: 720 }, duplicate: false },
      expect.objectContaining({ capturedAt: 1_003_000, duplicate: true }),
    ]);
    expect(JSON.stringify(sightings)).not.toContain('Huyền');
    // Codes came in, but no window said its camera is open: not counted as working (see the health test below).
    const lane = station.status().lanes[0]!;
    expect(lane).toMatchObject({ id: 'lane-1', state: 'stopped', lastCodeAt: new Date(1_003_012).toISOString(), restarts: 0 });

    const wrongLane = await client.invoke('reportDecodedCode', { reportId: randomUUID(), laneId: 'lane-9', text: payload, capturedAt: 1, decodedAt: 2, position: null, frameSize: null });
    expect(wrongLane).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await station.close();
    expect(logText()).not.toContain('Huyền');
  });

  it('a report is answered once its passage is recorded, and the same report sent again after a restart is not a second passage', async () => {
    const dataDir = tempDir();
    const config = stationConfigSchema.parse({ lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'keyboard:' }] });
    const open = () => createStation({ databaseDriver: nodeDatabaseDriver, config, dataDir, host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });
    const report = { reportId: randomUUID(), laneId: 'lane-1', text: payload, capturedAt: 1_000_000, decodedAt: 1_000_000, position: null, frameSize: null };
    const recorded = (station: Station) => {
      station.officers.startDemoShift();
      return station.router.dispatch('searchPassages', { limit: 10 }).then((result) => (result.ok ? (result.value as unknown[]).length : -1));
    };

    const first = open();
    expect(await first.router.dispatch('reportDecodedCode', report)).toEqual({ ok: true, value: { duplicate: false } });
    expect(await recorded(first)).toBe(1);
    await first.close();

    // The page never heard the answer (the station stopped first) and sends it again to the next one.
    const second = open();
    expect(await second.router.dispatch('reportDecodedCode', { ...report, decodedAt: 1_000_500 })).toEqual({ ok: true, value: { duplicate: false } });
    expect(await recorded(second)).toBe(1);
    await second.close();
  });

  it('a started camera lane shows its watchdog restarts in the station status, and stops with the station', async () => {
    const camera = fakeCamera([0, 1], 5);
    const { station } = stationWith(
      { lanes: [{ id: 'lane-2', name: 'Làn 2', source: 'rtsp://127.0.0.1:9/stream' }] },
      { sourceFor: () => camera.source, startDecoder: async () => fakeDecoder(), timeouts: { silenceMs: 100 }, backoff: { baseMs: 10, capMs: 20 } },
    );
    const scans: (number | null)[] = [];
    station.lanes.onScan((scan) => scans.push(scan.frame));
    expect(station.status().lanes[0]!.state).toBe('stopped');
    station.lanes.start();
    await vi.waitFor(() => expect(station.status().lanes[0]!.restarts).toBeGreaterThanOrEqual(2));
    expect(station.status().lanes[0]).toMatchObject({ source: 'rtsp://127.0.0.1:9/stream', lastError: 'no frame for 0.1 s', lastCodeAt: expect.any(String) });
    await station.close();
    expect(station.lanes.status()[0]!.state).toBe('stopped');
    // CODE-1 was seen again on every reopening, each time within the window: one passage.
    expect(scans).toEqual([1]);
  });

  it('a webcam lane counts as working only while its window says frames arrive; a keyboard lane stays the window’s', async () => {
    const { station, client } = stationWith({ lanes: [
      { id: 'cam', name: 'Làn 1', source: 'webcam:default' },
      { id: 'kbd', name: 'Máy quét', source: 'keyboard:wedge' },
    ] });
    const lane = (id: string) => station.status().lanes.find((candidate) => candidate.id === id)!;
    // No window has opened the camera (headless, or the page is closed): not working.
    expect(lane('cam')).toMatchObject({ state: 'stopped', lastError: null });
    expect(lane('kbd')).toMatchObject({ state: 'external' });
    expect(await client.invoke('reportLaneHealth', { laneId: 'cam', camera: 'opening', fpsIn: 0, fpsDecoded: 0, error: null })).toEqual({ ok: true, value: { accepted: true } });
    expect(lane('cam').state).toBe('starting');
    await client.invoke('reportLaneHealth', { laneId: 'cam', camera: 'live', fpsIn: 30, fpsDecoded: 12, error: null });
    expect(lane('cam')).toMatchObject({ state: 'running', fpsIn: 30, fpsDecoded: 12 });
    await client.invoke('reportLaneHealth', { laneId: 'cam', camera: 'failed', fpsIn: 0, fpsDecoded: 0, error: 'NotReadableError: Could not start video source' });
    expect(lane('cam')).toMatchObject({ state: 'restarting', lastError: 'NotReadableError: Could not start video source' });
    // A window that stops reporting (closed, crashed) leaves the camera unwatched.
    station.lanes.reportHealth({ laneId: 'cam', camera: 'live', fpsIn: 30, fpsDecoded: 12, error: null }, Date.now() - 7000);
    expect(lane('cam')).toMatchObject({ state: 'stopped', lastError: 'the app window stopped reporting this camera' });
    // Only webcam lanes take a window's word.
    expect(await client.invoke('reportLaneHealth', { laneId: 'kbd', camera: 'live', fpsIn: 30, fpsDecoded: 30, error: null })).toEqual({ ok: true, value: { accepted: false } });
    expect(lane('kbd').state).toBe('external');
    await station.close();
  });
});
