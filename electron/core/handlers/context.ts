import type { ClassifiedCode, Locale } from '../../../shared/codes';
import type { Direction, StationStatus } from '../../../shared/contract/status';
import type { ScanResult } from '../../../shared/records/scan-result';
import type { StationConfig } from '../../../shared/config/station-config';
import type { SettingsService } from '../config/settings-service';
import type { LaneManager } from '../lanes/lane-manager';
import type { ScanInput } from '../pipeline/process-scan';
import type { StationRecords } from '../station-records';

/** What the features' handlers work with: the running core, never the composition root's internals. */
export interface CoreContext {
  /** The records in use now (replaced as a whole when the database is found damaged). */
  records(): StationRecords;
  lanes: LaneManager;
  processScan(input: ScanInput): Promise<ScanResult>;
  /** classifyCode as the station runs it: with its vaccine-passport reader. */
  classify(raw: string, locale?: Locale): ClassifiedCode;
  settings: SettingsService;
  status(): StationStatus;
  publishStatus(): void;
  checkpoint(): { id: string; name: string; direction: Direction };
  dataDir: string;
  /** The configuration the station started with, and the file it came from (null: none). */
  config: StationConfig;
  configPath: string | null;
  /** `officer:<id>` of whoever is signed in, or `station`. */
  actor(): string;
}
