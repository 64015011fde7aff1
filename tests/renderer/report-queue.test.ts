import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStationClient, type Transport } from '../../shared/contract/client';
import type { ReportDecodedCode } from '../../shared/contract/lanes';
import { createReportQueue, type ReportQueueLimits, type Sighting } from '../../renderer/src/lanes/report-queue';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeEach(() => vi.useFakeTimers({ now: 1_700_000_000_000 }));
afterEach(() => vi.useRealTimers());

/**
 * The core behind a flaky link: each lane's calls fail as the WebSocket transport fails them
 * ('bridge closed') while that lane is down, and are acknowledged once it is up. Everything that
 * reached the core is kept, with when it arrived and how many calls were in flight at once.
 */
function flakyCore({ failFirst = 0 }: { failFirst?: number } = {}) {
  const down = new Set<string>();
  const received: { report: ReportDecodedCode; at: number }[] = [];
  const refusals = new Map<string, unknown>();
  const acknowledged: string[] = [];
  let failuresLeft = failFirst;
  let inFlight = 0;
  let maxInFlight = 0;
  const transport: Transport = {
    async invoke(command, input) {
      expect(command).toBe('reportDecodedCode');
      const report = input as ReportDecodedCode;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // An answer takes a moment, so calls that overlap would show up in maxInFlight.
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      received.push({ report, at: Date.now() });
      if (failuresLeft > 0 || down.has(report.laneId)) {
        failuresLeft--;
        throw new Error('bridge closed');
      }
      const refusal = refusals.get(report.text);
      if (refusal !== undefined) return refusal;
      acknowledged.push(report.text);
      return { ok: true, value: { duplicate: false } };
    },
    subscribe: () => () => undefined,
  };
  return {
    client: createStationClient(transport, () => undefined),
    down,
    refusals,
    received,
    /** Texts the core acknowledged, in the order it did. */
    acknowledged,
    maxInFlight: () => maxInFlight,
  };
}

function sighting(laneId: string, text: string): Sighting {
  return { laneId, text, capturedAt: Date.now(), decodedAt: Date.now(), position: null, frameSize: null };
}

const limits: ReportQueueLimits = { maxWaiting: 256, baseDelayMs: 200, capDelayMs: 2000 };

describe('report queue (renderer → core)', () => {
  it('a report that fails 6 times is sent again with the same id, backing off, until the core acknowledges it; then never again', async () => {
    const core = flakyCore({ failFirst: 6 });
    const queue = createReportQueue(core.client, limits);
    queue.report(sighting('kb', 'card-1'));
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.lane('kb')).toEqual({ waiting: 1, dropped: null });

    await vi.advanceTimersByTimeAsync(60_000);
    expect(core.received).toHaveLength(7);
    const ids = new Set(core.received.map(({ report }) => report.reportId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(uuid);
    // 5 ms for each answer, then the backoff: 200, 400, 800, 1600, then the 2000 ms cap.
    const gaps = core.received.slice(1).map(({ at }, index) => at - core.received[index]!.at - 5);
    expect(gaps).toEqual([200, 400, 800, 1600, 2000, 2000]);
    expect(queue.lane('kb')).toEqual({ waiting: 0, dropped: null });
  });

  it('per lane: one report at a time, in the order seen; a lane that is down does not hold up another', async () => {
    const core = flakyCore();
    const queue = createReportQueue(core.client, limits);
    core.down.add('kb');
    for (const text of ['a1', 'a2', 'a3']) queue.report(sighting('kb', text));
    queue.report(sighting('cam', 'b1'));
    queue.report(sighting('cam', 'b1')); // the same code again: a sighting of its own, with its own id
    await vi.advanceTimersByTimeAsync(1000);
    expect(core.acknowledged).toEqual(['b1', 'b1']);
    expect(new Set(core.received.filter(({ report }) => report.laneId === 'cam').map(({ report }) => report.reportId)).size).toBe(2);
    expect(queue.lane('kb').waiting).toBe(3);
    expect(queue.lane('cam').waiting).toBe(0);

    queue.report(sighting('kb', 'a4'));
    expect(queue.lane('kb').waiting).toBe(4);
    core.down.delete('kb');
    await vi.advanceTimersByTimeAsync(5000);
    expect(core.acknowledged).toEqual(['b1', 'b1', 'a1', 'a2', 'a3', 'a4']);
    // While kb was down only its first report was tried; each one after it was sent once, once it was through.
    for (const text of ['a2', 'a3', 'a4']) expect(core.received.filter(({ report }) => report.text === text)).toHaveLength(1);
    expect(core.maxInFlight()).toBe(2); // one per lane
    expect(queue.lane('kb')).toEqual({ waiting: 0, dropped: null });
  });

  it.each([
    { what: 'a refusal from the core (invalid_input)', answer: { ok: false, error: { code: 'invalid_input', message: 'reportDecodedCode: kb is not a webcam or keyboard lane' } }, code: 'invalid_input' },
    { what: 'an answer the client cannot read', answer: { ok: true, value: 'nonsense' }, code: 'internal' },
  ])('$what is not sent again: it is dropped, told on the lane, and the next report goes on', async ({ answer, code }) => {
    const core = flakyCore();
    core.refusals.set('refused', answer);
    const queue = createReportQueue(core.client, limits);
    const changes = vi.fn();
    queue.subscribe(changes);
    queue.report(sighting('kb', 'refused'));
    queue.report(sighting('kb', 'next'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(core.received.map(({ report }) => report.text)).toEqual(['refused', 'next']);
    expect(queue.lane('kb')).toEqual({ waiting: 0, dropped: { error: expect.objectContaining({ code }), count: 1 } });
    expect(changes).toHaveBeenCalledTimes(1);

    const shown = queue.lane('kb');
    queue.report(sighting('kb', 'later'));
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.lane('kb')).toBe(shown); // nothing changed: the same snapshot, no re-render
    queue.dismiss('kb');
    expect(queue.lane('kb')).toEqual({ waiting: 0, dropped: null });
  });

  it('past the bound the newest sightings are dropped and told; the ones kept arrive once the bridge is back', async () => {
    const core = flakyCore();
    core.down.add('kb');
    const queue = createReportQueue(core.client, { ...limits, maxWaiting: 3 });
    for (const text of ['p1', 'p2', 'p3', 'p4', 'p5']) queue.report(sighting('kb', text));
    await vi.advanceTimersByTimeAsync(10);
    expect(queue.lane('kb')).toEqual({ waiting: 3, dropped: { error: { code: 'unavailable', message: 'reportDecodedCode: 3 reports already wait on lane kb' }, count: 2 } });

    core.down.delete('kb');
    await vi.advanceTimersByTimeAsync(5000);
    expect(core.acknowledged).toEqual(['p1', 'p2', 'p3']);
    expect(queue.lane('kb').waiting).toBe(0);
    // Room again: a new sighting is kept and sent.
    queue.report(sighting('kb', 'p6'));
    await vi.advanceTimersByTimeAsync(10);
    expect(core.acknowledged).toEqual(['p1', 'p2', 'p3', 'p6']);
  });
});
