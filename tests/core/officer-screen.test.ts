import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CentralApi } from '../../central-api/server';
import { createApiClient } from '../../electron/core/central/api-client';
import { closeDatabase, openDatabase, openDatabaseReadOnly } from '../../electron/core/db/open-database';
import { createOfficerStore } from '../../electron/core/officers/officer-store';
import { listAudit } from '../../electron/core/store/audit-log';
import { createStation, type Station } from '../../electron/core/station';
import { createStationClient } from '../../shared/contract/client';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { stationConfigSchema, type StationConfigInput } from '../../shared/config/station-config';
import type { StationStatus } from '../../shared/contract/status';
import { enrolSecret, startTestCentralApi } from '../helpers/central-api';
import { CHIP_CARD } from '../shared/codes/fixtures';
import { testKey } from '../helpers/fixtures';
import { createMemoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../electron/core/node-platform';

const tempDir = useTempDirs();
let station: Station | null = null;
let api: CentralApi | null = null;
afterEach(async () => {
  await station?.close();
  await api?.close();
  station = api = null;
});

const card = CHIP_CARD;
const form = {
  idNumber: '001158024485',
  fullName: 'Đinh Thị Huyền',
  birthDate: '08/10/1958',
  sex: 'female',
  phone: '0912 345 678',
  address: { province: 'Hà Nội', district: 'Xã Khánh Hà' },
  travel: { from: 'Hà Nội', to: 'Lạng Sơn' },
  vehiclePlate: '29a-123.45',
  health: { symptoms: [], contactWithConfirmedCase: false, vaccinationDoses: 3 },
};

/** A station with officer CB-0042 (PIN 482916), its config in a file, driven over the contract. */
function start(configInput: StationConfigInput = {}, extra: Partial<Parameters<typeof createStation>[0]> = {}) {
  const dataDir = tempDir();
  const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  createOfficerStore(database.db).add({ id: 'CB-0042', name: 'Trần Văn Bình', pin: '482916', role: 'officer' }, new Date());
  createOfficerStore(database.db).add({ id: 'SV-01', name: 'Nguyễn Thị Lan', pin: '735182', role: 'supervisor' }, new Date());
  closeDatabase(database);
  const configPath = join(dataDir, 'config.json');
  writeFileSync(configPath, JSON.stringify(configInput));
  station = createStation({
    databaseDriver: nodeDatabaseDriver,
    config: stationConfigSchema.parse(configInput),
    configPath,
    dataDir,
    host: 'headless',
    logger: createMemoryLogger().logger,
    databaseKey: testKey,
    enrolment: null,
    ...extra,
  });
  const client = createStationClient(createInMemoryTransport(station.router, station.events), vi.fn());
  const invoke = async <T>(command: Parameters<typeof client.invoke>[0], input: unknown): Promise<T> => {
    const result = await client.invoke(command, input as never);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  };
  const failure = (command: Parameters<typeof client.invoke>[0], input: unknown) =>
    client.invoke(command, input as never).then((result) => (result.ok ? null : result.error));
  return { station, client, invoke, failure, dataDir, configPath };
}

const today = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString(), utcOffsetMinutes: 420 });

