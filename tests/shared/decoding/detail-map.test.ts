import { describe, expect, it } from 'vitest';
import { detailedRegions, mapDetail } from '../../../shared/decoding/detail-map';
import { addNoise, cardPayload, createRng, drawQrCode, makeBackground } from '../../../scripts/make-test-video';

const contains = (region: { left: number; top: number; width: number; height: number }, x: number, y: number) =>
  x >= region.left && x < region.left + region.width && y >= region.top && y < region.top + region.height;

describe('detail map', () => {
  it('halves the frame by 2×2 averages, leaving out an odd last column and row', () => {
    const frame = { width: 5, height: 3, data: Uint8Array.from([0, 2, 10, 20, 99, 4, 6, 30, 40, 99, 7, 7, 7, 7, 7]) };
    const { half } = mapDetail(frame);
    expect(half).toEqual({ width: 2, height: 1, data: Uint8Array.from([3, 25]) });
  });

  it('finds the cluster of detail a small code makes, and nothing on an empty noisy scene', () => {
    const rng = createRng(3);
    const scene = makeBackground(1920, 1080, rng);
    const withCode = { ...scene, data: scene.data.slice() };
    drawQrCode(withCode, cardPayload(rng), { cx: 1300, cy: 420, moduleSize: 1.5, angle: 12, dark: 60, light: 180 });
    for (const frame of [scene, withCode]) addNoise(frame, rng, 10);

    expect(detailedRegions(mapDetail(scene), scene, 3)).toEqual([]);
    const regions = detailedRegions(mapDetail(withCode), withCode, 3);
    expect(regions).toHaveLength(1);
    expect(contains(regions[0]!, 1300, 420)).toBe(true);
    // About the code's size (45 modules + quiet zone at 1.5 px, tilted), not the frame's.
    expect(Math.max(regions[0]!.width, regions[0]!.height)).toBeLessThan(160);
  });

  it('passes over a sharp edge and a large-module code: lines and flat modules are not fine detail', () => {
    const frame = { width: 640, height: 480, data: new Uint8Array(640 * 480).fill(90) };
    for (let y = 0; y < 480; y++) frame.data.fill(200, y * 640 + 320, y * 640 + 640);
    drawQrCode(frame, 'large modules', { cx: 160, cy: 240, moduleSize: 8 });
    addNoise(frame, createRng(4), 6);
    expect(detailedRegions(mapDetail(frame), frame, 3)).toEqual([]);
  });
});
