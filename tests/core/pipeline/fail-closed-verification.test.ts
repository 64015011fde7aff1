import { openTrustListCache, trustListMacKey } from '../../../electron/core/dcc/trust-list-cache';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { addToDenyList, setCitizenStatus } from '../../../central-api';
import type { RegisteredCitizen } from '../../../central-api/db/citizens';
import { createStationClient } from '../../../shared/contract/client';
import { createInMemoryTransport } from '../../../shared/contract/in-memory-transport';
import type { Station } from '../../../electron/core/station';
import { cardPayloadFor, setFaults, startTestCentralApi } from '../../helpers/central-api';
import { enrol, findAdult, startEnrolledStation, stationId, useClosing } from '../../helpers/enrolled-station';
import { dirname, join } from 'node:path';
import { DEFAULT_RULE_SET } from '../../../shared/rules/default-rules';
import { createApiClient, type ApiClient } from '../../../electron/core/central/api-client';
import { createReferenceCache } from '../../../electron/core/central/reference-cache';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { createPassageAlerts } from '../../../electron/core/store/passage-alerts';
import { createOutbox } from '../../../electron/core/sync/outbox';
import { createSyncEngine } from '../../../electron/core/sync/sync-engine';
import { testKey } from '../../helpers/fixtures';
import { createMemoryLogger } from '../../helpers/memory-logger';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();
const closing = useClosing();
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

/** The codes a checkpoint meets for one citizen, each carrying (or not) the ID number the deny list is searched by. */
function codesOf(citizen: RegisteredCitizen) {
  const [year, month, day] = citizen.birthDate.split('-');
  return {
    card: cardPayloadFor(citizen),
    damagedCard: cardPayloadFor(citizen).replace(`|${day}${month}${year}|`, `|32${month}${year}|`),
    copiedCard: `${citizen.idNumber}|${citizen.fullName}|${day}/${month}/${year}|${citizen.sex === 'female' ? 'Nữ' : 'Nam'}|Hà Nội|01/11/2025`,
    pcCovid: `${citizen.idNumber}|${citizen.fullName}|${citizen.birthDate}|1|${randomUUID()}|ext`,
    bhyt: ['HT4010120878811', hex(citizen.fullName), `${day}/${month}/${year}`, citizen.sex === 'female' ? '2' : '1', hex('Hà Nội'), '01 - 123', '01/01/2026', '31/12/2026', '01/01/2026', '$'].join('|'),
  };
}

const scan = (station: Station, raw: string) => station.processScan({ laneId: 'lane-1', code: { raw } });

async function enrolledOnReferenceApi() {
  const api = closing(await startTestCentralApi(tempDir()));
  const station = closing(await startEnrolledStation(api.url, tempDir()));
  expect((await station.sync.runPass()).error).toBeNull();
  return { api, station, clean: findAdult(api.db, { status: 'none', denyListed: false }) };
}

describe('an online check that fails is never a pass', () => {
  it.each([
    ['a 400 refusal', { kind: 'refuse', status: 400 }, 'central-refused'],
    ['a 422 refusal', { kind: 'refuse', status: 422 }, 'central-refused'],
    ['a revoked token (401)', { kind: 'refuse', status: 401 }, 'central-unauthorized'],
    ['an answer no schema allows', { kind: 'unreadable' }, 'central-refused'],
  ] as const)('%s: CHECK with the reason first, shown in the status until a check is answered again', async (_, fault, reason) => {
    const { api, station, clean } = await enrolledOnReferenceApi();
    await setFaults(api.url, [{ ...fault, probability: 1, paths: ['/v1/verify'] }]);
    const refused = await scan(station, codesOf(clean).card);
    expect(refused).toMatchObject({ verdict: 'check', verification: 'offline', reasons: [{ code: reason }, { code: 'clear' }], recordError: null });
    expect(station.store.get(refused.passageId!)).toMatchObject({ verdict: 'check', verification: 'offline' });
    expect(station.status().verification.lastRefusal).toMatchObject({ status: fault.kind === 'refuse' ? fault.status : null });

    await setFaults(api.url, []);
    expect(await scan(station, codesOf(clean).card)).toMatchObject({ verdict: 'pass', verification: 'online' });
    expect(station.status().verification.lastRefusal).toBeNull();
  });

  it.each([
    ['a 500', { kind: 'error-500' }],
    ['a 429', { kind: 'rate-limit-429', retryAfterSeconds: 0 }],
    ['a connection reset mid-answer', { kind: 'reset' }],
  ] as const)('%s makes the check unavailable: decided from the cache, marked offline, checked again at sync', async (_, fault) => {
    const { api, station, clean } = await enrolledOnReferenceApi();
    await setFaults(api.url, [{ ...fault, probability: 1, paths: ['/v1/verify'] }]);
    expect(await scan(station, codesOf(clean).card)).toMatchObject({ verdict: 'pass', verification: 'offline', reasons: [{ code: 'clear' }] });
    expect(station.status().verification.lastRefusal).toBeNull();
  });
});

