import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createStationClient } from '../../shared/contract/client';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { stationConfigSchema } from '../../shared/config/station-config';
import type { StationStatus } from '../../shared/contract/status';
import { createStation } from '../../electron/core/station';
import { countStationRuns } from '../../electron/core/db/station-runs';
import { openDatabase } from '../../electron/core/db/open-database';
import { createMemoryLogger } from '../helpers/memory-logger';
import { startHealthServer } from '../helpers/health-server';
import { useTempDirs } from '../helpers/temp-dir';
import { samplePassageDraft, testKey } from '../helpers/fixtures';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();

describe('station core', () => {
  it('answers getStatus over the contract with the configured checkpoint, lanes and database', async () => {
    const dataDir = tempDir();
    const config = stationConfigSchema.parse({
      checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' },
      lanes: [
        { id: 'lane-1', name: 'Làn 1', source: 'webcam:default' },
        { id: 'lane-2', name: 'Làn xe tải', source: 'rtsp://127.0.0.1:9/stream' },
      ],
    });
    const station = createStation({ databaseDriver: nodeDatabaseDriver, config, dataDir, host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });
    const client = createStationClient(createInMemoryTransport(station.router, station.events), vi.fn());
    const result = await client.invoke('getStatus', undefined);
    await station.close();

    expect(result.ok).toBe(true);
    const status = (result as { value: StationStatus }).value;
    expect(status.checkpoint).toEqual({ id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' });
    expect(status.lanes.map((lane) => lane.id)).toEqual(['lane-1', 'lane-2']);
    expect(status.database).toEqual({ path: `${dataDir}/station.db`, schemaVersion: 7 });
    expect(status.officer).toBeNull();
    expect(status.storage).toEqual({ state: 'ok', lastError: null, unsyncedCount: 0, alerts: [] });
    expect(status.connectivity.state).toBe('unconfigured');

    const reopened = openDatabase(`${dataDir}/station.db`, { driver: nodeDatabaseDriver, key: testKey });
    expect(countStationRuns(reopened.db)).toBe(1);
    reopened.db.close();
  });

  it('pushes a status event when the central API comes and goes', async () => {
    const api = await startHealthServer();
    const config = stationConfigSchema.parse({ api: { url: api.url } });
    const station = createStation({ databaseDriver: nodeDatabaseDriver, config, dataDir: tempDir(), host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null, connectivityIntervalMs: 50 });
    const states: string[] = [];
    station.events.subscribe((event, payload) => {
      if (event === 'status') states.push((payload as StationStatus).connectivity.state);
    });
    await vi.waitFor(() => expect(states).toContain('online'));
    await api.close();
    await vi.waitFor(() => expect(states.at(-1)).toBe('offline'));
    await station.close();
  });

  it('records a passage, pushes the new unsynced count, and finds it over the contract', async () => {
    const config = stationConfigSchema.parse({});
    const station = createStation({ databaseDriver: nodeDatabaseDriver, config, dataDir: tempDir(), host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });
    station.officers.startDemoShift();
    const client = createStationClient(createInMemoryTransport(station.router, station.events), vi.fn());
    const pushed: number[] = [];
    client.on('status', (status) => pushed.push(status.storage.unsyncedCount));
    const outcome = station.store.record(samplePassageDraft());
    expect(outcome.recorded).toBe(true);
    expect(pushed).toEqual([1]);
    const found = await client.invoke('searchPassages', { name: 'dinh thi huyen' });
    // Found by the name, shown masked: the list never carries a whole name or ID number.
    expect(found.ok && found.value.map((passage) => [passage.identity.fullName, passage.identity.idNumber])).toEqual([['Đ•• T•• H••', '0011•••••485']]);
    const invalid = await client.invoke('searchPassages', { idNumber: 'DROP TABLE' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await station.close();
  });

  it('exports over the contract to the data folder, masked, and audits it', async () => {
    const dataDir = tempDir();
    const station = createStation({ databaseDriver: nodeDatabaseDriver, config: stationConfigSchema.parse({}), dataDir, host: 'headless', logger: createMemoryLogger().logger, databaseKey: testKey, enrolment: null });
    station.officers.startDemoShift();
    station.store.record(samplePassageDraft());
    const client = createStationClient(createInMemoryTransport(station.router, station.events), vi.fn());
    const result = await client.invoke('exportPassages', { from: '2000-01-01T00:00:00.000Z', to: '2100-01-01T00:00:00.000Z', format: 'csv', unmasked: false });
    expect(result.ok).toBe(true);
    const { path, rows } = (result as { value: { path: string; rows: number } }).value;
    expect(rows).toBe(1);
    expect(path.startsWith(`${dataDir}/exports/passages-`)).toBe(true);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('0011•••••485');
    expect(text).not.toContain('001158024485');
    await station.close();
  });
});
