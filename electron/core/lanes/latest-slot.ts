/**
 * The hand-off between a frame source and its decoder: one place, the newest frame wins. A camera
 * never waits for the decoder and the decoder never works through a backlog of stale frames; a
 * file replay can instead wait its turn (`putAndWait`) so that nothing is skipped.
 */
export class LatestSlot<T> {
  private item: T | null = null;
  private closed = false;
  private taker: ((item: T | null) => void) | null = null;
  private readonly takenWaiters: (() => void)[] = [];

  /** `dropped` gets each item replaced before it was taken (a dropped frame's buffer can be used again). */
  constructor(private readonly dropped: (item: T) => void = () => {}) {}

  /** Offers an item; true when it replaced one the decoder had not taken yet (a dropped frame). */
  put(item: T): boolean {
    if (this.closed) return false;
    if (this.taker) {
      const taker = this.taker;
      this.taker = null;
      taker(item);
      return false;
    }
    const replaced = this.item;
    this.item = item;
    if (replaced !== null) this.dropped(replaced);
    return replaced !== null;
  }

  /** Offers an item and resolves once it was taken (or the slot closed): no frame is dropped. */
  putAndWait(item: T): Promise<void> {
    this.put(item);
    if (this.item === null) return Promise.resolve();
    return new Promise((resolve) => this.takenWaiters.push(resolve));
  }

  /** The waiting item, or the next one put; null once the slot is closed and empty. */
  take(): Promise<T | null> {
    if (this.item !== null) {
      const item = this.item;
      this.item = null;
      for (const resolve of this.takenWaiters.splice(0)) resolve();
      return Promise.resolve(item);
    }
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => (this.taker = resolve));
  }

  /** No more items: take() still hands out the waiting one when `drain`, then null. */
  close(drain: boolean): void {
    this.closed = true;
    if (!drain) this.item = null;
    for (const resolve of this.takenWaiters.splice(0)) resolve();
    if (this.taker && this.item === null) {
      this.taker(null);
      this.taker = null;
    }
  }
}
