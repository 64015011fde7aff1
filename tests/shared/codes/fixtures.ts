// Shared test material: a fixed clock, real-shaped example payloads, serialisers that write codes
// the way cards and apps do, and fast-check generators of valid cards for the round-trip tests.

import fc from 'fast-check';
import { expect } from 'vitest';
import { classifyCode, classifiedCodeSchema, PROVINCE_CODES, type ClassifiedCode, type ClassifyOptions, type PartialDate, type Sex } from '../../../shared/codes';

/** 1 June 2025, 10:00 in Vietnam. */
export const NOW = new Date('2025-06-01T03:00:00Z');

export function classify(raw: string, options: ClassifyOptions = {}): ClassifiedCode {
  const result = classifyCode(raw, { now: NOW, ...options });
  classifiedCodeSchema.parse(result);
  return result;
}

export function codesOf(result: { problems: readonly { code: string }[] }): string[] {
  return result.problems.map((p) => p.code);
}

/** Narrows a result to one kind, failing the test otherwise. */
export function expectKind<K extends ClassifiedCode['kind']>(result: ClassifiedCode, kind: K): Extract<ClassifiedCode, { kind: K }> {
  expect(result.kind, JSON.stringify(result.problems)).toBe(kind);
  return result as Extract<ClassifiedCode, { kind: K }>;
}

export const HUYEN = {
  idNumber: '001158024485',
  oldIdNumber: '110419092',
  fullName: 'Đinh Thị Huyền',
  birth: '08101958',
  sex: 'Nữ',
  address: 'Khánh Vân, Khánh Hà, Thường Tín, Hà Nội',
  issue: '24042021',
};

export const CHIP_CARD = [HUYEN.idNumber, HUYEN.oldIdNumber, HUYEN.fullName, HUYEN.birth, HUYEN.sex, HUYEN.address, HUYEN.issue].join('|');
export const CAN_CUOC_CARD = `${CHIP_CARD}||||`;

/** A chip card with some fields replaced; keys are the 0-based positions. */
export function chipCard(overrides: Record<number, string> = {}, extraFields?: string[]): string {
  const parts = CHIP_CARD.split('|').map((value, index) => overrides[index] ?? value);
  return [...parts, ...(extraFields ?? [])].join('|');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function compactDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${pad(date.month)}${date.year}`;
  return `${pad(date.day)}${pad(date.month)}${date.year}`;
}

export function slashedDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  if (date.precision === 'month') return `${pad(date.month)}/${date.year}`;
  return `${pad(date.day)}/${pad(date.month)}/${date.year}`;
}

export function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

/** What a scanner in Windows-1252 mode makes of UTF-8 text (undefined bytes dropped, as some do). */
export function asWindows1252(text: string): string {
  return new TextDecoder('windows-1252').decode(new TextEncoder().encode(text));
}

// ---------------------------------------------------------------------------------------------
// Generators of valid cards. Each yields the payload and the fields classification must return.

const SYLLABLES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Đinh', 'Thị', 'Văn', 'Hữu', 'Ngọc', 'Huyền', 'Thủy', 'Đức', 'Quỳnh', 'Ánh', 'Bảo', 'Yến', 'Khánh', 'Hưng', 'Ơn', 'Ưng'];
const PLACES = ['Khánh Vân', 'Thường Tín', 'Hà Nội', 'Phường Bến Nghé', 'Quận 1', 'Hồ Chí Minh', 'Thôn 6', 'Xã Di Linh', 'Lâm Đồng', 'Số 12 ngõ 34'];

const fullNameArb = fc.array(fc.constantFrom(...SYLLABLES), { minLength: 2, maxLength: 4 }).map((words) => words.join(' '));
const addressArb = fc.array(fc.constantFrom(...PLACES), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(', '));
const sexArb = fc.constantFrom<Sex>('male', 'female');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const dayArb = (minYear: number, maxYear: number) =>
  fc
    .record({ year: fc.integer({ min: minYear, max: maxYear }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysIn(year, month)) }));

const birthArb: fc.Arbitrary<PartialDate> = fc.oneof(
  { weight: 8, arbitrary: dayArb(1930, 2010).map((d) => ({ precision: 'day' as const, ...d })) },
  { weight: 1, arbitrary: dayArb(1930, 2010).map(({ year, month }) => ({ precision: 'month' as const, year, month })) },
  { weight: 1, arbitrary: dayArb(1930, 2010).map(({ year }) => ({ precision: 'year' as const, year })) },
);

function idNumberFor(placeCode: string, birthYear: number, sex: Sex, serial: number): string {
  const centuryDigit = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `${placeCode}${centuryDigit}${pad(birthYear % 100)}${pad(serial, 6)}`;
}

export interface GeneratedCard {
  kind: 'chip-card' | 'can-cuoc-card' | 'copied-card';
  payload: string;
  expected: Record<string, unknown>;
}

const isoOf = (d: { year: number; month: number; day: number }) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

export const validCardArb: fc.Arbitrary<GeneratedCard> = fc
  .record({
    kind: fc.constantFrom('chip-card' as const, 'can-cuoc-card' as const, 'copied-card' as const),
    place: fc.constantFrom(...PROVINCE_CODES.map((p) => p.code)),
    serial: fc.integer({ min: 0, max: 999_999 }),
    oldId: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{9}$/), fc.stringMatching(/^\d{12}$/)),
    fullName: fullNameArb,
    birthDate: birthArb,
    sex: sexArb,
    address: addressArb,
    // The issue date is placed between the 14th birthday and the fixed "now".
    issueOffset: fc.double({ min: 0, max: 1, noNaN: true }),
    extras: fc.array(fc.oneof(fc.constant(''), fullNameArb), { minLength: 4, maxLength: 4 }),
  })
  .map((g) => {
    const birthYear = g.birthDate.year;
    const start = Date.UTC(birthYear + 15, 0, 1);
    const end = NOW.getTime() - 86_400_000;
    const issued = new Date(start + Math.floor((end - start) * g.issueOffset));
    const issue = { year: issued.getUTCFullYear(), month: issued.getUTCMonth() + 1, day: issued.getUTCDate() };
    const idNumber = idNumberFor(g.place, birthYear, g.sex, g.serial);
    const sexText = g.sex === 'male' ? 'Nam' : 'Nữ';
    const person = { idNumber, fullName: g.fullName, birthDate: g.birthDate, sex: g.sex, address: g.address, issueDate: isoOf(issue) };
    if (g.kind === 'copied-card') {
      const payload = [idNumber, g.fullName, slashedDate(g.birthDate), sexText, g.address, slashedDate({ precision: 'day', ...issue })].join('|');
      return { kind: g.kind, payload, expected: { ...person, fromCard: false } };
    }
    const seven = [idNumber, g.oldId, g.fullName, compactDate(g.birthDate), sexText, g.address, compactDate({ precision: 'day', ...issue })];
    const expected = { ...person, oldIdNumber: g.oldId === '' ? null : g.oldId, fromCard: true };
    if (g.kind === 'chip-card') return { kind: g.kind, payload: seven.join('|'), expected };
    const extras = Object.fromEntries(g.extras.map((value, i) => [`field${i + 8}`, value]));
    return { kind: g.kind, payload: [...seven, ...g.extras].join('|'), expected: { ...expected, extras } };
  });
