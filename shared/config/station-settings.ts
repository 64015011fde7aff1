import { z } from 'zod';
import { stationConfigSchema } from './station-config';

/**
 * What the officer's settings screen may change: the checkpoint, its lanes, the API URL, the
 * dedupe window and retention. Saved into the station's config file (validated the same way);
 * paths and privacy switches stay in the file, for the administrator.
 */
export const stationSettingsSchema = z
  .object({
    checkpoint: stationConfigSchema.shape.checkpoint.unwrap(),
    lanes: stationConfigSchema.shape.lanes.unwrap(),
    apiUrl: z.url({ protocol: /^https?$/ }).nullable(),
    dedupeWindowMs: stationConfigSchema.shape.dedupeWindowMs.unwrap(),
    retentionDays: z.number().int().min(1).max(365),
  })
  .strict();
export type StationSettings = z.infer<typeof stationSettingsSchema>;

export const settingsViewSchema = z.object({
  settings: stationSettingsSchema,
  /** The file the settings are saved to; null when the station runs without one (then saving is refused). */
  configPath: z.string().nullable(),
  /** The station's enrolment with the central API, if any (never the token). */
  enrolment: z.object({ stationId: z.string(), apiUrl: z.string() }).nullable(),
  /** Saved changes that take effect only after a restart (lanes, API URL). */
  restartRequired: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
