/**
 * Exponential backoff with full jitter (a random wait between 0 and the exponential cap), so a
 * fleet of stations coming back online does not hammer the server in lockstep. A server's
 * Retry-After is a floor.
 */
export function backoffDelayMs(attempt: number, options: { baseMs: number; capMs: number; retryAfterMs: number | null; random: () => number }): number {
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(options.random() * ceiling);
  return Math.max(jittered, options.retryAfterMs ?? 0);
}
