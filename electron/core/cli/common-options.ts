import { Option, type Command } from 'commander';
import { loadConfig, type ResolvedConfig } from '../config/load-config';
import { createEnrolmentStore, type Enrolment } from '../central/enrolment';
import { loadDatabaseKey, type DatabaseKey } from '../db/database-key';
import type { StationConfig } from '../../../shared/config/station-config';

export interface CommonOptions {
  data?: string;
  config?: string;
  api?: string;
}

/** Every command takes these, so several stations can run side by side on one machine. */
export function withCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--data <dir>', 'data folder: database, keys, logs (default: the per-user app-data folder)'))
    .addOption(new Option('--config <file>', 'configuration file (default: the per-user config.json, if any)'));
}

export async function resolveCommonOptions(options: CommonOptions): Promise<ResolvedConfig> {
  const resolved = await loadConfig({ configFile: options.config, dataDir: options.data });
  if (options.api !== undefined) {
    resolved.config = { ...resolved.config, api: { ...resolved.config.api, url: options.api } };
  }
  return resolved;
}

/** Headless and browser mode keep the database key in an owner-only file, or take `STATION_DB_KEY`. */
export function loadHeadlessDatabaseKey(dataDir: string): Promise<DatabaseKey> {
  return loadDatabaseKey({ dataDir, environmentKey: process.env.STATION_DB_KEY });
}

/** The enrolment for the configured central API, if the station has one. */
export function loadStationEnrolment(dataDir: string, config: StationConfig): Promise<Enrolment | null> {
  return config.api.url === null ? Promise.resolve(null) : createEnrolmentStore(dataDir).load(config.api.url);
}
