/**
 * Per-lane dedupe: the same text seen again within the window is the same passage. Times are the
 * frames' capture times, so a file replayed faster than real time dedupes like the live camera did.
 * Each sighting extends the window: a card held up for a minute is still one passage.
 */
export function createDedupeWindow(windowMs: number) {
  const lastSeen = new Map<string, number>();
  /** Codes whose passage was not recorded: seen again from this capture time on, they are tried again. */
  const retryFrom = new Map<string, number>();
  return {
    /** Records a sighting; true when it is a repeat within the window. */
    seen(text: string, at: number): boolean {
      const previous = lastSeen.get(text);
      const retry = retryFrom.get(text);
      const repeat = previous !== undefined && Math.abs(at - previous) <= windowMs && (retry === undefined || at < retry);
      if (!repeat) retryFrom.delete(text);
      lastSeen.set(text, previous === undefined ? at : Math.max(previous, at));
      // Forget what is out of the window, so a 12-hour shift does not keep every payload in memory.
      for (const [other, time] of lastSeen) {
        if (at - time <= windowMs) continue;
        lastSeen.delete(other);
        retryFrom.delete(other);
      }
      return repeat;
    },
    /** The passage of this sighting was not recorded: a later sighting (from `from` on) is a new attempt. */
    retry(text: string, from: number): void {
      retryFrom.set(text, from);
    },
  };
}
