// The worker-thread side of worker-decoder.ts: one engine, frames decoded in the order they come.
import { parentPort, workerData } from 'node:worker_threads';
import { createDecoderEngine } from './create-engine';
import type { DecodeRequest, WorkerInit, WorkerReply } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('decoder-worker.ts runs only as a worker thread');
const reply = (message: WorkerReply) => port.postMessage(message);
const { engine: name, options } = workerData as WorkerInit;

try {
  const engine = await createDecoderEngine(name, options);
  port.on('message', async ({ id, width, height, data }: DecodeRequest) => {
    try {
      const codes = await engine.decode({ width, height, data });
      port.postMessage({ type: 'decoded', id, codes, data } satisfies WorkerReply, [data.buffer as ArrayBuffer]);
    } catch (error) {
      reply({ type: 'error', id, message: (error as Error).message });
    }
  });
  reply({ type: 'ready' });
} catch (error) {
  reply({ type: 'failed', message: (error as Error).message });
}
