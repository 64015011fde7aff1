import type { StationClient } from '../../../shared/contract/client';
import type { ReportDecodedCode } from '../../../shared/contract/lanes';
import type { ContractError } from '../../../shared/contract/result';

/** A code the page decoded (webcam, keyboard wedge), before it is given its report id. */
export type Sighting = Omit<ReportDecodedCode, 'reportId'>;

/** What the officer is told about one lane's reports. */
export interface LaneReports {
  /** Reports the core has not acknowledged, counted while sending them fails (0 while they go through). */
  waiting: number;
  /** Reports given up since the officer last dismissed it: the last reason, and how many. */
  dropped: { error: ContractError; count: number } | null;
}

export interface ReportQueueLimits {
  /** Reports kept per lane until acknowledged; a sighting past it is dropped and said so. */
  maxWaiting: number;
  /** The delay before sending again doubles from this after each failure… */
  baseDelayMs: number;
  /** …up to this, so a scan reaches the core within about this long of the bridge coming back. */
  capDelayMs: number;
}

/**
 * 256 per lane: a keyboard lane's 256 people, or a webcam's ~17 s of one code in view (every frame
 * is a sighting; the core's dedupe makes them one passage). At most 256 × 64 KiB of text per lane.
 */
export const defaultReportQueueLimits: ReportQueueLimits = { maxWaiting: 256, baseDelayMs: 200, capDelayMs: 2000 };

export type ReportQueue = ReturnType<typeof createReportQueue>;

interface LaneQueue {
  reports: ReportDecodedCode[];
  sending: boolean;
  state: LaneReports;
}

const nothingToTell: LaneReports = { waiting: 0, dropped: null };

/**
 * The page's reports of codes it decoded, kept until the core acknowledges them. Each sighting gets
 * its id once, so a report whose answer was lost and is sent again is recognised by the core and
 * never recorded twice. Per lane, reports go one at a time in the order seen; `unavailable` (the
 * bridge is down or reconnecting) is sent again after a backoff, any other refusal is what sending
 * it again would get too: it is dropped and told (`lane()`), never silently lost.
 */
export function createReportQueue(client: Pick<StationClient, 'invoke'>, limits: ReportQueueLimits = defaultReportQueueLimits) {
  const lanes = new Map<string, LaneQueue>();
  const listeners = new Set<() => void>();

  function laneQueue(laneId: string): LaneQueue {
    let queue = lanes.get(laneId);
    if (queue === undefined) lanes.set(laneId, (queue = { reports: [], sending: false, state: nothingToTell }));
    return queue;
  }

  /** A new state object only on a change: React re-renders the lane's card for nothing else. */
  function tell(queue: LaneQueue, change: Partial<LaneReports>): void {
    const next = { ...queue.state, ...change };
    if (next.waiting === queue.state.waiting && next.dropped === queue.state.dropped) return;
    queue.state = next;
    for (const listener of listeners) listener();
  }

  function drop(queue: LaneQueue, error: ContractError): void {
    tell(queue, { dropped: { error, count: (queue.state.dropped?.count ?? 0) + 1 } });
  }

  async function send(queue: LaneQueue): Promise<void> {
    queue.sending = true;
    let delayMs = limits.baseDelayMs;
    while (queue.reports.length > 0) {
      const result = await client.invoke('reportDecodedCode', queue.reports[0]!);
      if (!result.ok && result.error.code === 'unavailable') {
        tell(queue, { waiting: queue.reports.length });
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, limits.capDelayMs);
        continue;
      }
      queue.reports.shift();
      delayMs = limits.baseDelayMs;
      if (result.ok) tell(queue, { waiting: 0 });
      else drop(queue, result.error);
    }
    queue.sending = false;
  }

  return {
    report(sighting: Sighting): void {
      const queue = laneQueue(sighting.laneId);
      if (queue.reports.length >= limits.maxWaiting) {
        // The newest is the one given up: its holder is likely still at the lane and can be scanned again.
        drop(queue, { code: 'unavailable', message: `reportDecodedCode: ${limits.maxWaiting} reports already wait on lane ${sighting.laneId}` });
        return;
      }
      queue.reports.push({ reportId: crypto.randomUUID(), ...sighting });
      if (queue.state.waiting > 0) tell(queue, { waiting: queue.reports.length });
      if (!queue.sending) void send(queue);
    },
    /** The lane's state; the same object until it changes (a `useSyncExternalStore` snapshot). */
    lane: (laneId: string): LaneReports => lanes.get(laneId)?.state ?? nothingToTell,
    /** The officer has read why reports were dropped. */
    dismiss(laneId: string): void {
      const queue = lanes.get(laneId);
      if (queue !== undefined) tell(queue, { dropped: null });
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const pageQueues = new WeakMap<Pick<StationClient, 'invoke'>, ReportQueue>();

/** The page's one queue for this client: reports outlive the screen that made them (a sign-out unmounts the lanes). */
export function reportQueueFor(client: Pick<StationClient, 'invoke'>): ReportQueue {
  let queue = pageQueues.get(client);
  if (queue === undefined) pageQueues.set(client, (queue = createReportQueue(client)));
  return queue;
}
