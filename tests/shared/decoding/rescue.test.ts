import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { detailedRegions, mapDetail } from '../../../shared/decoding/detail-map';
import { corners } from '../../../shared/decoding/frame-ops';
import { createZxingWasmEngine } from '../../../shared/decoding/zxing-wasm-engine';
import { farScene, makeCameraFrames } from '../../../bench/lib/camera-frames';
import { fullFrameEvery, type CodePosition, type DecodedCode, type LuminanceFrame } from '../../../shared/decoding/types';
import { addNoise, cardPayload, createRng, drawQrCode, makeBackground } from '../../../scripts/make-test-video';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));

const plain = await createZxingWasmEngine({ wasmBinary, rescue: false });
const ours = await createZxingWasmEngine({ wasmBinary });
afterAll(() => [plain, ours].forEach((engine) => engine.close()));

/** The code's side in pixels from its corners, and its centre. */
function measure(position: CodePosition) {
  const points = corners(position);
  const sides = points.map((point, i) => Math.hypot(points[(i + 1) % 4]!.x - point.x, points[(i + 1) % 4]!.y - point.y));
  return { side: sides.reduce((a, b) => a + b) / 4, cx: points.reduce((sum, p) => sum + p.x, 0) / 4, cy: points.reduce((sum, p) => sum + p.y, 0) / 4, sides };
}

describe('zxing-wasm rescue pass', () => {
  it('reads a small blurred code that ZXing-C++ detects but cannot read alone, and places it in the frame', async () => {
    // Frame 48 of the benchmark's camera set: 2.3 px per module, tilted, blurred.
    const camera = makeCameraFrames(49, 2024)[48]!;
    expect(await plain.decode(camera.frame)).toEqual([]);
    const codes = await ours.decode(camera.frame);
    expect(codes.map((code) => code.text)).toEqual(camera.expected);

    const side = QRCode.create(camera.expected[0]!, { errorCorrectionLevel: 'M' }).modules.size * camera.moduleSize;
    const points = corners(codes[0]!.position);
    points.forEach((point, i) => {
      const next = points[(i + 1) % 4]!;
      expect(Math.hypot(next.x - point.x, next.y - point.y) / side).toBeCloseTo(1, 1);
      expect(point.x).toBeGreaterThan(0);
      expect(point.x).toBeLessThan(1280);
    });
  });

  it('reads a 1.4 px/module code on a 1080p frame that ZXing-C++ alone misses, where fine detail clusters', async () => {
    // Frame 6 of the benchmark's far set: 1.37 px per module, tilted, noisy.
    const camera = makeCameraFrames(7, 1080, cardPayload, farScene)[6]!;
    expect(await plain.decode(camera.frame)).toEqual([]);
    const codes = await ours.decode(camera.frame);
    expect(codes.map((code) => code.text)).toEqual(camera.expected);
    const { side, cx, cy } = measure(codes[0]!.position);
    expect(side / (QRCode.create(camera.expected[0]!, { errorCorrectionLevel: 'M' }).modules.size * camera.moduleSize)).toBeCloseTo(1, 1);
    expect(Math.hypot(cx - camera.centres[0]!.x, cy - camera.centres[0]!.y)).toBeLessThan(3);
  });

  it('reads a 1080p frame halved, and says where the code is in the whole frame', async () => {
    const rng = createRng(11);
    const frame = makeBackground(1920, 1080, rng);
    const text = cardPayload(rng);
    drawQrCode(frame, text, { cx: 1210, cy: 640, moduleSize: 7, angle: 5 });
    addNoise(frame, rng, 6);
    const [code] = await ours.decode(frame);
    expect(code?.text).toBe(text);
    const { sides, cx, cy } = measure(code!.position);
    const side = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size * 7;
    for (const measured of sides) expect(Math.abs(measured - side)).toBeLessThan(4);
    expect(Math.hypot(cx - 1210, cy - 640)).toBeLessThan(3);
  });
});

