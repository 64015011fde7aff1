import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { corners } from '../../../shared/decoding/frame-ops';
import { createZxingWasmEngine } from '../../../shared/decoding/zxing-wasm-engine';
import { makeCameraFrames } from '../../../bench/lib/camera-frames';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));

describe('zxing-wasm rescue pass', () => {
  it('reads a small blurred code that ZXing-C++ detects but cannot read alone, and places it in the frame', async () => {
    // Frame 48 of the benchmark's camera set: 2.3 px per module, tilted, blurred.
    const camera = makeCameraFrames(49, 2024)[48]!;
    const plain = await createZxingWasmEngine({ wasmBinary, rescue: false });
    const rescuing = await createZxingWasmEngine({ wasmBinary });
    expect(await plain.decode(camera.frame)).toEqual([]);
    const codes = await rescuing.decode(camera.frame);
    expect(codes.map((code) => code.text)).toEqual(camera.expected);

    const side = QRCode.create(camera.expected[0]!, { errorCorrectionLevel: 'M' }).modules.size * camera.moduleSize;
    const points = corners(codes[0]!.position);
    points.forEach((point, i) => {
      const next = points[(i + 1) % 4]!;
      expect(Math.hypot(next.x - point.x, next.y - point.y) / side).toBeCloseTo(1, 1);
      expect(point.x).toBeGreaterThan(0);
      expect(point.x).toBeLessThan(1280);
    });
    plain.close();
    rescuing.close();
  });
});
