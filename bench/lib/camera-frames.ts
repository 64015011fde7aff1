import { base45Encode } from '../../shared/dcc/base45';
import type { LuminanceFrame, Point } from '../../shared/decoding/types';
import { addNoise, cardPayload, createRng, drawQrCode, makeBackground, type GreyImage, type Rng } from '../../scripts/make-test-video';

export interface CameraFrame {
  frame: LuminanceFrame;
  /** The card payloads drawn in it (none for an empty frame). */
  expected: string[];
  /** Pixels per QR module of the (first) code: small = far from the lens. */
  moduleSize: number;
  /** Where each code's centre was drawn, in frame pixels. */
  centres: Point[];
}

const between = (rng: Rng, low: number, high: number) => low + rng() * (high - low);

export interface CameraScene {
  width: number;
  height: number;
  /** Pixels per module, drawn uniformly between the two. */
  moduleSize: readonly [number, number];
  /** A bright patch of glare over a third of the codes, washing part of them out. */
  glare: boolean;
}

/** The 720p lane camera: a card from arm's length to across the booth. */
export const nearScene: CameraScene = { width: 1280, height: 720, moduleSize: [1.6, 6], glare: false };
/** A 1080p camera watching a whole lane: cards 1.5–4 m away, 1.2–3 px per module, some under glare. */
export const farScene: CameraScene = { width: 1920, height: 1080, moduleSize: [1.2, 3], glare: true };

/**
 * Frames like a lane camera's: an ID-card code (or what `payload` makes) at a random distance, tilt,
 * blur, contrast and sensor noise; some inverted, some with two codes.
 */
export function makeCameraFrames(count: number, seed: number, payload: (rng: Rng) => string = cardPayload, scene: CameraScene = nearScene): CameraFrame[] {
  const rng = createRng(seed);
  const { width, height } = scene;
  // Placements were tuned on 720p; other sizes scale them.
  const sx = width / 1280;
  const sy = height / 720;
  return Array.from({ length: count }, () => {
    const image = makeBackground(width, height, rng);
    const moduleSize = between(rng, ...scene.moduleSize);
    const codes = rng() < 0.1 ? 2 : 1;
    const inverted = rng() < 0.1;
    const expected: string[] = [];
    const centres: Point[] = [];
    for (let i = 0; i < codes; i++) {
      const text = payload(rng);
      expected.push(text);
      const size = moduleSize * (i === 0 ? 1 : 0.8);
      const cx = (codes === 1 ? between(rng, 350, 930) : 330 + i * 620) * sx;
      const cy = between(rng, 250, 470) * sy;
      centres.push({ x: cx, y: cy });
      drawQrCode(image, text, { cx, cy, moduleSize: size, angle: between(rng, -25, 25), inverted, dark: between(rng, 10, 90), light: between(rng, 150, 245) });
      if (scene.glare && rng() < 1 / 3) addGlare(image, cx + between(rng, -40, 40) * sx, cy + between(rng, -40, 40) * sy, between(rng, 20, 60) * sx, between(rng, 60, 140));
    }
    boxBlur(image, rng() < 0.5 ? 1 : 0);
    addNoise(image, rng, between(rng, 3, 12));
    return { frame: image, expected, moduleSize, centres };
  });
}

/** A soft round highlight (a lamp on a laminated card): pixels pulled towards white, up to `strength` grey levels. */
function addGlare(image: GreyImage, cx: number, cy: number, radius: number, strength: number): void {
  const reach = radius * 2;
  for (let y = Math.max(0, Math.floor(cy - reach)); y < Math.min(image.height, Math.ceil(cy + reach)); y++) {
    for (let x = Math.max(0, Math.floor(cx - reach)); x < Math.min(image.width, Math.ceil(cx + reach)); x++) {
      const weight = Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * radius * radius));
      const i = y * image.width + x;
      image.data[i] = image.data[i]! + ((255 - image.data[i]!) * weight * strength) / 255;
    }
  }
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
export function makeEmptyFrames(count: number, seed: number, scene: Pick<CameraScene, 'width' | 'height'> = nearScene): LuminanceFrame[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => {
    const image = makeBackground(scene.width, scene.height, rng);
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