describe('zxing-wasm rescue pass never reads what is not there', () => {
  /** Squares of random modules, as dense as small codes but with no finder patterns, over a noisy scene. */
  function fakeCodes(seed: number): LuminanceFrame {
    const rng = createRng(seed);
    const frame = makeBackground(1920, 1080, rng);
    for (let k = 0; k < 4; k++) {
      const [x0, y0, module] = [100 + Math.floor(rng() * 1600), 100 + Math.floor(rng() * 800), 1 + Math.floor(rng() * 2)];
      for (let v = 0; v < 45; v++) {
        for (let u = 0; u < 45; u++) {
          const ink = rng() < 0.5 ? 30 : 220;
          for (let dy = 0; dy < module; dy++) frame.data.fill(ink, (y0 + v * module + dy) * 1920 + x0 + u * module, (y0 + v * module + dy) * 1920 + x0 + (u + 1) * module);
        }
      }
    }
    addNoise(frame, rng, 8);
    return frame;
  }

  it('finds nothing in frames of code-like texture and pure noise', async () => {
    const noise = { width: 1920, height: 1080, data: new Uint8Array(1920 * 1080) };
    addNoise({ ...noise, data: noise.data.fill(128) }, createRng(1), 127);
    const fakes = [fakeCodes(1), fakeCodes(2), fakeCodes(3)];
    // The fakes are where the rescue looks: it has something to get wrong.
    for (const frame of fakes) expect(detailedRegions(mapDetail(frame), frame, 3).length).toBeGreaterThan(0);
    for (const frame of [...fakes, noise]) expect(await ours.decode(frame)).toEqual([]);
  });

  it('reads a small code as drawn or not at all once its modules are scrambled, its finders spared', async () => {
    const texts: DecodedCode[][] = [];
    for (const [index, camera] of makeCameraFrames(20, 1080, cardPayload, farScene).entries()) {
      const rng = createRng(index);
      // Modules inside the code (not the corners, where the finder patterns are) swapped for random grey.
      const { x, y } = camera.centres[0]!;
      const reach = Math.floor(camera.moduleSize * 12);
      for (let i = 0; i < 400; i++) {
        const px = Math.round(x + (rng() - 0.5) * 2 * reach);
        const py = Math.round(y + (rng() - 0.5) * 2 * reach);
        camera.frame.data[py * camera.frame.width + px] = Math.floor(rng() * 256);
      }
      const codes = await ours.decode(camera.frame);
      texts.push(codes);
      for (const code of codes) expect(camera.expected).toContain(code.text);
    }
    // Some survive (error correction), so the loop above did check reads.
    expect(texts.flat().length).toBeGreaterThan(0);
  });
});

describe('zxing-wasm tracking (a lane camera’s consecutive frames)', () => {
  const rng = createRng(21);
  const background = makeBackground(1920, 1080, rng);
  const [first, second] = [cardPayload(rng), cardPayload(rng)];
  function scene(codes: { text: string; cx: number }[]): LuminanceFrame {
    const frame = { ...background, data: background.data.slice() };
    for (const { text, cx } of codes) drawQrCode(frame, text, { cx, cy: 540, moduleSize: 6 });
    addNoise(frame, createRng(7), 6);
    return frame;
  }
  const texts = (codes: DecodedCode[]) => codes.map((code) => code.text).sort();
  const both = scene([{ text: first, cx: 506 }, { text: second, cx: 1400 }]);

  it('reads a code where it was in the last frame, in frame coordinates, and the whole frame every fourth frame', async () => {
    const tracking = await createZxingWasmEngine({ wasmBinary, track: true });
    expect(texts(await tracking.decode(scene([{ text: first, cx: 500 }])))).toEqual([first]);
    const reads: DecodedCode[][] = [];
    for (let i = 0; i < fullFrameEvery; i++) reads.push(await tracking.decode(both));
    // The second code is seen once the whole frame is read again.
    expect(reads.map(texts)).toEqual([...Array<string[]>(fullFrameEvery - 1).fill([first]), [first, second].sort()]);
    const { cx, cy } = measure(reads[0]![0]!.position);
    expect(Math.hypot(cx - 506, cy - 540)).toBeLessThan(3);
    // Two codes are not tracked; a tracked code that left is looked for in the whole frame at once.
    expect(texts(await tracking.decode(both))).toEqual([first, second].sort());
    expect(texts(await tracking.decode(scene([{ text: second, cx: 1400 }])))).toEqual([second]);
    expect(texts(await tracking.decode(scene([{ text: first, cx: 500 }])))).toEqual([first]);
    tracking.close();
  });

  it('reads every frame whole without tracking', async () => {
    expect(texts(await ours.decode(scene([{ text: first, cx: 500 }])))).toEqual([first]);
    expect(texts(await ours.decode(both))).toEqual([first, second].sort());
  });
});
