import type { LanePhase, LaneRunState } from '../../../shared/contract/lanes';
import type { CodePosition, DecoderEngine, LuminanceFrame } from '../../../shared/decoding/types';
import { giveBackFrameBuffer } from '../media/frame-buffers';
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
  /** How long a camera may take to answer, then to show a first picture, then between pictures. */
  timeouts?: Partial<LaneTimeouts>;
  backoff?: { baseMs: number; capMs: number };
}

export interface LaneTimeouts {
  connectMs: number;
  firstFrameMs: number;
  silenceMs: number;
}

/**
 * Opening is not stalling: a camera gets 10 s to answer and then 20 s for its first picture (a
 * camera with an 8 s keyframe interval joined mid-stream shows nothing until its next keyframe);
 * once it streams, 5 s without a frame means it is gone.
 */
export const DEFAULT_LANE_TIMEOUTS: LaneTimeouts = { connectMs: 10_000, firstFrameMs: 20_000, silenceMs: 5_000 };

export interface LaneRunnerStatus {
  state: LaneRunState;
  /** Where a running camera is: still connecting, connected and waiting for a picture, or streaming; null otherwise. */
  phase: LanePhase | null;
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
  const { source, backoff = { baseMs: 500, capMs: 30_000 } } = options;
  const timeouts = { ...DEFAULT_LANE_TIMEOUTS, ...options.timeouts };
  const fpsIn = createRateMeter();
  const fpsDecoded = createRateMeter();
  let state: LaneRunState = 'starting';
  let phase: LanePhase | null = null;
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
    if (source.kind !== 'scanner' && decoder === null) {
      // Started before the source opens, so the first frames do not wait for the wasm to compile
      // (a camera's newest-wins hand-off would drop them); a failure to start surfaces at the first decode.
      decoder = options.startDecoder();
      decoder.catch(() => undefined);
    }
    const slot = new LatestSlot<Frame>((dropped) => giveBackFrameBuffer(dropped.frame.data));
    const decoding = decodeLoop(slot).catch((error: unknown) => run.abort(error));
    const watchdog = createWatchdog(run);
    const connected = () => {
      if (phase === 'connecting') enterPhase('waiting-for-picture', watchdog);
    };
    let opened: OpenedSource | null = null;
    let delivered = false;
    let error: Error | null = null;
    try {
      enterPhase('connecting', watchdog);
      opened = await step(source.open(run.signal, { connected }), run);
      connected();
      change('running');
      for (let next = await step(opened.items.next(), run); !next.done; next = await step(opened.items.next(), run)) {
        if (!delivered) enterPhase('streaming', watchdog);
        delivered = true;
        watchdog.arm(timeouts.silenceMs, `no frame for ${timeouts.silenceMs / 1000} s`);
        await step(deliver(next.value, slot), run);
      }
    } catch (caught) {
      error = caught instanceof Error ? caught : new Error(String(caught));
    }
    watchdog.disarm();
    phase = null;
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
      // Restarted here after a decoder failed.
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

  /** A source's phase, with the watchdog's limit for it. */
  function enterPhase(next: LanePhase, watchdog: Watchdog): void {
    phase = next;
    if (next === 'connecting') watchdog.arm(timeouts.connectMs, `the camera did not answer within ${timeouts.connectMs / 1000} s`);
    if (next === 'waiting-for-picture') watchdog.arm(timeouts.firstFrameMs, `the camera answered but sent no picture within ${timeouts.firstFrameMs / 1000} s`);
    options.onChange();
  }

  /**
   * Aborts the run when an armed limit passes; re-arming replaces the limit. Cameras only: a file
   * is read as fast as it decodes, and a scanner is silent between scans.
   */
  function createWatchdog(run: AbortController) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
      arm(ms: number, reason: string) {
        if (source.kind !== 'camera') return;
        clearTimeout(timer);
        timer = setTimeout(() => run.abort(new Error(reason)), ms);
      },
      disarm: () => clearTimeout(timer),
    };
  }
  type Watchdog = ReturnType<typeof createWatchdog>;

  /** Races a step of the run against its abort (a stop, a failed decoder or the watchdog). */
  function step<T>(work: Promise<T>, run: AbortController): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(reasonOf(run.signal));
      if (run.signal.aborted) return onAbort();
      run.signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => run.signal.removeEventListener('abort', onAbort));
    });
  }

  const finished = supervise();

  return {
    status(): LaneRunnerStatus {
      return { state, phase, fpsIn: fpsIn.perSecond(), fpsDecoded: fpsDecoded.perSecond(), drops, lastError, restarts };
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
