import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeIssues } from '../../../shared/contract/result';
import { stationConfigSchema, type StationConfig } from '../../../shared/config/station-config';
import { defaultConfigFile, defaultDataDir } from './data-dir';

/** A configuration the station cannot run with; the message names the file and the bad field. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ResolvedConfig {
  config: StationConfig;
  /** The file it came from, or null when the defaults were used. */
  configFile: string | null;
  dataDir: string;
}

export interface ConfigLocation {
  /** `--config FILE`; when absent, the per-user default file is used if it exists. */
  configFile?: string;
  /** `--data DIR`; wins over the file's `dataDir`. */
  dataDir?: string;
}

/** The per-user defaults; tests point them at a temporary folder. */
export interface ConfigDefaults {
  configFile: string;
  dataDir: string;
}

const userDefaults: ConfigDefaults = { configFile: defaultConfigFile, dataDir: defaultDataDir };

export async function loadConfig(location: ConfigLocation, defaults: ConfigDefaults = userDefaults): Promise<ResolvedConfig> {
  const explicit = location.configFile !== undefined;
  const configFile = resolve(location.configFile ?? defaults.configFile);
  let text: string | null;
  try {
    text = await readFile(configFile, 'utf8');
  } catch (error) {
    if (!explicit && (error as NodeJS.ErrnoException).code === 'ENOENT') text = null;
    else throw new ConfigError(`cannot read config file ${configFile}: ${(error as Error).message}`);
  }
  const config = text === null ? stationConfigSchema.parse({}) : parseConfigText(text, configFile);
  return {
    config,
    configFile: text === null ? null : configFile,
    dataDir: resolve(location.dataDir ?? config.dataDir ?? defaults.dataDir),
  };
}

export function parseConfigText(text: string, configFile: string): StationConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(`config file ${configFile} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = stationConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`config file ${configFile} has invalid fields: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}
