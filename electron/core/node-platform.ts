import NodeDriver from 'better-sqlite3-multiple-ciphers';
import type { StationStatus } from '../../shared/contract/status';
import { defaultConfigFile } from './config/data-dir';
import { ownerOnlyFile } from './db/database-key';
import type { DatabaseDriver } from './db/open-database';
import type { StationPlatform } from './platform';

/** The SQLite build compiled for this Node: the CLI's, browser mode's and the tests'. Never in the desktop package. */
export const nodeDatabaseDriver: DatabaseDriver = NodeDriver;

/** The station under plain Node: the key in an owner-only file (or STATION_DB_KEY), ffmpeg from the PATH. */
export function nodePlatform(host: Exclude<StationStatus['host'], 'electron'>): StationPlatform {
  return {
    host,
    databaseDriver: nodeDatabaseDriver,
    keySealer: ownerOnlyFile,
    environmentKey: process.env.STATION_DB_KEY,
    startDecoder: undefined,
    ffmpegPath: 'ffmpeg',
    defaultConfigFile,
    developer: true,
  };
}
