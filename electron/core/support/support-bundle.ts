import { readdir, readFile, writeFile } from 'node:fs/promises';
import { arch, platform, release, type } from 'node:os';
import { join } from 'node:path';
import type { StationConfig } from '../../../shared/config/station-config';
import { redactString, redactValue, REDACTED } from '../../../shared/privacy/redact';
import { appVersion } from '../app-info';
import type { DatabaseFiles, DatabaseStatistics } from './database-statistics';
import { createTarGz, type ArchiveEntry } from './tar-gz';

export interface SupportBundleInput {
  dataDir: string;
  config: StationConfig;
  configFile: string | null;
  database: { files: DatabaseFiles; statistics: DatabaseStatistics | { unavailable: string } };
  now: Date;
}

/**
 * What a technician needs to diagnose a station without seeing a citizen: logs passed again through
 * the redactor, the configuration without secrets, versions, and database statistics (no rows).
 */
export async function buildSupportBundle(input: SupportBundleInput): Promise<ArchiveEntry[]> {
  const logs = await readLogs(join(input.dataDir, 'logs'));
  const summary = {
    createdAt: input.now.toISOString(),
    versions: collectVersions(),
    configFile: input.configFile,
    database: input.database,
    logFiles: logs.map((log) => log.name),
  };
  return [
    { name: 'support/summary.json', content: json(summary) },
    { name: 'support/config.json', content: json(configWithoutSecrets(input.config)) },
    ...logs,
  ];
}

export async function writeSupportBundle(outFile: string, input: SupportBundleInput): Promise<void> {
  await writeFile(outFile, createTarGz(await buildSupportBundle(input), input.now), { mode: 0o600 });
}

export function collectVersions() {
  return {
    app: appVersion,
    electron: process.versions.electron ?? null,
    node: process.versions.node,
    os: `${type()} ${release()}`,
    platform: platform(),
    arch: arch(),
  };
}

/**
 * Every line again through the redactor: the logger already redacts, but a log written by an
 * older version, or a line that bypassed it, must not carry personal data out of the laptop.
 */
export function redactLogText(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      try {
        return JSON.stringify(redactValue(JSON.parse(line)));
      } catch {
        return redactString(line);
      }
    })
    .join('\n');
}

/** The API URL without credentials or query (a token may ride there); everything else through the redactor. */
export function configWithoutSecrets(config: StationConfig): unknown {
  const url = config.api.url === null ? null : new URL(config.api.url);
  if (url !== null) {
    if (url.username !== '' || url.password !== '') [url.username, url.password] = [REDACTED, ''];
    url.search = '';
    url.hash = '';
  }
  return redactValue({ ...config, api: { ...config.api, url: url?.toString() ?? null } });
}

async function readLogs(logsDir: string): Promise<ArchiveEntry[]> {
  const names = await readdir(logsDir).catch(() => [] as string[]);
  const logNames = names.filter((name) => name.endsWith('.log')).sort();
  return Promise.all(logNames.map(async (name) => ({ name: `support/logs/${name}`, content: redactLogText(await readFile(join(logsDir, name), 'utf8')) })));
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
