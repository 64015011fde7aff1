import { z } from 'zod';
import { laneRunStateSchema } from './lanes';
import { officerSessionSchema } from '../records/officer';

export const directionSchema = z.enum(['entry', 'exit', 'both']);
export type Direction = z.infer<typeof directionSchema>;

export const laneStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  state: laneRunStateSchema,
  /** Frames per second read from the source, and decoded (lower under load: the newest frame wins). */
  fpsIn: z.number().nonnegative(),
  fpsDecoded: z.number().nonnegative(),
  /** Frames skipped because a newer one came before the decoder was free. */
  drops: z.number().int().nonnegative(),
  /** ISO time of the last decoded code. */
  lastCodeAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Times the watchdog restarted the source since the station started. */
  restarts: z.number().int().nonnegative(),
});
export type LaneStatus = z.infer<typeof laneStatusSchema>;

export const connectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'unconfigured']),
  apiUrl: z.string().nullable(),
  /** ISO time of the last probe, null before the first one. */
  checkedAt: z.string().nullable(),
  /** Short technical reason of the last failure, e.g. `ECONNREFUSED` or `HTTP 503`. */
  lastError: z.string().nullable(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

/** Something the officer must see and act on, about the records themselves. */
export const storageAlertSchema = z.discriminatedUnion('code', [
  /** The database was damaged at start-up: moved aside (kept, not overwritten), a new one started. */
  z.object({ code: z.literal('database-moved-aside'), movedTo: z.string(), reason: z.string() }),
  /** Records older than the retention period that the central API has not accepted yet. */
  z.object({ code: z.literal('unsynced-past-retention'), count: z.number().int().positive() }),
]);
export type StorageAlert = z.infer<typeof storageAlertSchema>;

export const storageStatusSchema = z.object({
  /** `failing` while the last write did not reach the disk (disk full, I/O error). */
  state: z.enum(['ok', 'failing']),
  lastError: z.string().nullable(),
  unsyncedCount: z.number().int().nonnegative(),
  alerts: z.array(storageAlertSchema),
});
export type StorageStatus = z.infer<typeof storageStatusSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(['not-enrolled', 'idle', 'syncing', 'waiting', 'unauthorized']),
  /** Records waiting in the outbox. */
  pending: z.number().int().nonnegative(),
  /** Records the central API refused: kept, shown, never blocking the rest. */
  deadLetters: z.number().int().nonnegative(),
  /** VNeID codes scanned offline that the central API later found not genuine or denied. */
  retroAlerts: z.number().int().nonnegative(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  clockOffsetMs: z.number().nullable(),
  /** The station's clock is more than 5 minutes off the server's. */
  clockWarning: z.boolean(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export const referenceStatusSchema = z.object({
  rulesVersion: z.string(),
  denyListVersion: z.number().int().nullable(),
  /** When the central API last confirmed the data; null = only what shipped with the app. */
  fetchedAt: z.string().nullable(),
  stale: z.boolean(),
});

export const stationStatusSchema = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'browser', 'headless']),
  startedAt: z.string(),
  checkpoint: z.object({ id: z.string(), name: z.string(), direction: directionSchema }),
  lanes: z.array(laneStatusSchema),
  database: z.object({ path: z.string(), schemaVersion: z.number().int() }),
  storage: storageStatusSchema,
  sync: syncStatusSchema,
  reference: referenceStatusSchema,
  connectivity: connectivitySchema,
  /** The officer on shift; null until someone signs in. */
  officer: officerSessionSchema.nullable(),
});
export type StationStatus = z.infer<typeof stationStatusSchema>;
