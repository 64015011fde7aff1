// Property-based tests: 100,000+ generated payloads per run. Whatever arrives, classifyCode returns
// a well-formed result (checked with the same zod schema the IPC edge uses), never throws, never
// passes a control character through, and reads every valid card back exactly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifiedCodeSchema, classifyCode, type ClassifiedCode } from '../../../shared/codes';
import { findForbiddenCharacter } from '../../../shared/codes/limits';
import { utf8ByteLength } from '../../../shared/codes/utf8';
import { hex, NOW, validCardArb } from './fixtures';

const ARBITRARY_RUNS = 50_000;
const MUTATION_RUNS = 40_000;
const ROUND_TRIP_RUNS = 10_000;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(strings);
}

// Plain checks rather than expect(): this runs 100,000 times and must stay within the time budget.
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** The invariants every result holds, whatever the input. */
function checkResult(raw: string, result: ClassifiedCode): void {
  const parsed = classifiedCodeSchema.safeParse(result);
  check(parsed.success, () => `not a well-formed result: ${parsed.error?.message ?? ''}`);
  check(result.kind !== 'unknown' || !result.valid, () => 'an unknown code cannot be valid');
  // classifyCode turns a thrown exception into this code, so here it means a bug.
  check(!result.problems.some((p) => p.code === 'internal.unexpected'), () => `threw on ${JSON.stringify(raw)}`);
  const leaked = strings(result.fields).find((text) => findForbiddenCharacter(text) !== undefined);
  check(leaked === undefined, () => `control character passed through: ${JSON.stringify(leaked)}`);
  if (utf8ByteLength(raw) > 4096) check(result.problems.length === 1 && result.problems[0]?.code === 'input.too-large', () => 'oversized payload not rejected first');
}

const run = (raw: string) => {
  const result = classifyCode(raw, { now: NOW });
  checkResult(raw, result);
  return result;
};

// Characters that matter to the parsers: separators, digits, date punctuation, masks, diacritics,
// mojibake pieces, controls, surrogate halves, and whole tokens that recognisers look for.
const interesting = fc.constantFrom(
  '|', '|', '/', '-', '*', '?', ' ', '0', '1', '2', '9', 'N', 'a', 'F', '$',
  'Nam', 'Nữ', 'Nu', 'ễ', 'Đ', 'Ã', 'á', '»', 'º', '…', '\u0090', '\u0000', '\r', '\n', '\t',
  '\uFEFF', '\u202E', '\u200B', '\uD800', '\uDC00', '\uFFFD', '\u0301', '🙂', '001158024485', '08101958', '1958-**-**',
);
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

const arbitraryPayload = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: codeUnit, maxLength: 60 }),
  fc.string({ unit: interesting, maxLength: 40 }),
  fc.array(fc.string({ unit: fc.oneof(interesting, fc.constantFrom('0', '5', '8', 'A', 'b')), maxLength: 14 }), { maxLength: 16 }).map((fields) => fields.join('|')),
  fc.tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 4000, max: 4200 })).map(([seed, length]) => (seed || 'ễ').repeat(length).slice(0, length)),
);

const pcCovidArb = fc
  .tuple(fc.stringMatching(/^[\d*]{9,12}$/), fc.stringMatching(/^[A-Z ]{3,30}$/), fc.stringMatching(/^[\d*]{4}-[\d*]{2}-[\d*]{2}$/), fc.nat(9), fc.uuid())
  .map(([id, name, birth, type, qid]) => `${id}|${name}|${birth}|${type}|${qid}|`);
const bhytArb = fc
  .tuple(fc.stringMatching(/^(?:[A-Z]{2}\d{13}|\d{10})$/), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('08/10/1958', '1958', '31/02/1958'), fc.constantFrom('1', '2', '0'))
  .map(([card, name, birth, sex]) => `${card}|${hex(name)}|${birth}|${sex}|${hex('Hà Nội')}|01 - 123|01/01/2025|-|$`);
