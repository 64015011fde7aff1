import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createStationClient } from '../../shared/contract/client';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { stationConfigSchema } from '../../shared/config/station-config';
import type { DatabaseDriver } from '../../electron/core/db/open-database';
import { createStation } from '../../electron/core/station';
import { useClosing } from '../helpers/enrolled-station';
import { testKey } from '../helpers/fixtures';
import { createMemoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { cardPayloadFor } from '../helpers/central-api';

const tempDir = useTempDirs();
const closing = useClosing();

describe('a database damaged while the station runs', () => {
  it('is set aside at the first damaged read, its unsynced passages salvaged into a new one, and the station goes on recording', async () => {
    const connections: Database[] = [];
    class Watched extends Driver {
      constructor(...args: ConstructorParameters<typeof Driver>) {
        super(...args);
        connections.push(this);
      }
    }
    const dataDir = tempDir();
    const station = closing(
      createStation({
        config: stationConfigSchema.parse({}),
        dataDir,
        host: 'headless',
        logger: createMemoryLogger().logger,
        databaseKey: testKey,
        databaseDriver: Watched as unknown as DatabaseDriver,
        enrolment: null,
      }),
    );
    station.officers.startDemoShift();
    const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
    const people = Array.from({ length: 300 }, (_, index) => ({ idNumber: `0010800${String(index).padStart(5, '0')}`, fullName: 'Nguyễn Văn An', birthDate: '1980-01-01', sex: 'male' as const }));
    const recorded: string[] = [];
    for (const person of people) recorded.push((await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(person) } })).passageId!);

    // Everything in the file, nothing in memory: the next read goes to the disk.
    const live = connections.find((connection) => connection.name.endsWith('station.db'))!;
    live.pragma('wal_checkpoint(TRUNCATE)');
    // Two leaf pages of the passages table (SQLite's own page map, dbstat), overwritten on disk.
    const leaves = live.prepare("SELECT pageno FROM dbstat WHERE name = 'passages' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    live.pragma('cache_size = 0');
    const path = join(dataDir, 'station.db');
    const pageSize = live.pragma('page_size', { simple: true }) as number;
    const fd = openSync(path, 'r+');
    for (const page of leaves.slice(-4, -2)) writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    closeSync(fd);

    const search = await client.invoke('searchPassages', { limit: 500 });
    expect(search).toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect.poll(() => station.status().storage.alerts.map((alert) => alert.code)).toContain('database-moved-aside');
    const alert = station.status().storage.alerts.find((candidate) => candidate.code === 'database-moved-aside')!;
    expect(alert).toMatchObject({ cause: 'runtime', movedTo: expect.stringContaining('station.db.damaged-') });
    expect(readdirSync(dataDir).some((name) => name.startsWith('station.db.damaged-'))).toBe(true);

    // What the damaged file still held is in the new one, and the station records again.
    // Every row on the pages left whole comes over; the rows on the two damaged pages are reported lost.
    const salvaged = recorded.filter((id) => station.store.get(id) !== null);
    expect((alert as { salvage: { passages: number; unreadableRanges: number } }).salvage).toMatchObject({ passages: salvaged.length, unreadableRanges: expect.any(Number) });
    expect(salvaged.length).toBeGreaterThan(recorded.length / 2);
    expect(salvaged.length).toBeLessThan(recorded.length);
    const after = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor({ ...people[0]!, idNumber: '001080099999' }) } });
    expect(after.passageId).toEqual(expect.any(String));
    expect(station.status().storage.state).toBe('ok');
    const again = await client.invoke('searchPassages', { limit: 500 });
    expect(again.ok && again.value.length).toBe(salvaged.length + 1);
  });
});
