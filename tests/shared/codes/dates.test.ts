import { describe, expect, it } from 'vitest';
import { addYears, parseCompactDate, parseIsoDay, parseSlashedDate, todayInVietnam } from '../../../shared/codes/dates';

describe('compact card dates', () => {
  it('reads ddMMyyyy, MMyyyy and yyyy with their precision', () => {
    expect(parseCompactDate('08101958')).toEqual({ precision: 'day', year: 1958, month: 10, day: 8 });
    expect(parseCompactDate('101958')).toEqual({ precision: 'month', year: 1958, month: 10 });
    expect(parseCompactDate('1958')).toEqual({ precision: 'year', year: 1958 });
  });

  it('refuses dates that do not exist', () => {
    expect(parseCompactDate('31022020')).toBeUndefined();
    expect(parseCompactDate('29022023')).toBeUndefined();
    expect(parseCompactDate('29022024')).toEqual({ precision: 'day', year: 2024, month: 2, day: 29 });
    expect(parseCompactDate('31042021')).toBeUndefined();
    expect(parseCompactDate('00012020')).toBeUndefined();
    expect(parseCompactDate('132020')).toBeUndefined();
    expect(parseCompactDate('1899')).toBeUndefined();
  });

  it('refuses other shapes', () => {
    for (const text of ['', '8101958', '0810195', '08-10-1958', '08/10/1958', '١٩٥٨', ' 1958']) expect(parseCompactDate(text)).toBeUndefined();
  });
});

describe('slashed and ISO dates', () => {
  it('reads dd/MM/yyyy, MM/yyyy and yyyy', () => {
    expect(parseSlashedDate('08/10/1958')).toEqual({ precision: 'day', year: 1958, month: 10, day: 8 });
    expect(parseSlashedDate('8/3/1958')).toEqual({ precision: 'day', year: 1958, month: 3, day: 8 });
    expect(parseSlashedDate('10/1958')).toEqual({ precision: 'month', year: 1958, month: 10 });
    expect(parseSlashedDate('1958')).toEqual({ precision: 'year', year: 1958 });
    expect(parseSlashedDate('31/02/1958')).toBeUndefined();
    expect(parseSlashedDate('08101958')).toBeUndefined();
  });

  it('reads ISO days only when real', () => {
    expect(parseIsoDay('1958-10-08')).toEqual({ year: 1958, month: 10, day: 8 });
    expect(parseIsoDay('2021-02-29')).toBeUndefined();
    expect(parseIsoDay('1958-10-8')).toBeUndefined();
  });
});

describe('calendar arithmetic', () => {
  it('moves 29 February to the 28th in common years', () => {
    expect(addYears({ year: 2000, month: 2, day: 29 }, 25)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(addYears({ year: 2000, month: 2, day: 29 }, 24)).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('takes today on the Vietnamese calendar (UTC+7), whatever the machine zone', () => {
    expect(todayInVietnam(new Date('2025-05-31T16:59:59Z'))).toEqual({ year: 2025, month: 5, day: 31 });
    expect(todayInVietnam(new Date('2025-05-31T17:00:00Z'))).toEqual({ year: 2025, month: 6, day: 1 });
  });
});
