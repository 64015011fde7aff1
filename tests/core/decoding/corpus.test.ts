import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecoderEngine, EngineName, LuminanceFrame } from '../../../shared/decoding/types';
import { judge, listCorpus, type CorpusImage } from '../../../bench/lib/corpus';
import { createDecoderEngine } from '../../../electron/core/decoding/create-engine';
import { readImage } from '../../../electron/core/media/image-reader';

// Minimum images decoded to exactly the expected text, per set, as measured with the default
// options (bench/results/decode.md), and the images where a code is read that is not the expected
// one. The only such image is zxing-cpp's copy of the nested double code, which expects the inner
// code (corpus README).
const expectations: Record<EngineName, Record<string, { min: number; wrong: string[] }>> = {
  'zxing-wasm': {
    'zxing-blackbox/qrcode-1': { min: 20, wrong: [] },
    'zxing-blackbox/qrcode-2': { min: 32, wrong: [] },
    'zxing-blackbox/qrcode-3': { min: 42, wrong: [] },
    'zxing-blackbox/qrcode-4': { min: 40, wrong: [] },
    'zxing-blackbox/qrcode-5': { min: 19, wrong: [] },
    'zxing-blackbox/qrcode-6': { min: 15, wrong: [] },
    'zxing-cpp-samples/qrcode-1': { min: 8, wrong: [] },
    'zxing-cpp-samples/qrcode-2': { min: 52, wrong: [] },
    'zxing-cpp-samples/qrcode-3': { min: 18, wrong: [] },
    'zxing-cpp-samples/qrcode-4': { min: 17, wrong: [] },
    'zxing-cpp-samples/qrcode-5': { min: 16, wrong: [] },
    'zxing-cpp-samples/qrcode-6': { min: 15, wrong: [] },
  },
  'zxing-js': {
    'zxing-blackbox/qrcode-1': { min: 17, wrong: [] },
    'zxing-blackbox/qrcode-2': { min: 29, wrong: [] },
    'zxing-blackbox/qrcode-3': { min: 38, wrong: [] },
    'zxing-blackbox/qrcode-4': { min: 36, wrong: [] },
    'zxing-blackbox/qrcode-5': { min: 19, wrong: [] },
    'zxing-blackbox/qrcode-6': { min: 15, wrong: [] },
    'zxing-cpp-samples/qrcode-1': { min: 6, wrong: [] },
    'zxing-cpp-samples/qrcode-2': { min: 37, wrong: ['16'] },
    'zxing-cpp-samples/qrcode-3': { min: 11, wrong: [] },
    'zxing-cpp-samples/qrcode-4': { min: 12, wrong: [] },
    'zxing-cpp-samples/qrcode-5': { min: 15, wrong: [] },
    'zxing-cpp-samples/qrcode-6': { min: 15, wrong: [] },
  },
};

let corpus: (CorpusImage & { frame: LuminanceFrame })[] = [];
beforeAll(async () => {
  corpus = await Promise.all(listCorpus().map(async (image) => ({ ...image, frame: await readImage(image.path) })));
});

describe.each(Object.keys(expectations) as EngineName[])('%s on the QR corpus', (name) => {
  let engine: DecoderEngine;
  beforeAll(async () => {
    engine = await createDecoderEngine(name);
  });
  afterAll(() => engine.close());

  it('decodes at least the measured number of images per set, with no unexpected wrong text', async () => {
    const outcome = new Map<string, { right: number; wrong: string[] }>();
    for (const image of corpus) {
      const key = `${image.source}/${image.set}`;
      const tally = outcome.get(key) ?? { right: 0, wrong: [] };
      outcome.set(key, tally);
      const verdict = judge(image.expected, (await engine.decode(image.frame)).map((code) => code.text));
      if (verdict === 'right') tally.right++;
      if (verdict === 'wrong') tally.wrong.push(image.name);
    }
    expect([...outcome.keys()].sort()).toEqual(Object.keys(expectations[name]).sort());
    for (const [set, { min, wrong }] of Object.entries(expectations[name])) {
      expect(outcome.get(set)?.right, set).toBeGreaterThanOrEqual(min);
      expect(outcome.get(set)?.wrong, set).toEqual(wrong);
    }
  });
});
