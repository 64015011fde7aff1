import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../electron/core/config/load-config';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function writeConfig(content: string): string {
  const file = join(tempDir(), 'config.json');
  writeFileSync(file, content);
  return file;
}

describe('station config', () => {
  it('runs out of the box with defaults when the per-user file does not exist', async () => {
    const defaults = { configFile: join(tempDir(), 'config.json'), dataDir: tempDir() };
    const { config, configFile, dataDir } = await loadConfig({}, defaults);
    expect(configFile).toBeNull();
    expect(dataDir).toBe(defaults.dataDir);
    expect(config.lanes).toHaveLength(1);
    expect(config.retention.days).toBe(21);
    expect(config.checkpoint.direction).toBe('both');
  });

  it('fills missing sections with defaults and keeps given ones', async () => {
    const file = writeConfig(JSON.stringify({ checkpoint: { id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' } }));
    const { config, configFile } = await loadConfig({ configFile: file, dataDir: tempDir() });
    expect(configFile).toBe(file);
    expect(config.checkpoint).toEqual({ id: 'CP-HN-07', name: 'Chốt Pháp Vân', direction: 'entry' });
    expect(config.api.url).toBeNull();
  });

  it('names the bad field in its error', async () => {
    const file = writeConfig(
      JSON.stringify({ lanes: [{ id: 'lane-1', name: 'Làn 1', source: 'webcam:default' }, { id: 'lane-2', name: 'Làn 2', source: 'ftp://x' }] }),
    );
    await expect(loadConfig({ configFile: file })).rejects.toThrow(/lanes\.1\.source/);
  });

  it('rejects unknown fields, so a typo is not silently ignored', async () => {
    const file = writeConfig(JSON.stringify({ retention: { dayz: 10 } }));
    await expect(loadConfig({ configFile: file })).rejects.toThrow(/retention.*dayz/);
  });

  it('rejects duplicate lane ids and a non-http API URL', async () => {
    const lanes = [
      { id: 'a', name: 'A', source: 'webcam:default' },
      { id: 'a', name: 'B', source: 'webcam:default' },
    ];
    await expect(loadConfig({ configFile: writeConfig(JSON.stringify({ lanes })) })).rejects.toThrow(/lane ids must be unique/);
    await expect(loadConfig({ configFile: writeConfig(JSON.stringify({ api: { url: 'file:///etc/passwd' } })) })).rejects.toThrow(/api\.url/);
  });

  it('reports a corrupt file as invalid JSON, naming the file', async () => {
    const file = writeConfig('{"checkpoint": ');
    const error = await loadConfig({ configFile: file }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('not valid JSON');
  });

  it('fails clearly when an explicitly named file is missing', async () => {
    await expect(loadConfig({ configFile: join(tempDir(), 'missing.json') })).rejects.toThrow(/cannot read config file/);
  });

  it('reads the per-user default file when no --config is given', async () => {
    const defaults = { configFile: writeConfig(JSON.stringify({ retention: { days: 7 } })), dataDir: tempDir() };
    const resolved = await loadConfig({}, defaults);
    expect(resolved.configFile).toBe(defaults.configFile);
    expect(resolved.config.retention.days).toBe(7);
  });

  it('takes the data folder from --data over the file, and from the file over the default', async () => {
    const fromFile = tempDir();
    const file = writeConfig(JSON.stringify({ dataDir: fromFile }));
    expect((await loadConfig({ configFile: file })).dataDir).toBe(fromFile);
    const fromFlag = tempDir();
    expect((await loadConfig({ configFile: file, dataDir: fromFlag })).dataDir).toBe(fromFlag);
  });

  it('accepts a file saved with a BOM by Windows Notepad', async () => {
    const file = writeConfig('\uFEFF{"retention":{"days":30}}');
    expect((await loadConfig({ configFile: file })).config.retention.days).toBe(30);
  });
});
