import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OpenFile } from '../../../electron/core/config/atomic-write';
import { createEnrolmentStore } from '../../../electron/core/central/enrolment';
import { createSettingsService } from '../../../electron/core/config/settings-service';
import { openDatabase } from '../../../electron/core/db/open-database';
import { appendAudit, listAudit } from '../../../electron/core/store/audit-log';
import { stationConfigSchema } from '../../../shared/config/station-config';
import type { StationSettings } from '../../../shared/config/station-settings';
import { CommandError } from '../../../shared/contract/router';
import { testKey } from '../../helpers/fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

/** What the administrator wrote: more than the settings screen shows. */
const adminFile = {
  checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' },
  lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'webcam:default' }],
  api: { url: null, caFile: '/etc/station/ca.pem' },
  privacy: { keepRawPayload: true },
  retention: { days: 21 },
};

function setUp(options: { configPath?: 'none' | 'not-yet-written'; openFile?: OpenFile } = {}) {
  const folder = tempDir();
  const configPath = join(folder, options.configPath === 'not-yet-written' ? 'profile/checkpoint-station/config.json' : 'config.json');
  if (options.configPath !== 'not-yet-written') writeFileSync(configPath, JSON.stringify(adminFile, null, 2));
  const config = stationConfigSchema.parse(adminFile);
  const { db } = openDatabase(join(folder, 'data', 'station.db'), { driver: nodeDatabaseDriver, key: testKey });
  const applyLive = vi.fn();
  const service = createSettingsService({
    audit: (record) => appendAudit(db, record),
    config,
    configPath: options.configPath === 'none' ? null : configPath,
    enrolments: createEnrolmentStore(join(folder, 'data')),
    enrolment: null,
    pinnedCaPem: null,
    applyLive,
    actor: () => 'officer:CB-0042',
    openFile: options.openFile,
  });
  const fileNow = () => JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  return { db, service, configPath, applyLive, fileNow, settings: service.view().settings };
}

async function refusal(promise: Promise<unknown>): Promise<CommandError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof CommandError)) throw new Error(`expected a CommandError, got ${String(error)}`);
  return error;
}

describe('settings', () => {
  it('shows what the station runs with', () => {
    const { service, configPath } = setUp();
    expect(service.view()).toEqual({
      settings: { checkpoint: adminFile.checkpoint, lanes: adminFile.lanes, apiUrl: null, dedupeWindowMs: 5000, retentionDays: 21 },
      configPath,
      enrolment: null,
      restartRequired: false,
    });
  });

  it('saves only the settings’ fields, keeps the rest of the file, applies live what is cheap and audits the changed field names', async () => {
    const { db, service, settings, fileNow, applyLive } = setUp();
    const next: StationSettings = { ...settings, checkpoint: { ...settings.checkpoint, name: 'Chốt Pháp Vân – cổng 2' }, dedupeWindowMs: 8000, retentionDays: 30 };
    const view = await service.save(next);
    expect(view).toMatchObject({ settings: next, restartRequired: false });
    expect(fileNow()).toEqual({
      ...adminFile,
      checkpoint: next.checkpoint,
      dedupeWindowMs: 8000,
      retention: { days: 30 },
    });
    expect(applyLive).toHaveBeenCalledWith(next);
    expect(listAudit(db, { limit: 1 })).toMatchObject([{ action: 'settings.change', actor: 'officer:CB-0042', details: { changed: ['checkpoint', 'dedupeWindowMs', 'retentionDays'] } }]);
    expect(JSON.stringify(listAudit(db, { limit: 1 }))).not.toContain('cổng 2');
  });

  it('the first save of a desktop app creates its per-user config file (and folder), valid as a whole', async () => {
    const { service, settings, fileNow } = setUp({ configPath: 'not-yet-written' });
    await service.save({ ...settings, retentionDays: 30 });
    expect(fileNow()).toMatchObject({ checkpoint: adminFile.checkpoint, retention: { days: 30 }, api: { url: null } });
    expect(stationConfigSchema.safeParse(fileNow()).success).toBe(true);
  });

  it('says a restart is needed for new lanes, API URL or checkpoint id, and remembers it', async () => {
    const { service, settings, fileNow } = setUp();
    const lanes = [...settings.lanes, { id: 'lane-2', name: 'Làn xe tải', source: 'rtsp://127.0.0.1:8554/truck' }];
    expect((await service.save({ ...settings, lanes })).restartRequired).toBe(true);
    expect((fileNow().lanes as unknown[]).length).toBe(2);
    // Saving the running lanes again undoes the pending change.
    expect((await service.save(settings)).restartRequired).toBe(false);
    expect((await service.save({ ...settings, apiUrl: 'http://127.0.0.1:8080' })).restartRequired).toBe(true);
    expect(fileNow().api).toEqual({ url: 'http://127.0.0.1:8080', caFile: '/etc/station/ca.pem' });
    expect((await service.save({ ...settings, checkpoint: { ...settings.checkpoint, id: 'CP-HN-08' } })).restartRequired).toBe(true);
    expect(service.view().restartRequired).toBe(true);
  });

  it('refuses settings that make an invalid configuration or an API the station would refuse, and leaves the file as it was', async () => {
    const { service, settings, configPath } = setUp();
    const before = readFileSync(configPath, 'utf8');
    const duplicateLanes = [settings.lanes[0]!, settings.lanes[0]!];
    expect(await refusal(service.save({ ...settings, lanes: duplicateLanes }))).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/lane ids must be unique/) });
    expect(await refusal(service.save({ ...settings, apiUrl: 'http://central.example.vn' }))).toMatchObject({ code: 'invalid_input' });
    expect(readFileSync(configPath, 'utf8')).toBe(before);
  });

  it('on a full disk: unavailable, the old file intact, no temporary file left, nothing applied', async () => {
    const fullDisk: OpenFile = async (path, flags, mode) => {
      const handle = await open(path, flags, mode);
      handle.writeFile = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      return handle;
    };
    const { service, settings, configPath, applyLive, db } = setUp({ openFile: fullDisk });
    const before = readFileSync(configPath, 'utf8');
    expect(await refusal(service.save({ ...settings, retentionDays: 40 }))).toMatchObject({ code: 'unavailable', reason: 'settings.write-failed', message: expect.stringContaining('ENOSPC') });
    expect(readFileSync(configPath, 'utf8')).toBe(before);
    expect(readdirSync(dirname(configPath)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(applyLive).not.toHaveBeenCalled();
    expect(service.view().settings.retentionDays).toBe(21);
    expect(listAudit(db, { limit: 5, action: 'settings.change' })).toEqual([]);
  });

  it('without a config file: saving and enrolling are refused as unavailable, saying why (not that the server is unreachable)', async () => {
    const { service, settings } = setUp({ configPath: 'none' });
    expect(service.view().configPath).toBeNull();
    expect(await refusal(service.save(settings))).toMatchObject({ code: 'unavailable', reason: 'settings.no-config-file', message: expect.stringContaining('--config') });
    expect(await refusal(service.enrol({ apiUrl: 'http://127.0.0.1:9', secret: 'secret-secret' }))).toMatchObject({ code: 'unavailable', reason: 'settings.no-config-file' });
  });

  it('an enrolment the server cannot be reached for says so, with its own reason', async () => {
    const { service } = setUp();
    // Port 9 (discard) on this machine: nothing listens there.
    expect(await refusal(service.enrol({ apiUrl: 'http://127.0.0.1:9', secret: 'secret-secret' }))).toMatchObject({ code: 'unavailable', reason: 'enrol.unreachable' });
  });
});
