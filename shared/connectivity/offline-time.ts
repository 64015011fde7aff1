/** A logged connectivity change: the state holds from `at` until the next transition. */
export interface ConnectivityTransition {
  at: string;
  state: 'online' | 'offline' | 'stopped';
}

/**
 * Milliseconds within [from, to) spent offline, from transitions in time order (including the last
 * one before `from`, which says how the range began). The last interval is open: it counts up to
 * min(to, now).
 */
export function offlineMsWithin(transitions: readonly ConnectivityTransition[], range: { from: string; to: string }, now: Date): number {
  const from = Date.parse(range.from);
  const end = Math.min(Date.parse(range.to), now.getTime());
  let total = 0;
  transitions.forEach((transition, index) => {
    if (transition.state !== 'offline') return;
    const next = transitions[index + 1];
    const start = Math.max(Date.parse(transition.at), from);
    const stop = Math.min(next === undefined ? end : Date.parse(next.at), end);
    if (stop > start) total += stop - start;
  });
  return total;
}
