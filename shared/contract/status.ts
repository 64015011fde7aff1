import { z } from 'zod';

export const directionSchema = z.enum(['entry', 'exit', 'both']);
export type Direction = z.infer<typeof directionSchema>;

export const laneStatusSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
});

export const connectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'unconfigured']),
  apiUrl: z.string().nullable(),
  /** ISO time of the last probe, null before the first one. */
  checkedAt: z.string().nullable(),
  /** Short technical reason of the last failure, e.g. `ECONNREFUSED` or `HTTP 503`. */
  lastError: z.string().nullable(),
});
export type Connectivity = z.infer<typeof connectivitySchema>;

export const stationStatusSchema = z.object({
  appVersion: z.string(),
  host: z.enum(['electron', 'browser', 'headless']),
  startedAt: z.string(),
  checkpoint: z.object({ id: z.string(), name: z.string(), direction: directionSchema }),
  lanes: z.array(laneStatusSchema),
  database: z.object({ path: z.string(), schemaVersion: z.number().int() }),
  connectivity: connectivitySchema,
});
export type StationStatus = z.infer<typeof stationStatusSchema>;
