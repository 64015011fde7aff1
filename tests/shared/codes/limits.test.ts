import { describe, expect, it } from 'vitest';
import { classifyCode, MAX_FIELDS, MAX_PAYLOAD_BYTES } from '../../../shared/codes';
import { classify, codesOf, NOW } from './fixtures';

const rejectedWith = (raw: string) => {
  const result = classify(raw);
  expect(result.kind).toBe('unknown');
  expect(result.valid).toBe(false);
  expect(result.fields).toEqual({});
  return codesOf(result);
};

describe('hard input limits', () => {
  it('rejects empty payloads, framing only included', () => {
    for (const raw of ['', '\r\n', '\uFEFF', '\uFEFF\n', '   ']) expect(rejectedWith(raw), JSON.stringify(raw)).toEqual(['input.empty']);
  });

  it('rejects payloads over 4 KiB, counted in UTF-8 bytes', () => {
    expect(MAX_PAYLOAD_BYTES).toBe(4096);
    expect(rejectedWith('a'.repeat(4097))).toEqual(['input.too-large']);
    expect(codesOf(classify('a'.repeat(4096)))).not.toContain('input.too-large');
    expect(rejectedWith('ễ'.repeat(1366))).toEqual(['input.too-large']);
    expect(codesOf(classify('ễ'.repeat(1365)))).not.toContain('input.too-large');
    expect(classify('a'.repeat(4097)).problems[0]?.params).toEqual({ bytes: 4097, max: 4096 });
  });

  it('checks size before anything else, even on a huge hostile string', () => {
    const started = performance.now();
    expect(rejectedWith(`${'|'.repeat(5_000_000)}\u0000`)).toEqual(['input.too-large']);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('classifies worst-case 4 KiB payloads quickly: no regex backtracks', () => {
    const near = (unit: string) => unit.repeat(Math.floor(4000 / unit.length));
    const payloads = ['1', 'a', '?', '/', '-1', '*', 'áº', 'Ã ', 'ab|', '1|', '00|'].map(near);
    payloads.push(`${near('9')}|x`, `${'1'.repeat(12)}|${near('Ä‘')}`, `0120878811|${near('ab')}|1958|1|x`);
    for (const raw of payloads) {
      const started = performance.now();
      classify(raw);
      expect(performance.now() - started, raw.slice(0, 12)).toBeLessThan(50);
    }
  });

  it('rejects control, invisible and direction-changing characters, naming the code point', () => {
    const cases: Array<[string, string]> = [
      ['001158024485|\u0007', 'U+0007'],
      ['abc\tdef', 'U+0009'],
      ['first line\nsecond line', 'U+000A'],
      ['abc\u007f', 'U+007F'],
      ['abc\u009bdef', 'U+009B'],
      ['Huy\u200Bền', 'U+200B'],
      ['\u202EnềyuH', 'U+202E'],
      ['ab\u2066cd', 'U+2066'],
      ['ab\uFEFFcd', 'U+FEFF'],
    ];
    for (const [raw, codePoint] of cases) {
      expect(rejectedWith(raw), codePoint).toEqual(['input.control-characters']);
      expect(classify(raw).problems[0]?.params).toEqual({ codePoint });
    }
  });

  it('rejects lone surrogates', () => {
    expect(rejectedWith('abc\uD800def')).toEqual(['input.malformed-unicode']);
    expect(rejectedWith('abc\uDC00')).toEqual(['input.malformed-unicode']);
    expect(codesOf(classify('😀 emoji'))).not.toContain('input.malformed-unicode');
  });

  it('rejects absurd field counts', () => {
    expect(MAX_FIELDS).toBe(32);
    expect(rejectedWith('|'.repeat(MAX_FIELDS))).toEqual(['input.too-many-fields']);
    expect(codesOf(classify('|'.repeat(MAX_FIELDS - 1)))).toEqual(['format.unrecognised']);
  });

  it('rejects non-text input without throwing', () => {
    for (const raw of [undefined, null, 42, {}, ['a']]) {
      const result = classifyCode(raw as unknown as string, { now: NOW });
      expect(codesOf(result)).toEqual(['input.not-text']);
    }
  });

  it('survives options that throw, and an invalid clock', () => {
    const hostile = Object.defineProperty({}, 'now', {
      get() {
        throw new Error('boom');
      },
    });
    expect(codesOf(classifyCode('x', hostile))).toEqual(['internal.unexpected']);
    expect(classifyCode('x', { now: new Date(Number.NaN) }).kind).toBe('unknown');
  });
});
