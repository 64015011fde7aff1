import type { DecoderEngine, LuminanceFrame } from '../../../shared/decoding/types';
import type { LaneSource, SourceItem } from '../../../electron/core/lanes/sources/source';

/** A tiny frame whose first byte says which code it shows (0 = none): what the fake decoder reads. */
export function markedFrame(code: number): LuminanceFrame {
  return { width: 4, height: 2, data: new Uint8Array(8).fill(code) };
}

/** Reads the mark of markedFrame as the code `CODE-<n>`, after `delayMs` (a slow decoder). */
export function fakeDecoder(delayMs = 0): DecoderEngine {
  return {
    name: 'zxing-wasm',
    async decode(frame) {
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      const mark = frame.data[0] ?? 0;
      if (mark === 0) return [];
      const corner = { x: 1, y: 1 };
      return [{ text: `CODE-${mark}`, position: { topLeft: corner, topRight: corner, bottomRight: corner, bottomLeft: corner }, inverted: false, ecLevel: null }];
    },
    close() {},
  };
}

/**
 * A camera that delivers `marks` (one frame each, every `intervalMs`) on each opening, then goes
 * silent without ending — a camera unplugged mid-stream — unless `endEachRun`.
 */
export function fakeCamera(marks: number[], intervalMs: number, options: { endEachRun?: boolean } = {}) {
  const camera = { opened: 0 };
  const source: LaneSource = {
    kind: 'camera',
    async open(signal) {
      camera.opened++;
      async function* frames(): AsyncGenerator<SourceItem, void> {
        for (const mark of marks) {
          await new Promise((resolve) => setTimeout(resolve, intervalMs));
          yield { kind: 'frame', frame: markedFrame(mark), capturedAt: Date.now() };
        }
        if (!options.endEachRun) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      }
      const items = frames();
      return { items, close: async () => void (await items.return(undefined)) };
    },
  };
  return Object.assign(camera, { source });
}
