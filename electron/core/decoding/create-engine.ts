import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { DecodeOptions, DecoderEngine, EngineName } from '../../../shared/decoding/types';
import { createZxingJsEngine } from '../../../shared/decoding/zxing-js-engine';
import { createZxingWasmEngine } from '../../../shared/decoding/zxing-wasm-engine';

/** The installed package's own file: the decoder never downloads anything. */
export const zxingWasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

/** Creates an engine in this thread, giving it what it needs from the disk. */
export async function createDecoderEngine(name: EngineName, options: DecodeOptions = {}): Promise<DecoderEngine> {
  switch (name) {
    case 'zxing-wasm':
      return createZxingWasmEngine({ ...options, wasmBinary: await readFile(zxingWasmPath) });
    case 'zxing-js':
      return createZxingJsEngine(options);
  }
}
