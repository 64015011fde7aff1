import type { StationStatus } from '../../shared/contract/status';
import type { DecodeOptions, DecoderEngine, EngineName } from '../../shared/decoding/types';
import type { KeySealer } from './db/database-key';
import type { DatabaseDriver } from './db/open-database';

/**
 * What differs between the hosts the station runs in (the Electron shell; the CLI and browser mode
 * under Node): everything else is assembled the same way by `bootStation`.
 */
export interface StationPlatform {
  host: StationStatus['host'];
  /** The SQLite build this runtime can load: the N-API one in Electron, the Node one elsewhere. */
  databaseDriver: DatabaseDriver;
  /** How the database key and the enrolment token are kept: the OS keychain in the desktop app. */
  keySealer: KeySealer;
  /** A database key given by the environment (`STATION_DB_KEY`), for headless machines; undefined in the app. */
  environmentKey: string | undefined;
  /** Starts a camera lane's decoder with the lane's options; undefined = the worker built from source (Node). */
  startDecoder: ((engine: EngineName, options: DecodeOptions) => Promise<DecoderEngine>) | undefined;
  /** The ffmpeg the camera lanes run. */
  ffmpegPath: string;
  /** The per-user config file settings are saved to when no other was named (created on the first save). */
  defaultConfigFile: string;
  /** Developer flags (`--demo-officer`, `--api`) are honoured: never in an installed app. */
  developer: boolean;
}
