import type { Result, ResultPoint } from '@zxing/library';
import { assertLuminanceFrame, defaultDecodeOptions, type CodePosition, type DecodedCode, type DecodeOptions, type DecoderEngine, type Point, toEcLevel } from './types';
import { corners, scaleAboutCentre, type Region } from './frame-ops';
import { zxing } from './zxing-js-library';

const { BinaryBitmap, DecodeHintType, HybridBinarizer, QRCodeReader, RGBLuminanceSource, ResultMetadataType } = zxing;

/**
 * @zxing/library, ZXing's Java code ported to TypeScript: no wasm, slower. Its QR reader finds one
 * code per call, so for several codes the found one is painted over and the frame read again.
 * Two codes of the same size can hide each other (it picks three finder patterns from both);
 * with tryHarder, a frame where nothing was found is read again in two overlapping halves.
 */
export function createZxingJsEngine(options: DecodeOptions = {}): DecoderEngine {
  const { maxCodes, tryInverted, tryHarder } = { ...defaultDecodeOptions, ...options };
  const reader = new QRCodeReader();
  const hints = new Map<number, unknown>(tryHarder ? [[DecodeHintType.TRY_HARDER, true]] : []);
  let closed = false;

  function readAll(pixels: Uint8ClampedArray, width: number, height: number, inverted: boolean): DecodedCode[] {
    // Painted over in a copy, never in the caller's frame.
    let working: Uint8ClampedArray | null = null;
    const codes: DecodedCode[] = [];
    const readRegion = (region: Region) => {
      while (codes.length < maxCodes) {
        const result = readOne(working ?? pixels, width, region);
        if (!result) return;
        const code = toDecodedCode(result, region, inverted);
        codes.push(code);
        working ??= pixels.slice();
        fillPolygon(working, width, height, scaleAboutCentre(corners(code.position), 1.15), 255);
      }
    };
    readRegion({ left: 0, top: 0, width, height });
    if (codes.length === 0 && tryHarder) halves(width, height).forEach(readRegion);
    return codes;
  }

  function readOne(pixels: Uint8ClampedArray, dataWidth: number, region: Region): Result | null {
    const source = new RGBLuminanceSource(pixels, region.width, region.height, dataWidth, pixels.length / dataWidth, region.left, region.top);
    try {
      return reader.decode(new BinaryBitmap(new HybridBinarizer(source)), hints);
    } catch (error) {
      // NotFound, Checksum and Format exceptions all mean "no readable code here".
      if (error instanceof zxing.Exception) return null;
      throw error;
    }
  }

  return {
    name: 'zxing-js',
    async decode(frame) {
      if (closed) throw new Error('the zxing-js decoder is closed');
      assertLuminanceFrame(frame);
      const { width, height, data } = frame;
      const pixels = new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength);
      const codes = readAll(pixels, width, height, false);
      if (codes.length > 0 || !tryInverted) return codes;
      return readAll(pixels.map((value) => 255 - value), width, height, true);
    },
    close() {
      closed = true;
    },
  };
}

/** Two overlapping halves across the longer side, each 60 % of it. */
function halves(width: number, height: number): Region[] {
  if (width >= height) {
    const part = Math.round(width * 0.6);
    return [{ left: 0, top: 0, width: part, height }, { left: width - part, top: 0, width: part, height }];
  }
  const part = Math.round(height * 0.6);
  return [{ left: 0, top: 0, width, height: part }, { left: 0, top: height - part, width, height: part }];
}

function toDecodedCode(result: Result, region: Region, inverted: boolean): DecodedCode {
  return {
    text: result.getText(),
    position: cornersFromFinders(result.getResultPoints(), region),
    inverted,
    ecLevel: toEcLevel(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)),
  };
}

/**
 * ZXing reports the three finder-pattern centres (bottom-left, top-left, top-right); each centre
 * sits 3.5 modules inside the symbol's outer corner, so the corners are found by stepping out.
 */
function cornersFromFinders(points: ResultPoint[], region: Region): CodePosition {
  const [bl, tl, tr] = points.slice(0, 3).map((point) => ({ x: point.getX() + region.left, y: point.getY() + region.top }));
  if (!bl || !tl || !tr) throw new Error('zxing-js returned a QR code without its three finder patterns');
  const moduleSize = average(points.slice(0, 3).map(estimatedModuleSize));
  const out = 3.5 * moduleSize;
  const u = unit(tl, tr);
  const v = unit(tl, bl);
  const br = { x: tr.x + bl.x - tl.x, y: tr.y + bl.y - tl.y };
  return {
    topLeft: step(tl, -out, u, -out, v),
    topRight: step(tr, out, u, -out, v),
    bottomRight: step(br, out, u, out, v),
    bottomLeft: step(bl, -out, u, out, v),
  };
}

function estimatedModuleSize(point: ResultPoint): number {
  const finder = point as ResultPoint & { getEstimatedModuleSize?: () => number };
  return finder.getEstimatedModuleSize?.() ?? 1;
}

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function unit(from: Point, to: Point): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
}

function step(point: Point, a: number, u: Point, b: number, v: Point): Point {
  return { x: point.x + a * u.x + b * v.x, y: point.y + a * u.y + b * v.y };
}

/** Fills a convex polygon, row by row, clipped to the image. */
function fillPolygon(pixels: Uint8ClampedArray, width: number, height: number, polygon: Point[], value: number): void {
  const ys = polygon.map((p) => p.y);
  const top = Math.max(0, Math.floor(Math.min(...ys)));
  const bottom = Math.min(height - 1, Math.ceil(Math.max(...ys)));
  for (let y = top; y <= bottom; y++) {
    let left = Infinity;
    let right = -Infinity;
    polygon.forEach((a, i) => {
      const b = polygon[(i + 1) % polygon.length] as Point;
      if ((a.y <= y && b.y >= y) || (b.y <= y && a.y >= y)) {
        const x = a.y === b.y ? Math.min(a.x, b.x) : a.x + ((y - a.y) * (b.x - a.x)) / (b.y - a.y);
        const x2 = a.y === b.y ? Math.max(a.x, b.x) : x;
        left = Math.min(left, x);
        right = Math.max(right, x2);
      }
    });
    if (left > right) continue;
    const start = Math.max(0, Math.floor(left));
    const end = Math.min(width - 1, Math.ceil(right));
    if (start <= end) pixels.fill(value, y * width + start, y * width + end + 1);
  }
}
