import { z } from 'zod';
import { directionSchema } from '../contract/status';

/**
 * The station's one configuration file. Every field has a default so a fresh laptop runs out of
 * the box; a bad field is reported by its path (`lanes.1.source: …`).
 */

const laneIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'lowercase letters, digits and dashes, at most 32');

/** Where a lane's frames come from: `webcam:<deviceId|default>`, `file:…`, `rtsp://…`, `http(s)://…`, `v4l2:/dev/videoN`, `serial:…`, `keyboard:`. */
export const laneSourceSchema = z
  .string()
  .regex(/^(webcam|file|rtsp|rtsps|http|https|v4l2|serial|keyboard):/, 'a source URI such as webcam:default, file:…, rtsp://…, v4l2:/dev/video0');

const timeoutMs = z.number().int().min(100).max(300_000);

export const laneConfigSchema = z.object({
  id: laneIdSchema,
  name: z.string().min(1).max(64),
  source: laneSourceSchema,
  /** `rtsp://` cameras: TCP (the default) or UDP. */
  rtspTransport: z.enum(['tcp', 'udp']).optional(),
  /** A camera's limits, in ms: to answer, then to show a first picture, then between pictures (defaults 10 s, 20 s, 5 s). */
  timeouts: z.object({ connectMs: timeoutMs, firstFrameMs: timeoutMs, silenceMs: timeoutMs }).partial().strict().optional(),
});
export type LaneConfig = z.infer<typeof laneConfigSchema>;

const defaultLanes: LaneConfig[] = [{ id: 'lane-1', name: 'Làn 1', source: 'webcam:default' }];

export const stationConfigSchema = z
  .object({
    checkpoint: z
      .object({
        id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'upper-case letters, digits and dashes, 2 to 32'),
        name: z.string().min(1).max(120),
        direction: directionSchema,
      })
      .strict()
      .default({ id: 'CP-01', name: 'Chốt kiểm soát 01', direction: 'both' }),
    lanes: z
      .array(laneConfigSchema.strict())
      .min(1)
      .max(16)
      .refine((lanes) => new Set(lanes.map((lane) => lane.id)).size === lanes.length, 'lane ids must be unique')
      .default(defaultLanes),
    api: z
      .object({
        /** Central verification API; null = none configured (the station works offline). */
        url: z.url({ protocol: /^https?$/ }).nullable(),
        /** PEM file of the CA a closed government network uses; when set, only it is trusted. */
        caFile: z.string().min(1).nullable().default(null),
      })
      .strict()
      .default({ url: null, caFile: null }),
    /**
     * The same code seen again on a lane within this long (on the frames' capture times) is the same
     * passage: a card held in front of the camera for a few seconds is recorded once.
     */
    dedupeWindowMs: z.number().int().min(0).max(600_000).default(5000),
    /** Overrides the default data folder; `--data` overrides this. */
    dataDir: z.string().min(1).optional(),
    retention: z
      .object({ days: z.number().int().min(1).max(365) })
      .strict()
      .default({ days: 21 }),
    privacy: z
      .object({
        /** Keep the decoded QR text with each record. Off: it is personal data the record does not need. */
        keepRawPayload: z.boolean(),
      })
      .strict()
      .default({ keepRawPayload: false }),
    /** How the desktop app lives on a field laptop; ignored by the CLI and browser mode. */
    desktop: z
      .object({
        /** Start the app when the officer logs in to the laptop. */
        autoStart: z.boolean(),
        /** Full screen with no way out but quitting: for a dedicated station machine. */
        kiosk: z.boolean(),
      })
      .strict()
      .default({ autoStart: false, kiosk: false }),
  })
  .strict();

export type StationConfig = z.infer<typeof stationConfigSchema>;
export type StationConfigInput = z.input<typeof stationConfigSchema>;
