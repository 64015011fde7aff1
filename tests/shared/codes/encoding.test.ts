import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksMojibake } from '../../../shared/codes/normalise';
import { asWindows1252, CHIP_CARD, chipCard, classify, codesOf, expectKind } from './fixtures';

const VIETNAMESE_LETTERS =
  'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
const ALPHABET = [...VIETNAMESE_LETTERS, ...VIETNAMESE_LETTERS.toUpperCase()];
const vietnameseText = fc.array(fc.constantFrom(...ALPHABET, ' ', ',', '.', '-', '0', '9'), { maxLength: 40 }).map((c) => c.join(''));
const NON_ASCII = ALPHABET.filter((c) => c.charCodeAt(0) > 0x7f);

describe('mojibake: UTF-8 read as Windows-1252', () => {
  it('never fires on real Vietnamese text, composed or not, including "NGÃ BA"', () => {
    expect(looksMojibake('NGÃ BA ĐỒNG LỘC, THỊ XÃ')).toBe(false);
    fc.assert(fc.property(vietnameseText, (text) => !looksMojibake(text) && !looksMojibake(text.normalize('NFD'))), { numRuns: 2000 });
  });

  it('always fires on mangled Vietnamese, whatever the letter', () => {
    for (const letter of NON_ASCII) expect(looksMojibake(asWindows1252(letter)), letter).toBe(true);
    expect(looksMojibake('Nguyá»…n VÄƒn A')).toBe(true);
  });

  it('rejects a mangled card unread when the decoder left C1 controls (Đ → "Ä\\u0090")', () => {
    const result = classify(asWindows1252(CHIP_CARD));
    expect(result).toMatchObject({ kind: 'unknown', valid: false, fields: {} });
    expect(codesOf(result)).toEqual(['encoding.mojibake']);
  });

  it('recognises a mangled card without C1 controls and says only what to fix', () => {
    const mangled = asWindows1252(CHIP_CARD).replace(/[\u0080-\u009f]/g, '');
    const result = classify(mangled);
    expect(result.kind).toBe('chip-card');
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'encoding.mojibake', severity: 'error' })]);
    expect(result.problems[0]?.message).toContain('UTF-8');
  });

  it('reports mojibake in an unrecognised payload too', () => {
    expect(codesOf(classify('Nguyá»…n VÄƒn A'))).toEqual(['encoding.mojibake', 'format.unrecognised']);
  });
});

describe('ASCII mode: diacritics stripped or replaced', () => {
  it('rejects "?" in place of letters, naming the field', () => {
    const result = classify(chipCard({ 2: 'Đinh Th? Huy?n' }));
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'encoding.diacritics-lost', field: 'fullName' })]);
    expect(result.problems[0]?.message).toMatch(/^Họ và tên: /);
  });

  it('rejects U+FFFD left by a lossy decoder', () => {
    expect(codesOf(classify(chipCard({ 5: 'H\uFFFD N\uFFFDi' })))).toEqual(['encoding.diacritics-lost']);
  });

  it('rejects "Nu" (Nữ without its diacritics), which gives the scanner away', () => {
    const result = classify(chipCard({ 2: 'Dinh Thi Huyen', 4: 'Nu', 5: 'Khanh Van, Ha Noi' }));
    expect(expectKind(result, 'chip-card').fields.sex).toBe('female');
    expect(result.problems).toEqual([expect.objectContaining({ code: 'encoding.diacritics-lost', field: 'sex', severity: 'error' })]);
  });

  it('warns when name and address are plain ASCII but nothing proves damage', () => {
    const result = classify(chipCard({ 0: '001058024485', 2: 'Dinh Van Nam', 4: 'Nam', 5: 'Khanh Van, Ha Noi' }));
    expect(result.valid).toBe(true);
    expect(codesOf(result)).toEqual(['encoding.possibly-ascii']);
  });
});
