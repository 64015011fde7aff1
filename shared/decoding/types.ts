/**
 * The decoder contract: grey frames in, QR codes out. Pure data, so the same engines run in the
 * core, in a Node worker thread and (later) in the renderer's Web Worker.
 */

/** An 8-bit grey image, row-major, one byte per pixel, stride = width. */
export interface LuminanceFrame {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface Point {
  x: number;
  y: number;
}

/** The code's outer corners in frame pixels, as the symbol is oriented (top-left = finder corner). */
export interface CodePosition {
  topLeft: Point;
  topRight: Point;
  bottomRight: Point;
  bottomLeft: Point;
}

export type EcLevel = 'L' | 'M' | 'Q' | 'H';

export function toEcLevel(value: unknown): EcLevel | null {
  return value === 'L' || value === 'M' || value === 'Q' || value === 'H' ? value : null;
}

export interface DecodedCode {
  /**
   * The payload as text. Without an ECI the bytes are read as UTF-8 when they are valid UTF-8 (card
   * codes carry none), else as the engine's best guess (e.g. Shift_JIS).
   */
  text: string;
  position: CodePosition;
  /** Light modules on a dark background (a phone in dark mode, some printed passes). */
  inverted: boolean;
  /** Null when the engine does not say. */
  ecLevel: EcLevel | null;
}

export const engineNames = ['zxing-wasm', 'zxing-js'] as const;
export type EngineName = (typeof engineNames)[number];

/** The engine that decodes the most with no wrong reads, and fastest (bench/results/decode.md). */
export const defaultEngineName: EngineName = 'zxing-wasm';

export interface DecoderEngine {
  readonly name: EngineName;
  /** Every QR code found in the frame; an empty array when there is none (the common case). */
  decode(frame: LuminanceFrame): Promise<DecodedCode[]>;
  /** Frees what the engine holds (wasm memory, a worker thread); decode() must not be called after. */
  close(): void;
}

/** Tuning shared by both engines; the defaults suit a camera lane. */
export interface DecodeOptions {
  /** Stop after this many codes in one frame. Default 4. */
  maxCodes?: number;
  /** Also look for inverted codes when no normal one is found. Default true. */
  tryInverted?: boolean;
  /** Spend more time per frame (denser scan, extra passes) for a few more hard codes. Default false. */
  tryHarder?: boolean;
  /**
   * Our passes around ZXing-C++ (zxing-wasm only; zxing-js does not report failed detections). A
   * frame of 1.5 MP or more is first read halved; when nothing is read, a code that was detected
   * is read again with a second binarizer, and the surroundings of each detection and of each
   * cluster of fine detail (small modules) are read at full resolution, then enlarged 2×. Off:
   * ZXing-C++ alone on the whole frame. Default true.
   */
  rescue?: boolean;
  /**
   * Frames are one camera's consecutive pictures: once a code is read, the next frames read only
   * its surroundings at full resolution while it stays readable there, the whole frame again every
   * `fullFrameEvery`-th frame (a second code, one that left). Needs `rescue`. Default false.
   */
  track?: boolean;
}

export const defaultDecodeOptions: Required<DecodeOptions> = { maxCodes: 4, tryInverted: true, tryHarder: false, rescue: true, track: false };

/** With `track`, how often the whole frame is read although a code is tracked: 4 frames = 0.27 s at 15 fps. */
export const fullFrameEvery = 4;

/** Throws when the frame's buffer does not match its size: a wrong stride is a caller bug, found early. */
export function assertLuminanceFrame(frame: LuminanceFrame): void {
  const { width, height, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`frame size must be positive integers, got ${width}×${height}`);
  }
  if (data.length !== width * height) {
    throw new RangeError(`frame ${width}×${height} needs ${width * height} bytes, got ${data.length}`);
  }
}
