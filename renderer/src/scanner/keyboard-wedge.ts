/**
 * A keyboard-wedge scanner types its payload as a burst of keys far faster than a person can. This
 * tells the two apart by the gap between keys, and ends a scan on Enter/Tab or, for scanners set
 * up without a suffix, when the burst pauses — at once if the payload is structurally complete.
 */
export interface WedgeTiming {
  /** Keys closer than this belong to one burst (people type ≥ 60 ms apart). */
  maxGapMs: number;
  /** A complete card payload ends after this short pause (an 11-field card may still follow). */
  settleMs: number;
  /** Anything else ends after this pause. */
  idleMs: number;
  /** Shorter bursts are a person's quick keys, not a scan. */
  minLength: number;
}

export const defaultWedgeTiming: WedgeTiming = { maxGapMs: 35, settleMs: 60, idleMs: 250, minLength: 8 };

export type WedgeScan = { text: string; endedBy: 'suffix' | 'structure' | 'pause' };

/** `id|oldId|name|birth|sex|address|issued` (chip card) or its 11-field căn cước form. */
export function isCompleteCardPayload(text: string): boolean {
  const fields = text.split('|');
  return (fields.length === 7 && /^\d{8}$/.test(fields[6] ?? '')) || fields.length === 11;
}

export function createKeyboardWedge(timing: WedgeTiming = defaultWedgeTiming) {
  let text = '';
  let lastKeyAt = -Infinity;

  const take = (endedBy: WedgeScan['endedBy']): WedgeScan | null => {
    const scan = text.length >= timing.minLength ? { text, endedBy } : null;
    text = '';
    return scan;
  };

  return {
    /** A key (`event.key`) at `at` ms; returns a scan when it ended one. */
    key(key: string, at: number): WedgeScan | null {
      const inBurst = at - lastKeyAt <= timing.maxGapMs;
      lastKeyAt = at;
      if (key === 'Enter' || key === 'Tab') return inBurst ? take('suffix') : ((text = ''), null);
      if (key.length !== 1) return null; // Shift, dead keys and the like
      text = inBurst ? text + key : key;
      return null;
    },
    /** Called on a timer: ends a burst that has paused long enough. */
    tick(at: number): WedgeScan | null {
      if (text === '') return null;
      const quiet = at - lastKeyAt;
      if (isCompleteCardPayload(text) && quiet >= timing.settleMs) return take('structure');
      return quiet >= timing.idleMs ? take('pause') : null;
    },
  };
}