describe('the deny list synced from the central API, offline', () => {
  it('stops a listed person whatever code carries the ID number; a code without one needs an identity document', async () => {
    const { api, station, clean } = await enrolledOnReferenceApi();
    const listed = findAdult(api.db, { status: 'none', denyListed: false }, [clean.idNumber]);
    addToDenyList(api.db, listed.idNumber, 'wanted');
    expect((await station.sync.runPass()).error).toBeNull();
    expect(station.status().reference.denyListVersion).not.toBeNull();
    await api.close(); // the network goes

    const codes = codesOf(listed);
    for (const raw of [codes.card, codes.damagedCard, codes.copiedCard, codes.pcCovid]) {
      const result = await scan(station, raw);
      expect(result).toMatchObject({ verdict: 'deny', verification: 'offline' });
      expect(result.reasons[0]).toEqual({ code: 'deny-list' });
    }
    const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
    const [year, month, day] = listed.birthDate.split('-');
    const form = {
      idNumber: listed.idNumber,
      fullName: listed.fullName,
      birthDate: `${day}/${month}/${year}`,
      sex: listed.sex,
      phone: '0912345678',
      address: { province: 'Hà Nội', district: 'Quận Ba Đình', detail: 'Số 1' },
      travel: { from: 'Hà Nội', to: 'Lạng Sơn' },
      vehiclePlate: '',
      health: { symptoms: [], contactWithConfirmedCase: false, vaccinationDoses: 2 },
    };
    const declared = await client.invoke('submitDeclaration', { laneId: 'manual', form, locale: 'vi' });
    expect(declared).toMatchObject({ ok: true, value: { accepted: true, result: { verdict: 'deny', reasons: [{ code: 'deny-list' }] } } });

    // A health-insurance card names nobody the deny list can be searched by: never a pass on its own offline.
    for (const citizen of [clean, listed]) {
      expect(await scan(station, codesOf(citizen).bhyt)).toMatchObject({ codeKind: 'bhyt', verdict: 'check', reasons: [{ code: 'identity-document-required' }] });
    }
  });
});

describe('every offline decision is checked again at sync', () => {
  it('raises an alert when the register, as of the scan time, was worse than the station knew; an officer acknowledges it', async () => {
    const { api, station, clean } = await enrolledOnReferenceApi();
    const wanted = findAdult(api.db, { status: 'none', denyListed: false }, [clean.idNumber]);
    const quarantined = findAdult(api.db, { status: 'none', denyListed: false }, [clean.idNumber, wanted.idNumber]);
    // The station cannot reach the server; meanwhile the register changes.
    await setFaults(api.url, [{ kind: 'error-500', probability: 1 }]);
    addToDenyList(api.db, wanted.idNumber, 'wanted');
    setCitizenStatus(api.db, quarantined.idNumber, 'quarantine', true);
    const decided = {
      wanted: await scan(station, codesOf(wanted).card),
      quarantined: await scan(station, codesOf(quarantined).card),
      clean: await scan(station, codesOf(clean).card),
    };
    for (const result of Object.values(decided)) expect(result).toMatchObject({ verdict: 'pass', verification: 'offline' });

    await setFaults(api.url, []);
    const pass = await station.sync.runPass();
    expect(pass).toMatchObject({ error: null, remaining: 0 });
    expect(new Set(pass.retroAlerts)).toEqual(new Set([decided.wanted.passageId, decided.quarantined.passageId]));
    expect(station.status().sync.retroAlerts).toBe(2);
    expect(station.store.get(decided.wanted.passageId!)?.alert).toMatchObject({ kind: 'denied', acknowledgedAt: null });
    expect(station.store.get(decided.quarantined.passageId!)?.alert).toMatchObject({ kind: 'quarantine' });
    expect(station.store.get(decided.clean.passageId!)?.alert).toBeNull();

    const client = createStationClient(createInMemoryTransport(station.router, station.events), () => undefined);
    const open = await client.invoke('searchPassages', { alert: 'open' });
    expect(open.ok && open.value.map((passage) => passage.id).sort()).toEqual([decided.wanted.passageId, decided.quarantined.passageId].sort());
    // Acknowledging is an officer's act: nobody signed in, nothing changes.
    station.officers.signOut();
    expect(await client.invoke('acknowledgeAlert', { passageId: decided.wanted.passageId! })).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    station.officers.startDemoShift();
    expect(await client.invoke('acknowledgeAlert', { passageId: decided.wanted.passageId! })).toMatchObject({ ok: true, value: { alert: { kind: 'denied', acknowledgedBy: 'demo' } } });
    expect(station.status().sync.retroAlerts).toBe(1);
    // Sent again (a lost answer), the same judgement raises nothing new.
    expect((await station.sync.runPass()).retroAlerts).toEqual([]);
  });
});

describe('a failing central API is not hammered', () => {
  it('new passages do not start sync passes while it backs off; the network coming back does', async () => {
    const api = closing(await startTestCentralApi(tempDir()));
    const client = createApiClient({ baseUrl: api.url, token: (await enrol(api.url)).token });
    let passes = 0;
    // Every pass starts by asking the server's time: counted on the way through to the real client.
    const counting: ApiClient = { ...client, serverTime: () => ((passes += 1), client.serverTime()) };
    const database = openDatabase(join(tempDir(), 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
    const alerts = createPassageAlerts(database.db);
    const sync = createSyncEngine({ outbox: createOutbox(database.db, stationId, alerts), alerts, trustList: openTrustListCache(dirname(database.path), 86_400_000, trustListMacKey(testKey)), api: counting, reference: createReferenceCache(database.db, DEFAULT_RULE_SET, 86_400_000), logger: createMemoryLogger().logger, onChange() {}, onRetroAlert() {}, onStorageError() {}, baseDelayMs: 60_000, maxDelayMs: 60_000, idleMs: 60_000 });
    closing({ close: async () => (await sync.stop(), closeDatabase(database)) });
    await setFaults(api.url, [{ kind: 'error-500', probability: 1, paths: ['/v1/time'] }]);
    sync.start();
    await expect.poll(() => sync.status().state).toBe('waiting');
    expect(passes).toBe(1);

    for (let recorded = 0; recorded < 20; recorded += 1) {
      sync.trigger();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(passes).toBe(1);

    await setFaults(api.url, []);
    sync.retryNow();
    await expect.poll(() => sync.status().state).toBe('idle');
    expect(passes).toBe(2);
  });
});
