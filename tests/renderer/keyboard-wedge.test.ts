import { describe, expect, it } from 'vitest';
import { createKeyboardWedge, defaultWedgeTiming, isCompleteCardPayload, type WedgeScan } from '../../renderer/src/scanner/keyboard-wedge';

const card = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';

/** Types `text` from `start`, one key every `gapMs`; returns what the wedge ended, and when typing stopped. */
function type(wedge: ReturnType<typeof createKeyboardWedge>, text: string, start: number, gapMs: number) {
  const scans = [];
  let at = start;
  for (const key of [...text]) {
    const scan = wedge.key(key, at);
    if (scan) scans.push(scan);
    at += gapMs;
  }
  return { scans, end: at - gapMs };
}

/** Like `type` from 0, under the page's timer ticking every millisecond until `quietMs` after the last key; every scan with when it ended. */
function typeWhileTicking(wedge: ReturnType<typeof createKeyboardWedge>, text: string, gapMs: number, quietMs: number) {
  const keys = [...text];
  const end = (keys.length - 1) * gapMs;
  const scans: { at: number; scan: WedgeScan }[] = [];
  for (let at = 0; at <= end + quietMs; at++) {
    const key = at % gapMs === 0 ? keys[at / gapMs] : undefined;
    // The timer first: it may fire just before a key due at the same moment.
    for (const scan of [wedge.tick(at), key === undefined ? null : wedge.key(key, at)]) if (scan) scans.push({ at, scan });
  }
  return { scans, end };
}

describe('keyboard-wedge scanner', () => {
  it('a fast burst ended by Enter is a scan; the same keys typed by a person are not', () => {
    const wedge = createKeyboardWedge();
    const burst = type(wedge, card, 0, 4);
    expect(burst.scans).toEqual([]);
    expect(wedge.key('Enter', burst.end + 4)).toEqual({ text: card, endedBy: 'suffix' });

    const person = type(wedge, 'Nguyễn Văn An', 10_000, 140);
    expect(person.scans).toEqual([]);
    expect(wedge.key('Enter', person.end + 140)).toBeNull();
    expect(wedge.tick(person.end + 1000)).toBeNull();
  });

  it('without a suffix, a complete card payload ends the scan after a short settle; anything else after a longer pause', () => {
    const wedge = createKeyboardWedge();
    const { end } = type(wedge, card, 0, 4);
    expect(wedge.tick(end + 30)).toBeNull();
    expect(wedge.tick(end + 60)).toEqual({ text: card, endedBy: 'structure' });

    const token = 'VNEID1.eyJhbGciOiJFUzI1NiJ9.payload';
    const second = type(wedge, token, 5000, 4);
    expect(wedge.tick(second.end + 60)).toBeNull(); // not a complete card: maybe more is coming
    expect(wedge.tick(second.end + 250)).toEqual({ text: token, endedBy: 'pause' });
  });

  it('an 11-field căn cước payload is not cut at its 7th field', () => {
    const canCuoc = `${card}|Đinh Văn A||x|`;
    // Its first 7 fields alone are a complete payload, which a pause would end.
    expect(isCompleteCardPayload(card)).toBe(true);
    expect(isCompleteCardPayload(canCuoc)).toBe(true);
    expect(isCompleteCardPayload('001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân|2404')).toBe(false);
    // A scanner without a suffix, at the slowest pace that is still one burst.
    const wedge = createKeyboardWedge();
    const { scans, end } = typeWhileTicking(wedge, canCuoc, defaultWedgeTiming.maxGapMs, defaultWedgeTiming.idleMs * 2);
    expect(scans).toEqual([{ at: end + defaultWedgeTiming.settleMs, scan: { text: canCuoc, endedBy: 'structure' } }]);
  });
});
