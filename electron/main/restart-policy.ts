import { backoffDelayMs } from '../core/sync/backoff';

/** How hard to try bringing a crashed part back before handing it to a person. */
export interface RestartPolicy {
  baseMs: number;
  capMs: number;
  /** More crashes than this within `windowMs` is a crash loop: stop and say so. */
  maxCrashes: number;
  windowMs: number;
}

export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

export const defaultRestartPolicy: RestartPolicy = { baseMs: 1000, capMs: 60_000, maxCrashes: 5, windowMs: 10 * 60_000 };

/** `crashTimes` are epoch milliseconds and include the crash being decided on. */
export function decideRestart(crashTimes: readonly number[], now: number, policy: RestartPolicy): RestartDecision {
  const recent = crashTimes.filter((time) => now - time < policy.windowMs).length;
  if (recent > policy.maxCrashes) {
    return { restart: false, reason: `${recent} crashes in ${Math.round(policy.windowMs / 60_000)} minutes` };
  }
  // A lone process restarting needs no jitter: the full exponential step.
  return { restart: true, delayMs: backoffDelayMs(Math.max(recent - 1, 0), { baseMs: policy.baseMs, capMs: policy.capMs, retryAfterMs: null, random: () => 1 }) };
}

/** Keeps only what the policy can still count, so a long-lived record stays small. */
export function recentCrashes(crashTimes: readonly number[], now: number, policy: RestartPolicy): number[] {
  return crashTimes.filter((time) => now - time < policy.windowMs);
}
