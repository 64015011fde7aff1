import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecoderEngine, LuminanceFrame } from '../../../shared/decoding/types';
import { startWorkerDecoder } from '../../../electron/core/decoding/worker-decoder';
import { takeFrameBuffer } from '../../../electron/core/media/frame-buffers';
import { drawQrCode } from '../../../scripts/make-test-video';

function frameWith(text: string | null): LuminanceFrame {
  const frame = { width: 320, height: 240, data: new Uint8Array(320 * 240).fill(180) };
  if (text) drawQrCode(frame, text, { cx: 160, cy: 120, moduleSize: 3 });
  return frame;
}

describe.each(['zxing-wasm', 'zxing-js'] as const)('worker-thread decoder (%s)', (engine) => {
  let decoder: DecoderEngine;
  beforeAll(async () => {
    decoder = await startWorkerDecoder({ engine });
  });
  afterAll(() => decoder.close());

  it('decodes off this thread, taking over the frame buffer instead of copying it', async () => {
    const frame = frameWith('Bùi Thu Trang');
    const codes = await decoder.decode(frame);
    expect(decoder.name).toBe(engine);
    expect(codes).toMatchObject([{ text: 'Bùi Thu Trang', inverted: false, ecLevel: 'M' }]);
    expect(codes[0]!.position.topLeft.x).toBeGreaterThan(100);
    expect(frame.data.byteLength).toBe(0);
  });

  it('hands the frame buffer back once decoded, for the next frame of that size', async () => {
    const frame = frameWith('Đỗ Minh Hà');
    frame.data[0] = 7; // a mark in the quiet zone
    const sent = frame.data.slice();
    await decoder.decode(frame);
    const next = takeFrameBuffer(sent.length);
    expect(next).toEqual(sent);
    expect(takeFrameBuffer(sent.length)).not.toBe(next);
  });

  it('copies a frame that is a view into a bigger buffer, leaving that buffer alone', async () => {
    const big = new Uint8Array(320 * 240 + 16);
    big.set(frameWith('Ngô Bảo Long').data, 16);
    const codes = await decoder.decode({ width: 320, height: 240, data: big.subarray(16) });
    expect(codes.map((code) => code.text)).toEqual(['Ngô Bảo Long']);
    expect(big.byteLength).toBe(320 * 240 + 16);
  });

  it('answers frames sent together in order, and survives a bad frame', async () => {
    const answers = await Promise.allSettled([
      decoder.decode(frameWith('một')),
      decoder.decode({ width: 10, height: 10, data: new Uint8Array(5) }),
      decoder.decode(frameWith(null)),
      decoder.decode(frameWith('ba')),
    ]);
    expect(answers.map((answer) => (answer.status === 'fulfilled' ? answer.value.map((code) => code.text) : String(answer.reason)))).toEqual([
      ['một'],
      `Error: ${engine} decoder: frame 10×10 needs 100 bytes, got 5`,
      [],
      ['ba'],
    ]);
  });
});

describe('worker-thread decoder lifecycle', () => {
  it('rejects what is pending and what comes after close()', async () => {
    const decoder = await startWorkerDecoder({ engine: 'zxing-wasm' });
    const pending = decoder.decode(frameWith('Đặng Văn Nam'));
    decoder.close();
    await expect(pending).rejects.toThrow('the zxing-wasm decoder is closed');
    await expect(decoder.decode(frameWith(null))).rejects.toThrow('the zxing-wasm decoder is closed');
  });

  it('fails to start with a clear error when the worker cannot load', async () => {
    await expect(startWorkerDecoder({ workerUrl: new URL('./no-such-worker.ts', import.meta.url) })).rejects.toThrow(/decoder worker crashed: .*no-such-worker/);
  });
});
