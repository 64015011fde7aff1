import { describe, expect, it, vi } from 'vitest';
import { startLaneRunner, type FoundCode } from '../../../electron/core/lanes/lane-runner';
import type { LaneSource, SourceItem } from '../../../electron/core/lanes/sources/source';
import { fakeCamera, fakeDecoder, markedFrame } from './fake-lanes';

const quickBackoff = { baseMs: 20, capMs: 100 };

describe('lane runner', () => {
  it('gives a camera that answered time to show its first picture, more than the silence allowed between pictures', async () => {
    vi.useFakeTimers();
    try {
      let opened = 0;
      // Answers at once, first picture after 12 s (a keyframe far away), then a frame a second.
      const slowFirstPicture: LaneSource = {
        kind: 'camera',
        async open(signal, progress) {
          opened++;
          progress?.connected();
          async function* frames(): AsyncGenerator<SourceItem, void> {
            await new Promise((resolve) => setTimeout(resolve, 12_000));
            for (;;) {
              yield { kind: 'frame', frame: markedFrame(1), capturedAt: Date.now() };
              await new Promise((resolve) => setTimeout(resolve, 1000));
              if (signal.aborted) return;
            }
          }
          const items = frames();
          return { items, close: async () => void (await items.return(undefined)) };
        },
      };
      const codes: FoundCode[] = [];
      const runner = startLaneRunner({ source: slowFirstPicture, startDecoder: async () => fakeDecoder(), onCode: (code) => codes.push(code), onChange() {} });
      await vi.advanceTimersByTimeAsync(6000);
      expect(runner.status()).toMatchObject({ phase: 'waiting-for-picture', restarts: 0 });
      await vi.advanceTimersByTimeAsync(8000);
      expect(runner.status()).toMatchObject({ phase: 'streaming', restarts: 0, lastError: null });
      expect(codes.length).toBeGreaterThan(0);
      expect(opened).toBe(1);
      // Silent past 5 s once streaming: that is a camera gone.
      const silent = startLaneRunner({ source: fakeCamera([1], 10).source, startDecoder: async () => fakeDecoder(), onCode() {}, onChange() {} });
      await vi.advanceTimersByTimeAsync(5100);
      expect(silent.status()).toMatchObject({ restarts: 1, lastError: 'no frame for 5 s' });
      // A camera that never answers gets its 10 s, and says so.
      const mute: LaneSource = { kind: 'camera', open: (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) };
      const waiting = startLaneRunner({ source: mute, startDecoder: async () => fakeDecoder(), onCode() {}, onChange() {} });
      await vi.advanceTimersByTimeAsync(9000);
      expect(waiting.status()).toMatchObject({ phase: 'connecting', restarts: 0 });
      await vi.advanceTimersByTimeAsync(1100);
      expect(waiting.status()).toMatchObject({ restarts: 1, lastError: 'the camera did not answer within 10 s' });
      const stopped = Promise.all([runner.stop(), silent.stop(), waiting.stop()]);
      await vi.advanceTimersByTimeAsync(5000);
      await stopped;
    } finally {
      vi.useRealTimers();
    }
  });

  it('restarts a camera that stops delivering frames, shows it in the status, and recovers', async () => {
    const camera = fakeCamera([0, 1, 0], 10);
    const codes: FoundCode[] = [];
    const runner = startLaneRunner({ source: camera.source, startDecoder: async () => fakeDecoder(), onCode: (code) => codes.push(code), onChange() {}, timeouts: { silenceMs: 150 }, backoff: quickBackoff });
    await vi.waitFor(() => expect(runner.status()).toMatchObject({ state: 'running', restarts: 1, lastError: 'no frame for 0.15 s' }), { timeout: 2000 });
    await vi.waitFor(() => expect(codes.length).toBeGreaterThanOrEqual(2));
    expect(camera.opened).toBeGreaterThanOrEqual(2);
    // Frame numbers keep counting across restarts.
    expect(codes.slice(0, 2).map((code) => code.frame)).toEqual([1, 4]);
    await runner.stop();
    expect(runner.status().state).toBe('stopped');
  });

  it('restarts a camera that ends or fails, with a growing backoff, and counts the restarts', async () => {
    // Fake time, so the gaps between attempts are the runner's waits and nothing else.
    vi.useFakeTimers();
    try {
      const openedAt: number[] = [];
      const failing: LaneSource = {
        kind: 'camera',
        async open() {
          openedAt.push(Date.now());
          throw new Error('cannot open /dev/video0: No such device');
        },
      };
      const waits = (from: number) => openedAt.slice(from + 1).map((at, index) => at - openedAt[from + index]!);
      // The backoff's full jitter drawing its longest, so each wait is its ceiling.
      vi.spyOn(Math, 'random').mockReturnValue(0.999);
      const changes = vi.fn();
      const runner = startLaneRunner({ source: failing, startDecoder: async () => fakeDecoder(), onCode() {}, onChange: changes, backoff: quickBackoff });
      // 20 ms doubling to the 100 ms cap, then held there.
      const ceilings = [20, 40, 80, 100, 100, 100];
      await vi.advanceTimersByTimeAsync(ceilings.reduce((sum, ceiling) => sum + ceiling));
      expect(waits(0)).toHaveLength(ceilings.length);
      waits(0).forEach((wait, attempt) => {
        expect(wait, `wait after attempt ${attempt}`).toBeGreaterThan(ceilings[attempt]! * 0.95);
        expect(wait, `wait after attempt ${attempt}`).toBeLessThanOrEqual(ceilings[attempt]!);
      });
      expect(runner.status()).toMatchObject({ state: 'restarting', restarts: openedAt.length, lastError: 'cannot open /dev/video0: No such device' });
      expect(changes).toHaveBeenCalled();

      // Whatever the jitter draws, a wait is at least the base (never a tight loop) and at most the cap.
      vi.mocked(Math.random).mockRestore();
      const jitteredFrom = openedAt.length;
      await vi.advanceTimersByTimeAsync(5000);
      expect(waits(jitteredFrom).length).toBeGreaterThan(40);
      for (const wait of waits(jitteredFrom)) {
        expect(wait).toBeGreaterThanOrEqual(quickBackoff.baseMs);
        expect(wait).toBeLessThanOrEqual(quickBackoff.capMs);
      }

      await runner.stop();
      const opensAtStop = openedAt.length;
      await vi.advanceTimersByTimeAsync(quickBackoff.capMs * 3);
      expect(openedAt).toHaveLength(opensAtStop);
      expect(runner.status().restarts).toBe(opensAtStop);
    } finally {
      vi.useRealTimers();
      vi.restoreAllMocks();
    }

    const ending = fakeCamera([1], 5, { endEachRun: true });
    const runner2 = startLaneRunner({ source: ending.source, startDecoder: async () => fakeDecoder(), onCode() {}, onChange() {}, backoff: quickBackoff });
    await vi.waitFor(() => expect(runner2.status().restarts).toBeGreaterThanOrEqual(2));
    expect(runner2.status().lastError).toBe('the source ended');
    await runner2.stop();
  });

  it('under load the newest frame wins: stale frames are dropped and counted, never queued', async () => {
    const camera = fakeCamera(Array.from({ length: 40 }, (_, i) => (i === 39 ? 7 : 0)), 2, { endEachRun: false });
    const codes: FoundCode[] = [];
    const runner = startLaneRunner({ source: camera.source, startDecoder: async () => fakeDecoder(25), onCode: (code) => codes.push(code), onChange() {}, timeouts: { silenceMs: 10_000 } });
    await vi.waitFor(() => expect(codes.map((code) => code.text)).toEqual(['CODE-7']), { timeout: 3000 });
    const status = runner.status();
    // 40 frames at ~2 ms each against a 25 ms decoder: most are skipped, and the last one is decoded.
    expect(status.drops).toBeGreaterThan(20);
    expect(codes[0]!.frame).toBe(39);
    expect(codes[0]!.decodedAt - codes[0]!.capturedAt).toBeLessThan(200);
    await runner.stop();
  });

  it('a file is read no faster than it is decoded (nothing dropped) and ends the lane', async () => {
    const marks = [0, 1, 1, 0, 2, 0, 3];
    const file: LaneSource = {
      kind: 'file',
      async open() {
        async function* frames() {
          for (const [index, mark] of marks.entries()) yield { kind: 'frame' as const, frame: markedFrame(mark), capturedAt: 1000 + index * 66 };
        }
        const items = frames();
        return { items, close: async () => void (await items.return(undefined)) };
      },
    };
    const codes: FoundCode[] = [];
    const runner = startLaneRunner({ source: file, startDecoder: async () => fakeDecoder(5), onCode: (code) => codes.push(code), onChange() {} });
    await runner.finished;
    expect(codes.map((code) => [code.text, code.frame, code.capturedAt])).toEqual([
      ['CODE-1', 1, 1066],
      ['CODE-1', 2, 1132],
      ['CODE-2', 4, 1264],
      ['CODE-3', 6, 1396],
    ]);
    expect(runner.status()).toMatchObject({ state: 'ended', drops: 0, restarts: 0, lastError: null });
  });

  it('a file whose decoder breaks fails the lane instead of replaying it', async () => {
    const file: LaneSource = {
      kind: 'file',
      async open() {
        async function* frames() {
          yield { kind: 'frame' as const, frame: markedFrame(1), capturedAt: 0 };
          yield { kind: 'frame' as const, frame: markedFrame(1), capturedAt: 66 };
        }
        const items = frames();
        return { items, close: async () => void (await items.return(undefined)) };
      },
    };
    const broken = { ...fakeDecoder(), decode: () => Promise.reject(new Error('zxing-wasm decoder worker exited (code 1)')) };
    const runner = startLaneRunner({ source: file, startDecoder: async () => broken, onCode() {}, onChange() {} });
    await runner.finished;
    expect(runner.status()).toMatchObject({ state: 'failed', lastError: 'zxing-wasm decoder worker exited (code 1)', restarts: 0 });
  });
});
