import { describe, expect, it } from 'vitest';
import { filterRange, idNumberIncomplete, invalidWindowFields, todayFilter, toSearch } from '../../renderer/src/history/history-filter';
import { formatDateTime, parseClock, parseDay } from '../../renderer/src/shell/date-format';
import { passageSearchSchema } from '../../shared/records/passage-query';

describe('history filter', () => {
  it("defaults to today's whole local day, written dd/mm/yyyy, and the range's end includes its last minute", () => {
    const filter = todayFilter(new Date(2026, 10, 3, 14, 5));
    expect(filter.day).toBe('03/11/2026');
    const { from, to } = filterRange(filter)!;
    expect(new Date(from).getTime()).toBe(new Date(2026, 10, 3, 0, 0).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 10, 4, 0, 0).getTime());
  });

  it('reads the day as dd/mm/yyyy and times on a 24-hour clock; anything else is marked and not searched', () => {
    const base = todayFilter(new Date(2026, 11, 1));
    expect(filterRange({ day: '1/12/2026', fromTime: '7:05', toTime: '23:59' })).toEqual({ from: new Date(2026, 11, 1, 7, 5).toISOString(), to: new Date(2026, 11, 2, 0, 0).toISOString() });
    // The month-first reading of a browser in en-US is not a real day here.
    expect(invalidWindowFields({ day: '12/31/2026', fromTime: '11:59 PM', toTime: '24:00' })).toEqual(['day', 'fromTime', 'toTime']);
    expect(toSearch({ ...base, day: '31/02/2026' })).toBeNull();
    expect(parseDay('29/02/2028')).toBe('2028-02-29');
    expect(parseClock('23:59')).toBe('23:59');
    expect(formatDateTime(new Date(2026, 11, 1, 23, 59, 7))).toBe('01/12/2026 23:59:07');
  });

  it('leaves out empty fields and searches an ID number only when it is whole; the result passes the contract', () => {
    const base = todayFilter(new Date(2026, 10, 23));
    expect(toSearch(base)).not.toHaveProperty('name');
    const partial = { ...base, idNumber: '0011', name: ' nguyen ', verdict: 'deny' as const };
    expect(idNumberIncomplete(partial)).toBe(true);
    const search = toSearch(partial, 42)!;
    expect(search).toMatchObject({ name: 'nguyen', verdict: 'deny', beforeSequence: 42 });
    expect(search).not.toHaveProperty('idNumber');
    expect(toSearch({ ...base, idNumber: '0011 5802 4485' })).toMatchObject({ idNumber: '001158024485' });
    expect(passageSearchSchema.safeParse(search).success).toBe(true);
  });
});
