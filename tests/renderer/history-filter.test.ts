import { describe, expect, it } from 'vitest';
import { filterRange, idNumberIncomplete, todayFilter, toSearch } from '../../renderer/src/history/history-filter';
import { passageSearchSchema } from '../../shared/records/passage-query';

describe('history filter', () => {
  it("defaults to today's whole local day, and the range's end includes its last minute", () => {
    const filter = todayFilter(new Date(2026, 10, 23, 14, 5));
    expect(filter.day).toBe('2026-11-23');
    const { from, to } = filterRange(filter);
    expect(new Date(from).getTime()).toBe(new Date(2026, 10, 23, 0, 0).getTime());
    expect(new Date(to).getTime()).toBe(new Date(2026, 10, 24, 0, 0).getTime());
  });

  it('leaves out empty fields and searches an ID number only when it is whole; the result passes the contract', () => {
    const base = todayFilter(new Date(2026, 10, 23));
    expect(toSearch(base)).not.toHaveProperty('name');
    const partial = { ...base, idNumber: '0011', name: ' nguyen ', verdict: 'deny' as const };
    expect(idNumberIncomplete(partial)).toBe(true);
    const search = toSearch(partial, 42);
    expect(search).toMatchObject({ name: 'nguyen', verdict: 'deny', beforeSequence: 42 });
    expect(search).not.toHaveProperty('idNumber');
    expect(toSearch({ ...base, idNumber: '0011 5802 4485' })).toMatchObject({ idNumber: '001158024485' });
    expect(passageSearchSchema.safeParse(search).success).toBe(true);
  });
});
