import { Worker } from 'node:worker_threads';
import { defaultEngineName, type DecodedCode, type DecodeOptions, type DecoderEngine, type EngineName, type LuminanceFrame } from '../../../shared/decoding/types';
import { giveBackFrameBuffer } from '../media/frame-buffers';
import type { DecodeRequest, WorkerInit, WorkerReply } from './worker-protocol';

export interface WorkerDecoderOptions extends DecodeOptions {
  engine?: EngineName;
  /** The worker's entry; a bundled build (Electron) passes its compiled decoder-worker file. */
  workerUrl?: URL;
}

const defaultWorkerUrl = new URL('./decoder-worker.ts', import.meta.url);

/**
 * A decoder engine running in a worker thread, so decoding never blocks the thread that owns the
 * cameras, the database and the bridge. Resolves once the engine is loaded in the worker.
 *
 * decode() takes ownership of `frame.data`: its buffer is transferred to the worker (no copy) and
 * is empty afterwards; once decoded it comes back to the frame buffers for the next frame
 * (media/frame-buffers.ts). Frames are decoded one at a time in the order given.
 */
export async function startWorkerDecoder(options: WorkerDecoderOptions = {}): Promise<DecoderEngine> {
  const { engine = defaultEngineName, workerUrl = defaultWorkerUrl, ...decodeOptions } = options;
  const worker = spawnWorker(workerUrl, { engine, options: decodeOptions });

  const pending = new Map<number, { resolve(codes: DecodedCode[]): void; reject(error: Error): void }>();
  let nextId = 0;
  let failure: Error | null = null;
  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  };

  await new Promise<void>((resolve, reject) => {
    worker.on('message', (message: WorkerReply) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'failed') {
        reject(new Error(`${engine} decoder: ${message.message}`));
        void worker.terminate();
      } else {
        const request = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'decoded') {
          giveBackFrameBuffer(message.data);
          request?.resolve(message.codes);
        }
        else request?.reject(new Error(`${engine} decoder: ${message.message}`));
      }
    });
    const crash = (error: Error) => {
      reject(error);
      failAll(error);
    };
    worker.on('error', (error) => crash(new Error(`${engine} decoder worker crashed: ${error.message}`)));
    worker.on('exit', (code) => crash(new Error(`${engine} decoder worker exited (code ${code})`)));
  });

  return {
    name: engine,
    decode(frame: LuminanceFrame) {
      if (failure) return Promise.reject(failure);
      // A view into a bigger buffer (or a shared one) cannot be handed over whole: copy just the frame.
      const whole = frame.data.byteOffset === 0 && frame.data.byteLength === frame.data.buffer.byteLength && frame.data.buffer instanceof ArrayBuffer;
      const data = whole ? frame.data : frame.data.slice();
      const id = nextId++;
      const request: DecodeRequest = { id, width: frame.width, height: frame.height, data };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(request, [data.buffer as ArrayBuffer]);
      });
    },
    close() {
      failAll(new Error(`the ${engine} decoder is closed`));
      void worker.terminate();
    },
  };
}

/**
 * Node 20 does not apply `--import tsx` to a worker's own entry file, so a TypeScript entry is
 * loaded by a one-line bootstrap that registers tsx first (the loader bin/station.js uses).
 */
function spawnWorker(url: URL, workerData: WorkerInit): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`, { eval: true, workerData });
}
