import { z } from 'zod';

/**
 * What lanes say on the contract: a decoded code's sighting (for the preview overlay and the
 * latency figures) and the renderer's report of a code it decoded itself (webcam, keyboard wedge).
 * Neither carries the decoded text out of the core: the verdict panel gets the `scan` event.
 */

const pointSchema = z.object({ x: z.number(), y: z.number() });

/** The code's corners in frame pixels (see shared/decoding/types.ts CodePosition). */
export const codePositionSchema = z.object({ topLeft: pointSchema, topRight: pointSchema, bottomRight: pointSchema, bottomLeft: pointSchema });

/** Epoch milliseconds: fine enough for frame-to-verdict latency, and comparable across processes. */
const epochMsSchema = z.number().nonnegative();

export const laneCodeEventSchema = z.object({
  laneId: z.string(),
  /** Frame number on the lane since it started; null for a code that did not come from a frame (a scanner). */
  frame: z.number().int().nonnegative().nullable(),
  capturedAt: epochMsSchema,
  decodedAt: epochMsSchema,
  position: codePositionSchema.nullable(),
  frameSize: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
  /** Seen again within the lane's dedupe window: the same passage, not recorded again. */
  duplicate: z.boolean(),
});
export type LaneCodeEvent = z.infer<typeof laneCodeEventSchema>;

export const reportDecodedCodeSchema = z.object({
  /** Made by the renderer per sighting: a report retried after a lost answer is recognised, never recorded twice. */
  reportId: z.uuid(),
  laneId: z.string().min(1).max(32),
  text: z.string().min(1).max(65_536),
  capturedAt: epochMsSchema,
  decodedAt: epochMsSchema,
  position: codePositionSchema.nullable(),
  frameSize: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).nullable(),
});
export type ReportDecodedCode = z.infer<typeof reportDecodedCodeSchema>;

/**
 * What the app window says of a webcam lane it drives, every couple of seconds: the camera is being
 * opened, delivers frames (at these rates), or could not be opened or was unplugged (the window
 * keeps trying). The core turns it into the lane's status, so the status bar counts only lanes
 * that really deliver frames.
 */
export const laneHealthReportSchema = z.object({
  laneId: z.string().min(1).max(32),
  camera: z.enum(['opening', 'live', 'failed']),
  fpsIn: z.number().min(0).max(240),
  fpsDecoded: z.number().min(0).max(240),
  error: z.string().max(300).nullable(),
});
export type LaneHealthReport = z.infer<typeof laneHealthReportSchema>;

export const laneRunStateSchema = z.enum([
  /** Fed by the app window: a webcam decoded in the renderer, or a keyboard-wedge scanner. */
  'external',
  /** Configured, not started (no `station serve`/`station run` started it). */
  'stopped',
  'starting',
  'running',
  /** The source failed or stopped delivering; the watchdog restarts it after a backoff. */
  'restarting',
  /** A file source read to its end. */
  'ended',
  /** A file source that cannot be read further (not retried: a replay must not repeat passages). */
  'failed',
]);
export type LaneRunState = z.infer<typeof laneRunStateSchema>;

/** Where a camera lane is in opening: each has its own time limit (electron/core/lanes/lane-runner.ts). */
export const lanePhaseSchema = z.enum(['connecting', 'waiting-for-picture', 'streaming']);
export type LanePhase = z.infer<typeof lanePhaseSchema>;
