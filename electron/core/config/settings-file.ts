import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeIssues } from '../../../shared/contract/result';
import { stationConfigSchema, type StationConfig } from '../../../shared/config/station-config';
import type { StationSettings } from '../../../shared/config/station-settings';
import { writeFileAtomically, type OpenFile } from './atomic-write';

/** The officer's settings as they stand in a configuration. */
export function settingsOf(config: StationConfig): StationSettings {
  return {
    checkpoint: config.checkpoint,
    lanes: config.lanes,
    apiUrl: config.api.url,
    dedupeWindowMs: config.dedupeWindowMs,
    retentionDays: config.retention.days,
  };
}

/** The settings fields whose values differ. */
export function changedSettings(before: StationSettings, after: StationSettings): (keyof StationSettings)[] {
  return (Object.keys(after) as (keyof StationSettings)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** The saved file would not be a valid configuration (the message names the field). */
export class SettingsRejectedError extends Error {
  override name = 'SettingsRejectedError';
}

/**
 * The configuration file as a plain object. A file that does not exist yet (the desktop app's
 * per-user config before the first save) is an empty configuration, and its folder is created.
 */
async function readConfigObject(configPath: string): Promise<Record<string, unknown>> {
  try {
    return JSON.parse((await readFile(configPath, 'utf8')).replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(configPath), { recursive: true });
    return {};
  }
}

/**
 * Writes the settings into the configuration file, keeping every other field the administrator
 * wrote (paths, privacy, sections this version does not know). The whole result is validated
 * before anything is written, and written atomically. Returns the new configuration and the fields
 * that changed in the file.
 */
export async function saveSettingsToFile(
  configPath: string,
  settings: StationSettings,
  open?: OpenFile,
): Promise<{ config: StationConfig; changed: (keyof StationSettings)[] }> {
  const raw = await readConfigObject(configPath);
  const before = stationConfigSchema.safeParse(raw);
  const section = (name: string) => (typeof raw[name] === 'object' && raw[name] !== null ? (raw[name] as Record<string, unknown>) : {});
  const next = {
    ...raw,
    checkpoint: settings.checkpoint,
    lanes: settings.lanes,
    api: { ...section('api'), url: settings.apiUrl },
    dedupeWindowMs: settings.dedupeWindowMs,
    retention: { ...section('retention'), days: settings.retentionDays },
  };
  const parsed = stationConfigSchema.safeParse(next);
  if (!parsed.success) throw new SettingsRejectedError(`the settings would make an invalid configuration: ${describeIssues(parsed.error)}`);
  await writeFileAtomically(configPath, `${JSON.stringify(next, null, 2)}\n`, open);
  const changed = before.success ? changedSettings(settingsOf(before.data), settings) : (Object.keys(settings) as (keyof StationSettings)[]);
  return { config: parsed.data, changed };
}
