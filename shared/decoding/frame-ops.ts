import type { CodePosition, LuminanceFrame, Point } from './types';

/** A rectangle of a frame, in whole pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function corners(position: CodePosition): Point[] {
  return [position.topLeft, position.topRight, position.bottomRight, position.bottomLeft];
}

/** The corners moved away from (factor > 1) or towards their centre. */
export function scaleAboutCentre(points: Point[], factor: number): Point[] {
  const cx = points.reduce((sum, p) => sum + p.x, 0) / points.length;
  const cy = points.reduce((sum, p) => sum + p.y, 0) / points.length;
  return points.map((p) => ({ x: cx + (p.x - cx) * factor, y: cy + (p.y - cy) * factor }));
}

/** The square around a detected code (with `margin` of its size around it), clipped to the frame. */
export function regionAround(position: CodePosition, margin: number, frame: LuminanceFrame): Region {
  const points = corners(position);
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  const half = (Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * (1 + 2 * margin)) / 2;
  const left = Math.max(0, Math.floor(cx - half));
  const top = Math.max(0, Math.floor(cy - half));
  return { left, top, width: Math.max(0, Math.min(frame.width, Math.ceil(cx + half)) - left), height: Math.max(0, Math.min(frame.height, Math.ceil(cy + half)) - top) };
}

/** A region of the frame as a frame of its own (a copy). */
export function cropFrame(frame: LuminanceFrame, region: Region): LuminanceFrame {
  const data = new Uint8Array(region.width * region.height);
  for (let y = 0; y < region.height; y++) {
    const start = (region.top + y) * frame.width + region.left;
    data.set(frame.data.subarray(start, start + region.width), y * region.width);
  }
  return { width: region.width, height: region.height, data };
}

/** A region of the frame enlarged `factor` times with bilinear interpolation, as a frame of its own. */
export function upscaleRegion(frame: LuminanceFrame, region: Region, factor: number): LuminanceFrame {
  const width = region.width * factor;
  const height = region.height * factor;
  const data = new Uint8Array(width * height);
  const source = frame.data;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(region.height - 1, Math.max(0, (y + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(region.height - 1, y0 + 1);
    const fy = sy - y0;
    const row0 = (region.top + y0) * frame.width + region.left;
    const row1 = (region.top + y1) * frame.width + region.left;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(region.width - 1, Math.max(0, (x + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(region.width - 1, x0 + 1);
      const fx = sx - x0;
      const top = source[row0 + x0]! * (1 - fx) + source[row0 + x1]! * fx;
      const bottom = source[row1 + x0]! * (1 - fx) + source[row1 + x1]! * fx;
      data[y * width + x] = top * (1 - fy) + bottom * fy + 0.5;
    }
  }
  return { width, height, data };
}

/** A position found in an upscaled region, in the coordinates of the frame the region came from. */
export function positionInFrame(position: CodePosition, region: Region, factor: number): CodePosition {
  const back = (p: Point) => ({ x: region.left + (p.x + 0.5) / factor - 0.5, y: region.top + (p.y + 0.5) / factor - 0.5 });
  return { topLeft: back(position.topLeft), topRight: back(position.topRight), bottomRight: back(position.bottomRight), bottomLeft: back(position.bottomLeft) };
}
