import { Option, type Command } from 'commander';
import { loadConfig, type ResolvedConfig } from '../config/load-config';
import { loadDatabaseKey, type DatabaseKey } from '../db/database-key';
import { hostOptions, type HostOptionName } from '../host-options';

export interface CommonOptions {
  data?: string;
  config?: string;
  api?: string;
}

/** One of the options every host takes (electron/core/host-options.ts), as a commander option. */
export function hostOption(name: HostOptionName): Option {
  const { value, description } = hostOptions[name];
  return new Option(value === null ? `--${name}` : `--${name} ${value}`, description);
}

/** Every command takes these, so several stations can run side by side on one machine. */
export function withCommonOptions(command: Command): Command {
  return command.addOption(hostOption('data')).addOption(hostOption('config'));
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
