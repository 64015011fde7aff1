/**
 * Per-lane dedupe: the same text seen again within the window is the same passage. Times are the
 * frames' capture times, so a file replayed faster than real time dedupes like the live camera did.
 * Each sighting extends the window: a card held up for a minute is still one passage.
 */
export function createDedupeWindow(windowMs: number) {
  const lastSeen = new Map<string, number>();
  return {
    /** Records a sighting; true when it is a repeat within the window. */
    seen(text: string, at: number): boolean {
      const previous = lastSeen.get(text);
      const repeat = previous !== undefined && Math.abs(at - previous) <= windowMs;
      lastSeen.set(text, previous === undefined ? at : Math.max(previous, at));
      // Forget what is out of the window, so a 12-hour shift does not keep every payload in memory.
      for (const [other, time] of lastSeen) if (at - time > windowMs) lastSeen.delete(other);
      return repeat;
    },
  };
}