describe('the officer’s screen over the contract', () => {
  it('signs in and out, publishing the officer in the status; scans record the officer on shift, or none', async () => {
    const { client, invoke, failure, station: core } = start();
    const officers: (string | null)[] = [];
    client.on('status', (status: StationStatus) => officers.push(status.officer?.officerId ?? null));

    const unattended = await invoke<{ passageId: string }>('submitScan', { laneId: 'lane-1', payload: card });
    expect(core.store.get(unattended.passageId)?.officerId).toBeNull();

    expect(await failure('signIn', { officerId: 'CB-0042', pin: '000000' })).toMatchObject({ code: 'unauthorized' });
    expect(await failure('signIn', { officerId: 'CB-0042', pin: '12' })).toMatchObject({ code: 'invalid_input' });
    const session = await invoke<{ officerId: string; name: string }>('signIn', { officerId: 'CB-0042', pin: '482916' });
    expect(session).toMatchObject({ officerId: 'CB-0042', name: 'Trần Văn Bình' });
    expect((await invoke<StationStatus>('getStatus', undefined)).officer).toMatchObject({ officerId: 'CB-0042' });

    const attended = await invoke<{ passageId: string }>('submitScan', { laneId: 'lane-1', payload: card });
    expect(core.store.get(attended.passageId)?.officerId).toBe('CB-0042');
    expect(await invoke('signOut', undefined)).toEqual({ signedOut: true });
    expect(officers).toContain('CB-0042');
    expect(officers.at(-1)).toBeNull();
  });

  it('gets a passage, and overrides and annotates it only with an officer signed in', async () => {
    const { invoke, failure } = start();
    await invoke('signIn', { officerId: 'CB-0042', pin: '482916' });
    const { passageId } = await invoke<{ passageId: string }>('submitScan', { laneId: 'lane-1', payload: card });
    await invoke('signOut', undefined);

    const override = { passageId, verdict: 'deny', reason: 'giấy tờ không khớp' };
    expect(await failure('getPassage', { id: passageId })).toMatchObject({ code: 'unauthorized' });
    expect(await failure('overrideVerdict', override)).toMatchObject({ code: 'unauthorized' });
    expect(await failure('annotatePassage', { passageId, plate: '29A-123.45', note: null })).toMatchObject({ code: 'unauthorized' });

    await invoke('signIn', { officerId: 'CB-0042', pin: '482916' });
    // The detail shows the name to compare with the person; the ID number stays masked.
    expect(await invoke('getPassage', { id: passageId })).toMatchObject({ id: passageId, override: null, revision: 0, identity: { fullName: 'Đinh Thị Huyền', idNumber: '0011•••••485' } });
    expect(await failure('getPassage', { id: '01937a4e-0000-7000-8000-00000000dead' })).toMatchObject({ code: 'invalid_input' });
    expect(await failure('overrideVerdict', { ...override, reason: 'x' })).toMatchObject({ code: 'invalid_input' });
    expect(await failure('overrideVerdict', { ...override, passageId: '01937a4e-0000-7000-8000-00000000dead' })).toMatchObject({ code: 'invalid_input' });
    const overridden = await invoke<{ verdict: string; override: { verdict: string; officerId: string }; revision: number }>('overrideVerdict', override);
    expect(overridden).toMatchObject({ override: { verdict: 'deny', officerId: 'CB-0042' }, revision: 1 });
    expect(overridden.verdict).not.toBe('deny'); // the station's own verdict is kept
    expect(await invoke('annotatePassage', { passageId, plate: '29A-123.45', note: 'xe tải' })).toMatchObject({ plate: '29A-123.45', note: 'xe tải', revision: 2 });
  });

  it('takes a paper declaration: problems come back and nothing is recorded; a clean one is a scan with its plate and the officer', async () => {
    const { client, invoke, station: core } = start();
    await invoke('signIn', { officerId: 'CB-0042', pin: '482916' });
    const scans: unknown[] = [];
    client.on('scan', (scan) => scans.push(scan));
    const refused = await invoke<{ accepted: false; problems: { code: string; field?: string; message: string }[] }>('submitDeclaration', {
      laneId: 'lane-1',
      form: { ...form, fullName: '', phone: '12' },
      locale: 'en',
    });
    expect(refused.accepted).toBe(false);
    expect(refused.problems.map((problem) => problem.field)).toEqual(['fullName']);
    expect(refused.problems[0]?.message).toMatch(/Full name/);
    expect(core.status().storage.unsyncedCount).toBe(0);
    expect(scans).toEqual([]);

    const accepted = await invoke<{ accepted: true; result: { passageId: string; codeKind: string } }>('submitDeclaration', { laneId: 'lane-1', form });
    expect(accepted).toMatchObject({ accepted: true, result: { codeKind: 'paper-declaration' } });
    expect(core.store.get(accepted.result.passageId)).toMatchObject({ codeKind: 'paper-declaration', plate: '29A-123.45', officerId: 'CB-0042', identity: { idNumber: '001158024485' } });
    expect(scans).toHaveLength(1);
  });

  it('summarises the shift by final verdict and writes the shift report PDF in the data folder, audited', async () => {
    const { invoke, dataDir, station: core } = start({ checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' } });
    await invoke('signIn', { officerId: 'CB-0042', pin: '482916' });
    const first = await invoke<{ passageId: string; verdict: string }>('submitScan', { laneId: 'lane-1', payload: card });
    await invoke('submitScan', { laneId: 'lane-1', payload: 'not a citizen code' });
    await invoke('overrideVerdict', { passageId: first.passageId, verdict: 'deny', reason: 'giấy tờ không khớp' });

    const summary = await invoke<{ byVerdict: Record<string, number>; overrides: number; offlineVerdicts: number; pending: number; offlineMs: number }>('shiftSummary', today());
    expect(summary).toMatchObject({ byVerdict: { pass: 0, check: 0, deny: 1, invalid: 1 }, overrides: 1, offlineVerdicts: 2, pending: 2, offlineMs: 0 });
    expect(await invoke('searchPassages', { verdict: 'deny' })).toHaveLength(1);
    const reversed = today();
    await expect(invoke('shiftSummary', { ...reversed, from: reversed.to, to: reversed.from })).rejects.toMatchObject({ code: 'invalid_input' });

    const { path } = await invoke<{ path: string }>('exportShiftReport', { ...today(), locale: 'vi' });
    expect(path).toMatch(new RegExp(`^${dataDir}/reports/shift-.*\\.pdf$`));
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    expect(core.status().checkpoint.name).toBe('Chốt Pháp Vân');
    // The running station owns the folder: read beside it, as a support bundle does.
    const db = openDatabaseReadOnly(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
    expect(listAudit(db, { limit: 1 })).toMatchObject([{ action: 'export', actor: 'officer:CB-0042', details: { format: 'pdf', report: 'shift' } }]);
    db.close();
  });

  it('saves settings into the config file, applying the checkpoint name live', async () => {
    const { invoke, configPath, station: core } = start({ checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' }, privacy: { keepRawPayload: true } });
    await invoke('signIn', { officerId: 'SV-01', pin: '735182' });
    const view = await invoke<{ settings: Record<string, unknown>; configPath: string; restartRequired: boolean }>('getSettings', undefined);
    expect(view).toMatchObject({ configPath, restartRequired: false, settings: { apiUrl: null, retentionDays: 21 } });
    const saved = await invoke<{ restartRequired: boolean }>('saveSettings', { ...view.settings, checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân 2', direction: 'entry' } });
    expect(saved.restartRequired).toBe(false);
    expect(core.status().checkpoint.name).toBe('Chốt Pháp Vân 2');
    expect(JSON.parse(readFileSync(configPath, 'utf8'))).toMatchObject({ checkpoint: { name: 'Chốt Pháp Vân 2' }, privacy: { keepRawPayload: true } });
  });

  it('enrols with the central API and saves its URL; a wrong secret is unauthorized, an unreachable API unavailable', async () => {
    api = await startTestCentralApi(tempDir());
    const apiUrl = api.url;
    const { invoke, failure, configPath } = start({ checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' } });
    await invoke('signIn', { officerId: 'SV-01', pin: '735182' });
    expect(await failure('enrol', { apiUrl, secret: 'wrong-secret' })).toMatchObject({ code: 'unauthorized' });
    expect(await failure('enrol', { apiUrl: 'http://127.0.0.1:9', secret: enrolSecret })).toMatchObject({ code: 'unavailable' });
    const view = await invoke<{ enrolment: { stationId: string; apiUrl: string }; restartRequired: boolean; settings: { apiUrl: string } }>('enrol', { apiUrl, secret: enrolSecret });
    expect(view).toMatchObject({ enrolment: { stationId: expect.stringMatching(/^CP-HN-07-/), apiUrl }, restartRequired: true, settings: { apiUrl } });
    expect(JSON.parse(readFileSync(configPath, 'utf8'))).toMatchObject({ api: { url: apiUrl } });
  });

  it('sends an amendment of a synced passage to the central API as a new revision, which replaces its copy', async () => {
    api = await startTestCentralApi(tempDir());
    const apiUrl = api.url;
    const { token } = await createApiClient({ baseUrl: apiUrl, token: null }).enrol({ stationId: 'CP-HN-07-A', secret: enrolSecret, checkpointId: 'CP-HN-07' });
    const { invoke, station: core } = start(
      { checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' }, api: { url: apiUrl } },
      { enrolment: { apiUrl, stationId: 'CP-HN-07-A', token }, sync: { idleMs: 60_000, baseDelayMs: 20, maxDelayMs: 200 } },
    );
    const stored = async () => (await (await fetch(`${apiUrl}/admin/passages`)).json()) as { id: string; verdict: string; revision: number; overrideVerdict: string | null }[];
    const { passageId } = await invoke<{ passageId: string }>('submitScan', { laneId: 'lane-1', payload: 'not a citizen code' });
    await vi.waitFor(async () => expect(core.store.get(passageId)?.syncState).toBe('synced'));
    expect((await stored()).find((row) => row.id === passageId)).toMatchObject({ revision: 0, overrideVerdict: null, verdict: 'invalid' });

    await invoke('signIn', { officerId: 'CB-0042', pin: '482916' });
    await invoke('overrideVerdict', { passageId, verdict: 'check', reason: 'mã bị mờ, kiểm tra giấy tờ' });
    expect(core.store.get(passageId)?.syncState).toBe('pending');
    await vi.waitFor(async () => expect(core.store.get(passageId)?.syncState).toBe('synced'));
    expect((await stored()).find((row) => row.id === passageId)).toMatchObject({ revision: 1, overrideVerdict: 'check', verdict: 'invalid' });
  });
});
