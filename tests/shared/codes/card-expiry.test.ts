import { describe, expect, it } from 'vitest';
import { CAN_CUOC_MILESTONES, cardValidity, CHIP_CARD_MILESTONES, type PartialDate } from '../../../shared/codes';
import { parseIsoDay } from '../../../shared/codes/dates';
import { chipCard, classify, codesOf } from './fixtures';

const day = (iso: string) => {
  const parsed = parseIsoDay(iso);
  if (!parsed) throw new Error(iso);
  return parsed;
};
const born = (iso: string): PartialDate => ({ precision: 'day', ...day(iso) });
const until = (birth: PartialDate, issued: string, milestones: readonly number[] = CHIP_CARD_MILESTONES) => {
  const { validUntil, milestoneAge } = cardValidity(birth, day(issued), milestones);
  return [validUntil && `${validUntil.year}-${String(validUntil.month).padStart(2, '0')}-${String(validUntil.day).padStart(2, '0')}`, milestoneAge];
};

describe('renewal milestones 25, 40, 60 (chip card)', () => {
  const birth = born('1998-08-15');

  it('expires on the next milestone birthday', () => {
    expect(until(birth, '2021-04-01')).toEqual(['2023-08-15', 25]);
    expect(until(birth, '2030-01-01')).toEqual(['2038-08-15', 40]);
  });

  it('2-year rule: a day before the window expires at the milestone, from the window on it lasts to the next', () => {
    expect(until(birth, '2021-08-14')).toEqual(['2023-08-15', 25]);
    expect(until(birth, '2021-08-15')).toEqual(['2038-08-15', 40]);
    expect(until(birth, '2023-08-14')).toEqual(['2038-08-15', 40]);
    expect(until(birth, '2036-08-14')).toEqual(['2038-08-15', 40]);
    expect(until(birth, '2036-08-15')).toEqual(['2058-08-15', 60]);
  });

  it('a card issued on the milestone birthday counts as renewed there', () => {
    expect(until(birth, '2023-08-15')).toEqual(['2038-08-15', 40]);
  });

  it('from 60, and within the 2 years before it, the card never expires', () => {
    expect(until(birth, '2056-08-14')).toEqual(['2058-08-15', 60]);
    expect(until(birth, '2056-08-15')).toEqual([null, null]);
    expect(until(birth, '2060-01-01')).toEqual([null, null]);
  });

  it('moves a 29 February milestone to the 28th', () => {
    expect(until(born('2000-02-29'), '2020-01-01')).toEqual(['2025-02-28', 25]);
  });
});

describe('căn cước cards add the milestone 14', () => {
  it('a child card expires at 14, unless issued within the 2 years before', () => {
    expect(until(born('2015-06-01'), '2024-07-15', CAN_CUOC_MILESTONES)).toEqual(['2029-06-01', 14]);
    expect(until(born('2015-06-01'), '2027-06-01', CAN_CUOC_MILESTONES)).toEqual(['2040-06-01', 25]);
    expect(until(born('2015-06-01'), '2024-07-15', CHIP_CARD_MILESTONES)).toEqual(['2040-06-01', 25]);
  });
});

describe('partial birth dates get the benefit of the doubt', () => {
  it('a year-only birth takes the latest expiry any birthday in that year gives', () => {
    // A birthday up to 1 April 1998 puts the issue inside the 2-year window before 25.
    expect(until({ precision: 'year', year: 1998 }, '2021-04-01')).toEqual(['2038-04-01', 40]);
    expect(until({ precision: 'year', year: 1998 }, '2020-01-01')).toEqual(['2023-12-31', 25]);
  });

  it('a month-only birth uses the last day of the month', () => {
    expect(until({ precision: 'month', year: 1998, month: 2 }, '2020-01-01')).toEqual(['2023-02-28', 25]);
  });
});

describe('expiry through classification', () => {
  // Born 15/08/1998, card issued 01/04/2021: valid up to and including 15/08/2023.
  const card = chipCard({ 0: '001198024485', 3: '15081998', 4: 'Nữ', 6: '01042021' });

  it('is valid on the last day and expired (a warning) the day after', () => {
    const lastDay = classify(card, { now: new Date('2023-08-15T12:00:00+07:00') });
    expect(lastDay.fields).toMatchObject({ validUntil: '2023-08-15' });
    expect(codesOf(lastDay)).toEqual([]);

    const dayAfter = classify(card, { now: new Date('2023-08-16T00:00:00+07:00') });
    expect(dayAfter.valid).toBe(true);
    expect(dayAfter.problems).toEqual([expect.objectContaining({ code: 'card.expired', severity: 'warning', params: { milestoneAge: 25 } })]);
  });

  it('reports no expiry for a card issued after 60', () => {
    expect(classify(chipCard()).fields).toMatchObject({ validUntil: null });
  });

  it('has no validUntil when a date is unreadable', () => {
    expect(classify(chipCard({ 6: '31022021' })).fields).not.toHaveProperty('validUntil');
  });
});
