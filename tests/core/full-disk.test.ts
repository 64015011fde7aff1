import Driver, { type Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { DatabaseDriver } from '../../electron/core/db/open-database';
import { cardPayloadFor, startTestCentralApi } from '../helpers/central-api';
import { checkpoint, enrol, findAdult, useClosing } from '../helpers/enrolled-station';
import { createStation } from '../../electron/core/station';
import { stationConfigSchema } from '../../shared/config/station-config';
import { testKey } from '../helpers/fixtures';
import { createMemoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const closing = useClosing();

/** The real driver, keeping hold of each connection so the test can fill the database the station uses. */
function limitableDriver() {
  const connections: Database[] = [];
  class Limitable extends Driver {
    constructor(...args: ConstructorParameters<typeof Driver>) {
      super(...args);
      connections.push(this);
    }
  }
  const database = () => connections.at(-1)!;
  return {
    driver: Limitable as unknown as DatabaseDriver,
    /**
     * The disk is full: no page may be added to the file any more, and the connectivity log's last
     * page is filled up too (with transitions long before any shift, which change no offline time),
     * so its next write needs a page there is no room for.
     */
    fill() {
      const db = database();
      db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
      const filler = db.prepare("INSERT INTO connectivity_log (at, state) VALUES ('1970-01-01T00:00:00.000Z', 'stopped')");
      for (;;) {
        try {
          filler.run();
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_FULL') return;
          throw error;
        }
      }
    },
    free: () => database().pragma('max_page_count = 1073741823'),
  };
}

describe('a full disk', () => {
  it('turns the storage to failing and answers NOT RECORDED; the network changing, the purge timer and commands go on, and nothing stops the station', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const citizen = findAdult(api.db, { status: 'none', denyListed: false });
    const disk = limitableDriver();
    const memory = createMemoryLogger();
    const station = closing(
      createStation({
        config: stationConfigSchema.parse({ checkpoint, api: { url: api.url } }),
        dataDir: tempDir(),
        host: 'headless',
        logger: memory.logger,
        databaseKey: testKey,
        databaseDriver: disk.driver,
        enrolment: await enrol(api.url),
        connectivityIntervalMs: 50,
        retentionIntervalMs: 50,
        sync: { idleMs: 60_000, baseDelayMs: 20, maxDelayMs: 100 },
      }),
    );
    station.officers.startDemoShift();
    await expect.poll(() => station.status().connectivity.state).toBe('online');
    await station.sync.runPass();

    disk.fill();
    // Until the pages the file already has are used up too.
    let unrecorded = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } });
    for (let attempt = 0; attempt < 300 && unrecorded.passageId !== null; attempt += 1) unrecorded = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } });
    // The officer sees whose passage was not recorded.
    expect(unrecorded).toMatchObject({ verdict: 'pass', passageId: null, recordError: expect.stringContaining('SQLITE_FULL'), person: { fullName: citizen.fullName } });
    expect(station.status().storage.state).toBe('failing');

    // The network goes (a connectivity-log write) and the purge timer runs, both on the full disk.
    await api.close();
    await expect.poll(() => station.status().connectivity.state).toBe('offline');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(station.status().storage).toMatchObject({ state: 'failing', lastError: expect.stringContaining('SQLITE_FULL') });
    expect(memory.text()).toContain('database error');

    disk.free();
    const recorded = await station.processScan({ laneId: 'lane-1', code: { raw: cardPayloadFor(citizen) } });
    expect(recorded.passageId).toEqual(expect.any(String));
    expect(station.status().storage.state).toBe('ok');
  });
});
