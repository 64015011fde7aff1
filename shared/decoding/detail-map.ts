import { cropFrame, type Region } from './frame-ops';
import type { LuminanceFrame } from './types';

/** Side of a detail cell in frame pixels: a 1.2 px/module code of 21 modules spans two. */
export const cellSize = 16;

/**
 * A frame halved (2×2 box average) and, per 16×16 cell, how much detail the halving threw away:
 * the sum of |left − right| and |top − bottom| of every 2×2 block. Small QR modules (1–3 px) are
 * almost nothing but such detail; a smooth scene and sensor noise have little of it.
 */
export interface DetailMap {
  half: LuminanceFrame;
  cells: Int32Array;
  columns: number;
  rows: number;
}

/**
 * One pass over the frame, for both the halved frame and the detail. Pixels are read two at a time
 * (half the loads: this pass is most of what an empty 1080p frame costs); a frame of odd width is
 * trimmed by a column first, an odd last row is left out.
 */
export function mapDetail(frame: LuminanceFrame): DetailMap {
  const even = frame.width % 2 === 0 && frame.data.byteOffset % 2 === 0 ? frame : cropFrame(frame, { left: 0, top: 0, width: frame.width - (frame.width % 2), height: frame.height });
  const { width, data } = even;
  const halfWidth = width >> 1;
  const halfHeight = even.height >> 1;
  const pairs = new Uint16Array(data.buffer, data.byteOffset, data.length >> 1);
  const half = new Uint8Array(halfWidth * halfHeight);
  // 8 blocks of 2×2 per cell side, so a block's cell is a shift away.
  const columns = (halfWidth + 7) >> 3;
  const rows = (halfHeight + 7) >> 3;
  const cells = new Int32Array(columns * rows);
  for (let y = 0; y < halfHeight; y++) {
    const cellRow = (y >> 3) * columns;
    const upperRow = y * width;
    const out = y * halfWidth;
    let detail = 0;
    for (let x = 0; x < halfWidth; x++) {
      const upper = pairs[upperRow + x]!;
      const lower = pairs[upperRow + halfWidth + x]!;
      // Which byte of a pair is the left pixel depends on the platform's byte order; nothing
      // below does: swapping a with b and c with d leaves every sum and absolute value as it is.
      const a = upper & 255;
      const b = upper >> 8;
      const c = lower & 255;
      const d = lower >> 8;
      half[out + x] = (a + b + c + d + 2) >> 2;
      detail += Math.abs(a + c - b - d) + Math.abs(a + b - c - d);
      if ((x & 7) === 7) {
        cells[cellRow + (x >> 3)]! += detail;
        detail = 0;
      }
    }
    cells[cellRow + columns - 1]! += detail;
  }
  return { half: { width: halfWidth, height: halfHeight, data: half }, cells, columns, rows };
}

/**
 * Where small codes may be: clusters of cells with several times the frame's typical detail (its
 * median: the noise floor), square enough to be a code rather than an edge, biggest first. Each
 * region has a cell of margin for the quiet zone and the code's fainter rim.
 */
export function detailedRegions(map: DetailMap, frame: LuminanceFrame, limit: number): Region[] {
  const { cells, columns, rows } = map;
  const threshold = Math.max(3 * median(cells), minimumDetail);
  const seen = new Uint8Array(cells.length);
  const found: { region: Region; weight: number }[] = [];
  const stack: number[] = [];
  for (let start = 0; start < cells.length; start++) {
    if (seen[start] || cells[start]! < threshold) continue;
    let [left, right, top, bottom, count, weight] = [columns, 0, rows, 0, 0, 0];
    stack.push(start);
    seen[start] = 1;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const cx = cell % columns;
      const cy = (cell - cx) / columns;
      [left, right, top, bottom] = [Math.min(left, cx), Math.max(right, cx), Math.min(top, cy), Math.max(bottom, cy)];
      count++;
      weight += cells[cell]!;
      for (const next of [cx > 0 ? cell - 1 : -1, cx < columns - 1 ? cell + 1 : -1, cy > 0 ? cell - columns : -1, cy < rows - 1 ? cell + columns : -1]) {
        if (next >= 0 && !seen[next] && cells[next]! >= threshold) {
          seen[next] = 1;
          stack.push(next);
        }
      }
    }
    const across = right - left + 1;
    const down = bottom - top + 1;
    // Two cells at least (a 21-module code at 1.5 px), not a thin edge, not half the frame.
    if (Math.min(across, down) < 2 || Math.max(across, down) > 2.5 * Math.min(across, down) || count < 0.4 * across * down || Math.max(across, down) > maxCells) continue;
    const x0 = Math.max(0, (left - 1) * cellSize);
    const y0 = Math.max(0, (top - 1) * cellSize);
    const region = { left: x0, top: y0, width: Math.min(frame.width, (right + 2) * cellSize) - x0, height: Math.min(frame.height, (bottom + 2) * cellSize) - y0 };
    found.push({ region, weight });
  }
  return found
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .map((candidate) => candidate.region);
}

/** Below this a cell is flat whatever the noise floor: 64 blocks with a grey step of 4 each way. */
const minimumDetail = 64 * 8;
/** 40 cells (640 px): a code bigger than that has modules large enough for the first pass. */
const maxCells = 40;

function median(values: Int32Array): number {
  const sorted = values.slice().sort();
  return sorted[sorted.length >> 1] ?? 0;
}
