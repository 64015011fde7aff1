import { base45Encode } from '../../shared/dcc/base45';
import type { LuminanceFrame } from '../../shared/decoding/types';
import { addNoise, cardPayload, createRng, drawQrCode, makeBackground, type GreyImage, type Rng } from '../../scripts/make-test-video';

export interface CameraFrame {
  frame: LuminanceFrame;
  /** The card payloads drawn in it (none for an empty frame). */
  expected: string[];
  /** Pixels per QR module of the (first) code: small = far from the lens. */
  moduleSize: number;
}

const between = (rng: Rng, low: number, high: number) => low + rng() * (high - low);

/**
 * 1280×720 frames like a lane camera's: an ID-card code (or what `payload` makes) at a random
 * distance (1.6–6 px per module), tilt, blur, contrast and sensor noise; some inverted, some with
 * two codes.
 */
export function makeCameraFrames(count: number, seed: number, payload: (rng: Rng) => string = cardPayload): CameraFrame[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const image = makeBackground(1280, 720, rng);
    const moduleSize = between(rng, 1.6, 6);
    const codes = rng() < 0.1 ? 2 : 1;
    const inverted = rng() < 0.1;
    const expected: string[] = [];
    for (let i = 0; i < codes; i++) {
      const text = payload(rng);
      expected.push(text);
      const size = moduleSize * (i === 0 ? 1 : 0.8);
      const cx = codes === 1 ? between(rng, 350, 930) : 330 + i * 620;
      drawQrCode(image, text, { cx, cy: between(rng, 250, 470), moduleSize: size, angle: between(rng, -25, 25), inverted, dark: between(rng, 10, 90), light: between(rng, 150, 245) });
    }
    boxBlur(image, rng() < 0.5 ? 1 : 0);
    addNoise(image, rng, between(rng, 3, 12));
    return { frame: image, expected, moduleSize };
  });
}

/**
 * A vaccine passport's QR text: `HC1:` and the Base45 of 330–420 compressed, signed bytes (random
 * here: the decoder reads symbols, not signatures), 500–630 characters, QR version 14–16 at level M.
 */
export function dccLikePayload(rng: Rng): string {
  const bytes = Uint8Array.from({ length: Math.floor(between(rng, 330, 420)) }, () => Math.floor(rng() * 256));
  return `HC1:${base45Encode(bytes)}`;
}

/** Empty scenes: no code, the common case on a lane. */
export function makeEmptyFrames(count: number, seed: number): LuminanceFrame[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const image = makeBackground(1280, 720, rng);
    addNoise(image, rng, between(rng, 3, 12));
    return image;
  });
}

/** A 3×3 box blur, in place: an out-of-focus lens. */
function boxBlur(image: GreyImage, radius: 0 | 1): void {
  if (radius === 0) return;
  const { width, height, data } = image;
  const source = data.slice();
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const row = y * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++) {
      const l = Math.max(0, x - 1);
      const r = Math.min(width - 1, x + 1);
      const sum = source[up + l]! + source[up + x]! + source[up + r]! + source[row + l]! + source[row + x]! + source[row + r]! + source[down + l]! + source[down + x]! + source[down + r]!;
      data[row + x] = sum / 9 + 0.5;
    }
  }
}