const nearValidBase = fc.oneof({ weight: 6, arbitrary: validCardArb.map((card) => card.payload) }, { weight: 2, arbitrary: pcCovidArb }, { weight: 2, arbitrary: bhytArb });

type Mutation = { op: 'insert' | 'delete' | 'replace' | 'duplicate-field' | 'drop-field' | 'swap-fields' | 'truncate'; at: number; with: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate-field', 'drop-field', 'swap-fields', 'truncate'),
  at: fc.nat(),
  with: fc.oneof(interesting, fc.string({ unit: 'binary', maxLength: 3 })),
});

function mutate(payload: string, mutation: Mutation): string {
  const at = payload.length === 0 ? 0 : mutation.at % payload.length;
  const fields = payload.split('|');
  const field = mutation.at % fields.length;
  switch (mutation.op) {
    case 'insert':
      return payload.slice(0, at) + mutation.with + payload.slice(at);
    case 'delete':
      return payload.slice(0, at) + payload.slice(at + 1);
    case 'replace':
      return payload.slice(0, at) + mutation.with + payload.slice(at + mutation.with.length);
    case 'duplicate-field':
      return [...fields.slice(0, field), fields[field], ...fields.slice(field)].join('|');
    case 'drop-field':
      return fields.filter((_, index) => index !== field).join('|');
    case 'swap-fields':
      return fields.map((value, index) => (index === field ? fields[(field + 1) % fields.length] : index === (field + 1) % fields.length ? fields[field] : value)).join('|');
    case 'truncate':
      return payload.slice(0, at);
  }
}

describe('classifyCode over generated payloads', () => {
  it(`never throws and always returns a well-formed result (${ARBITRARY_RUNS} arbitrary strings)`, () => {
    fc.assert(fc.property(arbitraryPayload, (raw) => void run(raw)), { numRuns: ARBITRARY_RUNS });
  });

  it(`stays well-formed on near-valid codes with random mutations (${MUTATION_RUNS} payloads)`, () => {
    const mutated = fc.tuple(nearValidBase, fc.array(mutationArb, { minLength: 1, maxLength: 4 })).map(([base, mutations]) => mutations.reduce(mutate, base));
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(mutated, (raw) => {
        const { kind, valid } = run(raw);
        const key = `${kind}:${valid}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }),
      { numRuns: MUTATION_RUNS },
    );
    // The mutations must reach every parser, on both sides of the verdict, or this test proves little.
    for (const kind of ['chip-card', 'can-cuoc-card', 'copied-card', 'pc-covid', 'bhyt']) {
      expect(seen.get(`${kind}:true`), kind).toBeGreaterThan(100);
      expect(seen.get(`${kind}:false`), kind).toBeGreaterThan(100);
    }
  });

  it(`reads every valid card back exactly (${ROUND_TRIP_RUNS} round trips)`, () => {
    fc.assert(
      fc.property(validCardArb, ({ kind, payload, expected }) => {
        const result = run(payload);
        check(result.kind === kind && result.valid, () => `not a valid ${kind}: ${JSON.stringify(result)}`);
        const { validUntil, ...fields } = result.fields as Record<string, unknown>;
        expect(fields).toEqual(expected);
        check(validUntil === null || typeof validUntil === 'string', () => 'validUntil missing');
        const unexpected = result.problems.filter((p) => p.code !== 'card.expired' && p.code !== 'card.not-from-card');
        check(unexpected.length === 0, () => JSON.stringify(unexpected));
        // Scanner framing and decomposed diacritics change nothing (same construction, same JSON).
        const framed = run(`\uFEFF${payload.normalize('NFD')}\r\n`);
        check(JSON.stringify(framed) === JSON.stringify(result), () => 'framing or NFD changed the result');
      }),
      { numRuns: ROUND_TRIP_RUNS },
    );
  });
});
