// The webcam decoder, off the UI thread: the zxing-wasm engine (shared with the core) on grey frames
// taken from the video. The .wasm is the installed package's file, bundled by Vite as an asset.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecodedCode, DecoderEngine } from '../../../shared/decoding/types';
import { createZxingWasmEngine } from '../../../shared/decoding/zxing-wasm-engine';

export interface DecodeRequest {
  bitmap: ImageBitmap;
}
export type DecodeReply = { ok: true; codes: DecodedCode[]; width: number; height: number } | { ok: false; message: string };

/** The bits of a dedicated worker's global scope we use (the renderer's tsconfig has the DOM lib, not WebWorker). */
const scope = self as unknown as { onmessage: ((event: MessageEvent<DecodeRequest>) => void) | null; postMessage(reply: DecodeReply): void };

let engine: Promise<DecoderEngine> | null = null;
let canvas: OffscreenCanvas | null = null;

async function loadEngine(): Promise<DecoderEngine> {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`cannot load the decoder: HTTP ${response.status}`);
  return createZxingWasmEngine({ wasmBinary: await response.arrayBuffer() });
}

/** The frame's luma (BT.601), the plane a camera's Y channel would have given. */
function greyPixels(bitmap: ImageBitmap): Uint8Array {
  const { width, height } = bitmap;
  if (canvas === null || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = (rgba[p]! * 77 + rgba[p + 1]! * 150 + rgba[p + 2]! * 29) >> 8;
  return grey;
}

scope.onmessage = async ({ data: { bitmap } }) => {
  try {
    engine ??= loadEngine();
    const { width, height } = bitmap;
    const codes = await (await engine).decode({ width, height, data: greyPixels(bitmap) });
    scope.postMessage({ ok: true, codes, width, height });
  } catch (error) {
    engine = null;
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
