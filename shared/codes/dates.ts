// Calendar dates as the documents print them. Everything is plain day arithmetic on
// {year, month, day}: no Date objects except to learn today's date, so no time zone leaks into a
// birth date.

import type { PartialDate } from './schemas';

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** ID numbers encode only 1900 onwards; nobody alive was born earlier. */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
/** Vietnam is UTC+7 all year (no daylight saving); checkpoints and documents use its calendar. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validYear(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

function validMonth(year: number, month: number): boolean {
  return validYear(year) && month >= 1 && month <= 12;
}

export function isRealDay(year: number, month: number, day: number): boolean {
  return validMonth(year, month) && day >= 1 && day <= daysInMonth(year, month);
}

function fromParts(year: number, month?: number, day?: number): PartialDate | undefined {
  if (day !== undefined && month !== undefined) return isRealDay(year, month, day) ? { precision: 'day', year, month, day } : undefined;
  if (month !== undefined) return validMonth(year, month) ? { precision: 'month', year, month } : undefined;
  return validYear(year) ? { precision: 'year', year } : undefined;
}

const num = (text: string): number => Number.parseInt(text, 10);

/** Chip-card style: `ddMMyyyy`, or only `MMyyyy` / `yyyy` when the registry lacks the day or month. */
export function parseCompactDate(text: string): PartialDate | undefined {
  if (!/^(?:\d{4}|\d{6}|\d{8})$/.test(text)) return undefined;
  if (text.length === 4) return fromParts(num(text));
  if (text.length === 6) return fromParts(num(text.slice(2)), num(text.slice(0, 2)));
  return fromParts(num(text.slice(4)), num(text.slice(2, 4)), num(text.slice(0, 2)));
}

/** Typed or copied style: `dd/MM/yyyy`, `MM/yyyy` or `yyyy`. */
export function parseSlashedDate(text: string): PartialDate | undefined {
  const match = /^(?:(?:(\d{1,2})\/)?(\d{1,2})\/)?(\d{4})$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year] = match;
  return fromParts(num(year ?? ''), month === undefined ? undefined : num(month), day === undefined ? undefined : num(day));
}

/** `yyyy-MM-dd`, always to the day. */
export function parseIsoDay(text: string): CalendarDay | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const day = { year: num(match[1] ?? ''), month: num(match[2] ?? ''), day: num(match[3] ?? '') };
  return isRealDay(day.year, day.month, day.day) ? day : undefined;
}

export function formatIsoDay({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `dd/mm/yyyy`, as the officer reads dates. */
export function formatSlashedDay({ year, month, day }: CalendarDay): string {
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The earliest day a partial date can stand for. */
export function firstDay(date: PartialDate): CalendarDay {
  if (date.precision === 'day') return { year: date.year, month: date.month, day: date.day };
  return { year: date.year, month: date.precision === 'month' ? date.month : 1, day: 1 };
}

/** The latest day a partial date can stand for. */
export function lastDay(date: PartialDate): CalendarDay {
  if (date.precision === 'day') return { year: date.year, month: date.month, day: date.day };
  const month = date.precision === 'month' ? date.month : 12;
  return { year: date.year, month, day: daysInMonth(date.year, month) };
}

/** Same month and day `years` later; 29 February falls back to the 28th in common years. */
export function addYears(date: CalendarDay, years: number): CalendarDay {
  const year = date.year + years;
  return { year, month: date.month, day: Math.min(date.day, daysInMonth(year, date.month)) };
}

export function todayInVietnam(now: Date): CalendarDay {
  const shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
