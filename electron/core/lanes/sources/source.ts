import type { LuminanceFrame } from '../../../../shared/decoding/types';

/** What a source delivers: frames to decode, or codes a scanner already decoded. Times are epoch ms. */
export type SourceItem = { kind: 'frame'; frame: LuminanceFrame; capturedAt: number } | { kind: 'code'; text: string; capturedAt: number };

export interface OpenedSource {
  items: AsyncIterator<SourceItem>;
  /** Stops the source (kills ffmpeg, closes the file or port); safe to call twice. */
  close(): Promise<void>;
}

/**
 * One adapter per kind of source, all behind this. The kind decides how the lane treats it:
 * - `file`: read no faster than it is decoded (nothing skipped), ends at end of input, never restarted;
 * - `camera`: live frames, the newest wins; restarted by the watchdog when it fails, ends or goes silent;
 * - `scanner`: decoded codes (a serial handheld scanner), silent between scans; restarted when it fails.
 */
export interface LaneSource {
  readonly kind: 'file' | 'camera' | 'scanner';
  /**
   * Aborting the signal stops a source that is still opening (a camera that never answers). A
   * camera says `connected` once it answered, before its first picture (which, joined between
   * keyframes, may take seconds); resolving is connected too.
   */
  open(signal: AbortSignal, progress?: { connected(): void }): Promise<OpenedSource>;
}
