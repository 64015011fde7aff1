import { useEffect, useState } from 'react';

/** Whole seconds until `until` (epoch ms, in the phone's clock), ticking; 0 once past. */
export function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return undefined;
    // From the moment `until` is set, not from the last tick before it: a fresh minute shows 1:00, never 1:01.
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}
