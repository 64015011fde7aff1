import { z } from 'zod';
import { lanePhaseSchema, laneRunStateSchema } from './lanes';
import { officerSessionSchema } from '../records/officer';

export const directionSchema = z.enum(['entry', 'exit', 'both']);
export type Direction = z.infer<typeof directionSchema>;

export const laneStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The source URI, without the credentials a camera URL may carry. */
  source: z.string(),
  state: laneRunStateSchema,
  /** A camera lane's opening phase while it runs or reconnects; null for other lanes and when idle. */
  phase: lanePhaseSchema.nullable(),
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

/**
 * How a damaged database was found: its check after an unclean shutdown (or a file changed since
 * its clean close) failed, it could not be read at open, it was empty (0 bytes), or a statement
 * failed on a damaged page while the station ran.
 */
export const databaseDamageCauseSchema = z.enum(['failed-check', 'unreadable', 'empty', 'runtime']);
export type DatabaseDamageCause = z.infer<typeof databaseDamageCauseSchema>;

/** What was read back from a damaged database into the new one. */
export const databaseSalvageSchema = z.object({
  /** Passages the central API did not have yet, with their outbox entries: they will be synced. */
  passages: z.number().int().nonnegative(),
  officers: z.number().int().nonnegative(),
  referenceData: z.number().int().nonnegative(),
  auditEntries: z.number().int().nonnegative(),
  /** Runs of rows that could not be read (damaged pages); 0 when everything was read. */
  unreadableRanges: z.number().int().nonnegative(),
  /** Rows read but refused because they were not valid records. */
  invalidRows: z.number().int().nonnegative(),
});
export type DatabaseSalvage = z.infer<typeof databaseSalvageSchema>;

/** Something the officer must see and act on, about the records themselves. */
export const storageAlertSchema = z.discriminatedUnion('code', [
  /** The database was damaged: moved aside (kept, not overwritten), a new one started with what could be read. */
  z.object({
    code: z.literal('database-moved-aside'),
    movedTo: z.string(),
    cause: databaseDamageCauseSchema,
    reason: z.string(),
    salvage: databaseSalvageSchema,
  }),
  /**
   * Passages acknowledged up to `expectedSequence` (the mark kept outside the database), but the
   * database holds them only up to `foundSequence`: lost with a damaged WAL or a vanished file.
   */
  z.object({
    code: z.literal('acknowledged-passages-lost'),
    expectedSequence: z.number().int().positive(),
    foundSequence: z.number().int().nonnegative(),
    /** A copy of the WAL as found, for technical support; null when there was none. */
    walCopy: z.string().nullable(),
  }),
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
  /** Open alerts: passages decided offline that the central API, checking them at sync, judged worse (not genuine, not confirmed, denied, quarantine). */
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
  dccRulesVersion: z.string(),
  denyListVersion: z.number().int().nullable(),
  /** When the central API last confirmed the data; null = only what shipped with the app. */
  fetchedAt: z.string().nullable(),
  stale: z.boolean(),
  /** The vaccine-passport signers (electron/core/dcc/trust-list-cache.ts): how many, and how old. */
  dccTrustList: z.object({
    version: z.string().nullable(),
    signers: z.number().int().nonnegative(),
    fetchedAt: z.string().nullable(),
    stale: z.boolean(),
    damaged: z.boolean(),
  }),
});

/** What the central API made of the online checks: a refusal stays shown until a check is answered again. */
export const verificationStatusSchema = z.object({
  lastRefusal: z.object({ at: z.string(), status: z.number().int().nullable(), code: z.string() }).nullable(),
});
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

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
  verification: verificationStatusSchema,
  /** The officer on shift; null until someone signs in. */
  officer: officerSessionSchema.nullable(),
  /** No officer exists yet (a fresh install): the screen opens on creating the first supervisor. */
  setupRequired: z.boolean(),
});
export type StationStatus = z.infer<typeof stationStatusSchema>;
