/** Events per second over the last second (frames read, frames decoded). */
export function createRateMeter(now: () => number = () => performance.now()) {
  const times: number[] = [];
  const forgetOld = (at: number) => {
    while (times.length > 0 && at - times[0]! > 1000) times.shift();
  };
  return {
    tick(): void {
      const at = now();
      times.push(at);
      forgetOld(at);
    },
    perSecond(): number {
      forgetOld(now());
      return times.length;
    },
  };
}
