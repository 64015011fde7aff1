import type { DecodedCode, DecodeOptions, EngineName } from '../../../shared/decoding/types';

/** Given to the worker at start (workerData). */
export interface WorkerInit {
  engine: EngineName;
  options: DecodeOptions;
}

/** A frame to decode; its pixel buffer is transferred, not copied. */
export interface DecodeRequest {
  id: number;
  width: number;
  height: number;
  data: Uint8Array;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  /** `data` is the request's frame buffer, handed back for the next frame. */
  | { type: 'decoded'; id: number; codes: DecodedCode[]; data: Uint8Array }
  | { type: 'error'; id: number; message: string };
