import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareZXingModule } from 'zxing-wasm/reader';
import type { DecodeOptions, DecoderEngine, LuminanceFrame } from '../../../shared/decoding/types';
import { createZxingJsEngine } from '../../../shared/decoding/zxing-js-engine';
import { createZxingWasmEngine } from '../../../shared/decoding/zxing-wasm-engine';
import { drawQrCode, type QrPlacement } from '../../../scripts/make-test-video';

const wasmBinary = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
// How each engine is asked to find two same-size codes: zxing-js needs its extra passes for it.
const engines = {
  'zxing-wasm': { create: (options: DecodeOptions = {}) => createZxingWasmEngine({ ...options, wasmBinary }), twoCodes: {} },
  'zxing-js': { create: async (options: DecodeOptions = {}) => createZxingJsEngine(options), twoCodes: { tryHarder: true } },
};

function frameWith(codes: { text: string; placement: QrPlacement }[], width = 640, height = 360): LuminanceFrame {
  const frame = { width, height, data: new Uint8Array(width * height).fill(170) };
  for (const { text, placement } of codes) drawQrCode(frame, text, placement);
  return frame;
}

const vietnamese = [
  'Nguyễn Văn Đông',
  'Đ',
  'ô',
  'Trần Thị Ánh Tuyết — Hồ Chí Minh',
  '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021',
];

describe.each(Object.entries(engines))('%s engine', (name, { create, twoCodes }) => {
  const opened: DecoderEngine[] = [];
  const open = async (options?: DecodeOptions) => {
    const engine = await create(options);
    opened.push(engine);
    return engine;
  };
  afterAll(() => opened.forEach((engine) => engine.close()));

  it('reads Vietnamese text from byte-mode codes without ECI as UTF-8', async () => {
    const engine = await open();
    expect(engine.name).toBe(name);
    for (const text of vietnamese) {
      const codes = await engine.decode(frameWith([{ text, placement: { cx: 320, cy: 180, moduleSize: 3 } }]));
      expect(codes.map((code) => code.text)).toEqual([text]);
    }
  });

  it('reports where the code is, its corners in symbol order, and its EC level', async () => {
    const text = 'Nguyễn Văn Đông';
    const modules = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size;
    const [code] = await (await open()).decode(frameWith([{ text, placement: { cx: 300, cy: 170, moduleSize: 4 } }]));
    const half = (modules * 4) / 2;
    const near = (point: { x: number; y: number } | undefined, x: number, y: number) => {
      expect(Math.abs(point!.x - x)).toBeLessThan(6);
      expect(Math.abs(point!.y - y)).toBeLessThan(6);
    };
    near(code?.position.topLeft, 300 - half, 170 - half);
    near(code?.position.topRight, 300 + half, 170 - half);
    near(code?.position.bottomRight, 300 + half, 170 + half);
    near(code?.position.bottomLeft, 300 - half, 170 + half);
    expect(code?.ecLevel).toBe('M');
    expect(code?.inverted).toBe(false);
  });

  it('finds an inverted code (light modules on dark), and says so', async () => {
    const frame = frameWith([{ text: 'Chế độ tối', placement: { cx: 320, cy: 180, moduleSize: 4, inverted: true } }]);
    expect(await (await open()).decode(frame)).toMatchObject([{ text: 'Chế độ tối', inverted: true }]);
    expect(await (await open({ tryInverted: false })).decode(frame)).toEqual([]);
  });

  it('finds two codes in one frame, each once', async () => {
    const frame = frameWith([
      { text: 'Làn 1: Phạm Minh Quân', placement: { cx: 160, cy: 180, moduleSize: 4, angle: 10 } },
      { text: 'Làn 1: Lê Thị Hạnh', placement: { cx: 480, cy: 180, moduleSize: 4, angle: -5 } },
    ]);
    const codes = await (await open(twoCodes)).decode(frame);
    expect(codes.map((code) => code.text).sort()).toEqual(['Làn 1: Lê Thị Hạnh', 'Làn 1: Phạm Minh Quân']);
    const [left, right] = [...codes].sort((a, b) => a.position.topLeft.x - b.position.topLeft.x);
    expect(left?.text).toBe('Làn 1: Phạm Minh Quân');
    expect(right?.text).toBe('Làn 1: Lê Thị Hạnh');
    expect(await (await open({ ...twoCodes, maxCodes: 1 })).decode(frame)).toHaveLength(1);
  });

  it('finds nothing in an empty frame, and leaves the frame untouched', async () => {
    const engine = await open();
    expect(await engine.decode(frameWith([]))).toEqual([]);
    const frame = frameWith([
      { text: 'một', placement: { cx: 160, cy: 180, moduleSize: 4 } },
      { text: 'hai', placement: { cx: 480, cy: 180, moduleSize: 4 } },
    ]);
    const before = frame.data.slice();
    await engine.decode(frame);
    expect(frame.data).toEqual(before);
  });

  it('refuses a frame whose buffer does not match its size, and any frame once closed', async () => {
    const engine = await open();
    await expect(engine.decode({ width: 100, height: 100, data: new Uint8Array(99 * 100) })).rejects.toThrow(/needs 10000 bytes, got 9900/);
    await expect(engine.decode({ width: 0, height: 10, data: new Uint8Array(0) })).rejects.toThrow(RangeError);
    engine.close();
    await expect(engine.decode(frameWith([]))).rejects.toThrow(/closed/);
  });
});

describe('zxing-wasm engine memory', () => {
  it('deletes every result vector it gets from the wasm side (readBarcodes leaks them)', async () => {
    const binary = new Uint8Array(wasmBinary).buffer;
    const engine = await createZxingWasmEngine({ wasmBinary: binary });
    // The same binary gives back the engine's own module instance (zxing-wasm caches it).
    const module = (await prepareZXingModule({ overrides: { wasmBinary: binary }, fireImmediately: true })) as unknown as {
      readBarcodesFromPixmap: (...args: unknown[]) => { isDeleted(): boolean };
    };
    const read = module.readBarcodesFromPixmap.bind(module);
    const vectors: { isDeleted(): boolean }[] = [];
    module.readBarcodesFromPixmap = (...args) => {
      const vector = read(...args);
      vectors.push(vector);
      return vector;
    };
    const frames = [frameWith([{ text: 'Đinh Thị Huyền', placement: { cx: 200, cy: 180, moduleSize: 3 } }]), frameWith([]), frameWith([{ text: 'âm bản', placement: { cx: 300, cy: 180, moduleSize: 3, inverted: true } }])];
    for (const frame of frames) await engine.decode(frame);
    await expect(engine.decode({ width: 2, height: 2, data: new Uint8Array(3) })).rejects.toThrow();
    expect(vectors.length).toBeGreaterThanOrEqual(frames.length);
    expect(vectors.every((vector) => vector.isDeleted())).toBe(true);
    engine.close();
  });
});
