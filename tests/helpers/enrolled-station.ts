// A station core enrolled with the reference central API, as the sync, pipeline and reference
// tests build it: one checkpoint, one station id, the test database key.

import type { Database } from 'better-sqlite3-multiple-ciphers';
import { afterEach } from 'vitest';
import { findCitizens, type CitizenFilter, type RegisteredCitizen } from '../../central-api/db/citizens';
import { startCentralApi, type CentralApi, type CentralApiOptions } from '../../central-api/server';
import { stationConfigSchema } from '../../shared/config/station-config';
import { createApiClient } from '../../electron/core/central/api-client';
import type { Enrolment } from '../../electron/core/central/enrolment';
import { createStation, type Station, type StationOptions } from '../../electron/core/station';
import { enrolSecret, isAdult } from './central-api';
import { testKey } from './fixtures';
import { createMemoryLogger } from './memory-logger';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

export const stationId = 'CP-HN-07-A';
export const checkpoint = { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' } as const;

/** startTestCentralApi's server with its clock or its logger chosen by the test (that helper takes neither). */
export function startTestCentralApiWith(dataDir: string, options: Pick<CentralApiOptions, 'now' | 'logger'>): Promise<CentralApi> {
  return startCentralApi({ dataDir, enrolSecret, testAdmin: true, population: 400, ...options });
}

/** Enrols the test station with the central API, as `station enrol` does. */
export async function enrol(apiUrl: string): Promise<Enrolment> {
  const { token } = await createApiClient({ baseUrl: apiUrl, token: null }).enrol({ stationId, secret: enrolSecret, checkpointId: checkpoint.id });
  return { apiUrl, stationId, token };
}

/**
 * A headless station core on `dataDir`, talking to the enrolment's API (none without one): probing
 * every 100 ms, short backoff, with the demo supervisor on shift (the tests of roles sign out first).
 */
export function startStation(dataDir: string, enrolment: Enrolment | null, options: Pick<StationOptions, 'verifyDeadlineMs'> = {}): Station {
  const station = createStation({
    databaseDriver: nodeDatabaseDriver,
    config: stationConfigSchema.parse({ checkpoint, api: { url: enrolment?.apiUrl ?? null } }),
    dataDir,
    host: 'headless',
    logger: createMemoryLogger().logger,
    databaseKey: testKey,
    enrolment,
    connectivityIntervalMs: 100,
    sync: { idleMs: 60_000, baseDelayMs: 20, maxDelayMs: 200 },
    ...options,
  });
  station.officers.startDemoShift();
  return station;
}

export async function startEnrolledStation(apiUrl: string, dataDir: string, options: Pick<StationOptions, 'verifyDeadlineMs'> = {}): Promise<Station> {
  return startStation(dataDir, await enrol(apiUrl), options);
}

/** An adult of the seeded register (a 2021 chip card's rules are simplest for adults), other than those in `except`. */
export function findAdult(db: Database, filter: CitizenFilter, except: readonly string[] = []): RegisteredCitizen {
  const adult = findCitizens(db, { ...filter, limit: 50 }).find((citizen) => isAdult(citizen) && !except.includes(citizen.idNumber));
  if (adult === undefined) throw new Error(`no adult in the seeded register for ${JSON.stringify(filter)}`);
  return adult;
}

/**
 * Closes what a test started after it, newest first: a station before the server it talks to.
 * The resource's `close` becomes close-once, so a test may close it early (the network going away).
 */
export function useClosing(): <T extends { close(): Promise<void> }>(resource: T) => T {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const resource of opened.splice(0).reverse()) await resource.close();
  });
  return (resource) => {
    const close = resource.close.bind(resource);
    let closing: Promise<void> | null = null;
    resource.close = () => (closing ??= close());
    opened.push(resource);
    return resource;
  };
}
