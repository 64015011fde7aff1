import { readFile } from 'node:fs/promises';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { LuminanceFrame } from '../../shared/decoding/types';
import { createDecoderEngine, zxingWasmPath } from '../../electron/core/decoding/create-engine';
import { cardPayload, createRng, drawQrCode } from '../../scripts/make-test-video';

export interface SoakResult {
  decodes: number;
  frameSize: string;
  /** Resident set size in MB, after a warm-up and at the end. */
  rssBefore: number;
  rssAfter: number;
  msPerDecode: number;
}

/** A small frame, so that a soak of 100,000 decodes takes a minute, not an hour: the leak is per result, not per pixel. */
function soakFrame(): LuminanceFrame {
  const frame = { width: 320, height: 320, data: new Uint8Array(320 * 320).fill(200) };
  drawQrCode(frame, cardPayload(createRng(3)), { cx: 160, cy: 160, moduleSize: 4 });
  return frame;
}

const rss = () => Math.round(process.memoryUsage().rss / 2 ** 20);

async function soak(decodes: number, decodeOnce: () => Promise<number>): Promise<SoakResult> {
  const check = async () => {
    const found = await decodeOnce();
    if (found !== 1) throw new Error(`soak: expected one code per decode, got ${found}`);
  };
  for (let i = 0; i < 1000; i++) await check();
  const rssBefore = rss();
  const started = performance.now();
  for (let i = 0; i < decodes; i++) await check();
  return { decodes, frameSize: '320×320', rssBefore, rssAfter: rss(), msPerDecode: (performance.now() - started) / decodes };
}

export async function soakOurs(decodes: number): Promise<SoakResult> {
  const engine = await createDecoderEngine('zxing-wasm');
  const frame = soakFrame();
  try {
    return await soak(decodes, async () => (await engine.decode(frame)).length);
  } finally {
    engine.close();
  }
}

/** The package's own readBarcodes on the same frame (given as RGBA, which is what it takes). */
export async function soakPackage(decodes: number): Promise<SoakResult> {
  await prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(await readFile(zxingWasmPath)).buffer }, fireImmediately: true });
  const frame = soakFrame();
  const rgba = new Uint8ClampedArray(frame.data.length * 4);
  frame.data.forEach((grey, i) => rgba.set([grey, grey, grey, 255], i * 4));
  const image = { width: frame.width, height: frame.height, data: rgba, colorSpace: 'srgb' } as unknown as Parameters<typeof readBarcodes>[0];
  return soak(decodes, async () => (await readBarcodes(image, { formats: ['QRCode'], tryRotate: false, tryDownscale: false })).length);
}
