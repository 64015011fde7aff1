import { describe, expect, it } from 'vitest';
import { offlineMsWithin, type ConnectivityTransition } from '../../../shared/connectivity/offline-time';

const minute = 60_000;
const t = (hhmm: string) => `2026-11-23T${hhmm}:00.000Z`;
const range = { from: t('08:00'), to: t('12:00') };
const later = new Date(t('23:00'));

describe('offline time within a shift', () => {
  it('sums the offline intervals, clipped to the range', () => {
    const log: ConnectivityTransition[] = [
      { at: t('07:30'), state: 'offline' }, // began before the range: counts from 08:00
      { at: t('08:10'), state: 'online' },
      { at: t('09:00'), state: 'offline' },
      { at: t('09:05'), state: 'online' },
      { at: t('11:50'), state: 'offline' }, // runs past the range: counts to 12:00
      { at: t('12:30'), state: 'online' },
    ];
    expect(offlineMsWithin(log, range, later)).toBe((10 + 5 + 10) * minute);
  });

  it('counts an interval still open up to min(to, now)', () => {
    const log: ConnectivityTransition[] = [{ at: t('10:00'), state: 'offline' }];
    expect(offlineMsWithin(log, range, new Date(t('10:20')))).toBe(20 * minute);
    expect(offlineMsWithin(log, range, later)).toBe(120 * minute);
  });

  it('does not count the time the station was stopped, nor anything outside the range', () => {
    const log: ConnectivityTransition[] = [
      { at: t('08:00'), state: 'offline' },
      { at: t('08:30'), state: 'stopped' },
      { at: t('10:00'), state: 'online' },
    ];
    expect(offlineMsWithin(log, range, later)).toBe(30 * minute);
    expect(offlineMsWithin(log, { from: t('13:00'), to: t('14:00') }, later)).toBe(0);
    expect(offlineMsWithin([], range, later)).toBe(0);
  });
});
