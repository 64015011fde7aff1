import { resolve } from 'node:path';
import type { StationConfig } from '../../shared/config/station-config';
import { createEnrolmentStore } from './central/enrolment';
import { loadConfig } from './config/load-config';
import { loadDatabaseKey } from './db/database-key';
import type { LaneRuntimeOptions } from './lanes/lane-manager';
import { closeLogFile, createLogger, openLogFile, type Logger } from './logging/logger';
import type { StationPlatform } from './platform';
import { createStation, type Station } from './station';

/** What a host was asked for on its command line. */
export interface BootRequest {
  configFile?: string | undefined;
  dataDir?: string | undefined;
  /** Developer flag: another central API than the config's. Ignored unless the platform is a developer's. */
  apiUrl?: string | undefined;
  /** Developer flag: the demo officer signed in at start, without a PIN. Ignored unless the platform is a developer's. */
  demoOfficer?: boolean | undefined;
  /** What a command changes in the config for its own run only (`station run`'s sources and dedupe window). */
  adjustConfig?: (config: StationConfig) => StationConfig;
  /** Lane decoder choice for this run (`station run --engine`). */
  engine?: LaneRuntimeOptions['engine'];
  /** For a run that needs the central API (`station sync`): the error thrown, before the database is touched, when the station is not enrolled with it. */
  whenNotEnrolled?: () => Error;
}

export interface BootedStation {
  station: Station;
  config: StationConfig;
  dataDir: string;
  logger: Logger;
  /** Closes the station (lanes, sync, database) and then flushes and closes the log. */
  close(): Promise<void>;
}

/**
 * The one way a station is assembled, for every host: config, database key, log, enrolment and
 * core, from the platform's driver, sealer, decoder and ffmpeg. Lanes are not started: the host
 * starts them once it is ready to show what they see.
 */
export async function bootStation(platform: StationPlatform, request: BootRequest): Promise<BootedStation> {
  const loaded = await loadConfig({ configFile: request.configFile, dataDir: request.dataDir });
  const { dataDir } = loaded;
  const apiUrl = platform.developer ? request.apiUrl : undefined;
  const configured = apiUrl === undefined ? loaded.config : { ...loaded.config, api: { ...loaded.config.api, url: apiUrl } };
  const config = request.adjustConfig?.(configured) ?? configured;
  const enrolment = config.api.url === null ? null : await createEnrolmentStore(dataDir, platform.keySealer).load(config.api.url);
  if (enrolment === null && request.whenNotEnrolled) throw request.whenNotEnrolled();
  const databaseKey = await loadDatabaseKey({ dataDir, environmentKey: platform.environmentKey, sealer: platform.keySealer });
  const logFile = await openLogFile(dataDir);
  const logger = createLogger(logFile);
  let station: Station;
  try {
    station = createStation({
      config,
      // Settings are saved to the config file read, else to the one named or the per-user one, created on the first save.
      configPath: loaded.configFile ?? resolve(request.configFile ?? platform.defaultConfigFile),
      dataDir,
      host: platform.host,
      logger,
      databaseKey,
      databaseDriver: platform.databaseDriver,
      enrolment,
      keySealer: platform.keySealer,
      lanes: { startDecoder: platform.startDecoder, ffmpegPath: platform.ffmpegPath, engine: request.engine },
    });
  } catch (error) {
    await closeLogFile(logFile);
    throw error;
  }
  if (platform.developer && request.demoOfficer === true) station.officers.startDemoShift();
  return {
    station,
    config,
    dataDir,
    logger,
    async close() {
      await station.close();
      await closeLogFile(logFile);
    },
  };
}
