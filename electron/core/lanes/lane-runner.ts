import type { LaneRunState } from '../../../shared/contract/lanes';
import type { CodePosition, DecoderEngine, LuminanceFrame } from '../../../shared/decoding/types';
import { backoffDelayMs } from '../sync/backoff';
import { LatestSlot } from './latest-slot';
import { createRateMeter } from './rate-meter';
import type { LaneSource, OpenedSource, SourceItem } from './sources/source';

/** A code found on a lane, by the core's decoder or a scanner. Times are epoch ms. */
export interface FoundCode {
  text: string;
  /** The lane's frame number (counting from 0 since the lane started); null for a scanner's code. */
  frame: number | null;
  capturedAt: number;
  decodedAt: number;
  position: CodePosition | null;
  frameSize: { width: number; height: number } | null;
}

export interface LaneRunnerOptions {
  source: LaneSource;
  /** Started at the first frame, kept across source restarts, replaced if it fails. */
  startDecoder(): Promise<DecoderEngine>;
  onCode(code: FoundCode): void;
  /** State, error or restart count changed. */
  onChange(): void;
  /** A camera silent for this long is restarted. Default 5 s. */
  stallTimeoutMs?: number;
  backoff?: { baseMs: number; capMs: number };
}

export interface LaneRunnerStatus {
  state: LaneRunState;
  fpsIn: number;
  fpsDecoded: number;
  drops: number;
  lastError: string | null;
  restarts: number;
}

type Frame = { frame: LuminanceFrame; capturedAt: number; index: number };

const closeTimeoutMs = 2000;

/**
 * Runs one lane's source under a watchdog: frames go to the decoder through a newest-wins slot
 * (files wait instead), found codes go to `onCode`. A source that fails, ends (cameras) or stops
 * delivering is reopened after an exponential backoff; a file ends the lane at its end.
 */
export function startLaneRunner(options: LaneRunnerOptions) {
  const { source, stallTimeoutMs = 5000, backoff = { baseMs: 500, capMs: 30_000 } } = options;
  const fpsIn = createRateMeter();
  const fpsDecoded = createRateMeter();
  let state: LaneRunState = 'starting';
  let drops = 0;
  let restarts = 0;
  let lastError: string | null = null;
  let framesIn = 0;
  let decoder: Promise<DecoderEngine> | null = null;
  const stopping = new AbortController();

  const change = (next: LaneRunState) => {
    state = next;
    options.onChange();
  };

  async function supervise(): Promise<void> {
    for (let attempt = 0; !stopping.signal.aborted; attempt++) {
      const outcome = await runOnce();
      if (stopping.signal.aborted) break;
      if (outcome.delivered) attempt = 0;
      if (source.kind === 'file') {
        lastError = outcome.error?.message ?? null;
        return change(outcome.error ? 'failed' : 'ended');
      }
      lastError = outcome.error?.message ?? 'the source ended';
      restarts++;
      change('restarting');
      await sleep(backoffDelayMs(attempt, { ...backoff, retryAfterMs: backoff.baseMs, random: Math.random }), stopping.signal);
    }
  }

  /** One life of the source: open, pump until it ends or fails, close. */
  async function runOnce(): Promise<{ error: Error | null; delivered: boolean }> {
    const run = new AbortController();
    const abortRun = () => run.abort(new Error('stopped'));
    stopping.signal.addEventListener('abort', abortRun);
    const slot = new LatestSlot<Frame>();
    const decoding = decodeLoop(slot).catch((error: unknown) => run.abort(error));
    let opened: OpenedSource | null = null;
    let delivered = false;
    let error: Error | null = null;
    try {
      opened = await step(source.open(run.signal), run);
      change('running');
      if (source.kind !== 'scanner' && decoder === null) {
        // Loaded while the first frames come, so the first code does not wait for the wasm to compile;
        // a failure to start surfaces at the first decode.
        decoder = options.startDecoder();
        decoder.catch(() => undefined);
      }
      for (let next = await step(opened.items.next(), run); !next.done; next = await step(opened.items.next(), run)) {
        delivered = true;
        await step(deliver(next.value, slot), run);
      }
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    stopping.signal.removeEventListener('abort', abortRun);
    // At the end of a file what is in the slot is still decoded; after a failure it is stale.
    slot.close(error === null);
    await decoding;
    // The decoder may have failed on the last frames of a file, after the source itself ended.
    if (error === null && run.signal.aborted) error = reasonOf(run.signal);
    // Aborting kills a source still blocked in a read (a stalled ffmpeg); one that ignores it must
    // not hold the lane (or the station's shutdown) hostage, hence the bounded wait.
    run.abort(new Error('closed'));
    await Promise.race([opened?.close().catch(() => undefined), closeTimeout()]);
    return { error, delivered };
  }

  async function deliver(item: SourceItem, slot: LatestSlot<Frame>): Promise<void> {
    if (item.kind === 'code') {
      options.onCode({ text: item.text, frame: null, capturedAt: item.capturedAt, decodedAt: item.capturedAt, position: null, frameSize: null });
      return;
    }
    fpsIn.tick();
    const frame = { frame: item.frame, capturedAt: item.capturedAt, index: framesIn++ };
    if (source.kind === 'file') await slot.putAndWait(frame);
    else if (slot.put(frame)) drops++;
  }

  async function decodeLoop(slot: LatestSlot<Frame>): Promise<void> {
    for (let item = await slot.take(); item !== null; item = await slot.take()) {
      decoder ??= options.startDecoder();
      const { width, height } = item.frame;
      let codes;
      try {
        codes = await (await decoder).decode(item.frame);
      } catch (error) {
        void decoder.then((engine) => engine.close()).catch(() => undefined);
        decoder = null;
        throw error;
      }
      const decodedAt = Date.now();
      fpsDecoded.tick();
      for (const code of codes) {
        options.onCode({ text: code.text, frame: item.index, capturedAt: item.capturedAt, decodedAt, position: code.position, frameSize: { width, height } });
      }
    }
  }

  /** Races a step of the run against its abort and, for a camera, the watchdog's stall timer. */
  function step<T>(work: Promise<T>, run: AbortController): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = source.kind === 'camera' ? setTimeout(() => run.abort(new Error(`no frame for ${stallTimeoutMs / 1000} s`)), stallTimeoutMs) : undefined;
      const onAbort = () => reject(reasonOf(run.signal));
      if (run.signal.aborted) return onAbort();
      run.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        run.signal.removeEventListener('abort', onAbort);
      });
    });
  }

  const finished = supervise();

  return {
    status(): LaneRunnerStatus {
      return { state, fpsIn: fpsIn.perSecond(), fpsDecoded: fpsDecoded.perSecond(), drops, lastError, restarts };
    },
    /** Resolves when a file lane ended or failed, or once stopped. */
    finished,
    async stop(): Promise<void> {
      stopping.abort();
      await finished;
      await decoder?.then((engine) => engine.close()).catch(() => undefined);
      decoder = null;
      if (state !== 'ended' && state !== 'failed') change('stopped');
    },
  };
}

export type LaneRunner = ReturnType<typeof startLaneRunner>;

function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason));
}

/** Never keeps the process alive by itself (a `station run` ending). */
const closeTimeout = () => new Promise<void>((resolve) => setTimeout(resolve, closeTimeoutMs).unref());

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
