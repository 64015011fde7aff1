import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStationClient } from '../../shared/contract/client';
import { createInMemoryTransport } from '../../shared/contract/in-memory-transport';
import { bootStation } from '../../electron/core/boot';
import { parseHostArguments } from '../../electron/core/host-options';
import { nodePlatform } from '../../electron/core/node-platform';
import type { StationPlatform } from '../../electron/core/platform';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function platform(overrides: Partial<StationPlatform> = {}): StationPlatform {
  return { ...nodePlatform('browser'), environmentKey: undefined, defaultConfigFile: join(tempDir(), 'per-user', 'config.json'), ...overrides };
}

describe('one boot for every host', () => {
  it('saves settings to the per-user config, creating it on the first save, when no config file was named', async () => {
    const host = platform();
    const booted = await bootStation(host, { dataDir: tempDir(), demoOfficer: true });
    try {
      const client = createStationClient(createInMemoryTransport(booted.station.router, booted.station.events), () => undefined);
      const view = await client.invoke('getSettings', undefined);
      if (!view.ok) throw new Error(view.error.message);
      expect(view.value.configPath).toBe(host.defaultConfigFile);
      expect(existsSync(host.defaultConfigFile)).toBe(false);
      const saved = await client.invoke('saveSettings', { ...view.value.settings, checkpoint: { ...view.value.settings.checkpoint, name: 'Chốt Pháp Vân' } });
      expect(saved.ok).toBe(true);
      expect(JSON.parse(readFileSync(host.defaultConfigFile, 'utf8'))).toMatchObject({ checkpoint: { name: 'Chốt Pháp Vân' } });
    } finally {
      await booted.close();
    }
  });

  it('an installed app ignores the developer flags: no demo officer, no other central API', async () => {
    const request = parseHostArguments(['--data', tempDir(), '--api', 'http://127.0.0.1:9/', '--demo-officer', '--no-sandbox']);
    expect(request).toMatchObject({ apiUrl: 'http://127.0.0.1:9/', demoOfficer: true });
    const installed = await bootStation(platform({ developer: false }), request);
    try {
      expect(installed.config.api.url).toBeNull();
      expect(installed.station.status()).toMatchObject({ officer: null, setupRequired: true, connectivity: { state: 'unconfigured' } });
    } finally {
      await installed.close();
    }
    const developer = await bootStation(platform(), { ...request, dataDir: tempDir() });
    try {
      expect(developer.config.api.url).toBe('http://127.0.0.1:9/');
      expect(developer.station.status().officer).toMatchObject({ officerId: 'demo' });
    } finally {
      await developer.close();
    }
  });

  it('a run that needs the central API is refused before the database is touched when the station is not enrolled', async () => {
    const dataDir = tempDir();
    const refusal = new Error('not enrolled');
    await expect(bootStation(platform(), { dataDir, apiUrl: 'http://127.0.0.1:9/', whenNotEnrolled: () => refusal })).rejects.toBe(refusal);
    expect(existsSync(join(dataDir, 'station.db'))).toBe(false);
    expect(existsSync(join(dataDir, 'station.key'))).toBe(false);
  });
});
