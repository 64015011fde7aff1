import { describe, expect, it } from 'vitest';
import { describeIdNumber } from '../../../shared/codes';
import { checkIdNumber } from '../../../shared/codes/id-number';
import { chipCard, classify, codesOf, HUYEN } from './fixtures';

describe('describeIdNumber', () => {
  it('reads place, century, sex and birth year', () => {
    expect(describeIdNumber('001158024485')).toEqual({
      placeCode: '001',
      province: { code: '001', name: 'Hà Nội', provinceFrom2025: 'Hà Nội' },
      century: 1900,
      sex: 'female',
      birthYearDigits: '58',
      birthYear: 1958,
    });
  });

  it('maps digit 4 to century and sex: 0/1 1900s, 2/3 2000s, 4/5 2100s', () => {
    const facts = ['0', '1', '2', '3', '4', '5'].map((digit) => describeIdNumber(`079${digit}05123456`));
    expect(facts.map((f) => [f?.century, f?.sex, f?.birthYear])).toEqual([
      [1900, 'male', 1905],
      [1900, 'female', 1905],
      [2000, 'male', 2005],
      [2000, 'female', 2005],
      [2100, 'male', 2105],
      [2100, 'female', 2105],
    ]);
  });

  it('leaves an unknown place code (a country code for a birth abroad) without a province', () => {
    expect(describeIdNumber('003158024485')?.province).toBeUndefined();
  });

  it('refuses anything but 12 digits, with no check digit to test', () => {
    for (const id of ['', '00115802448', '0011580244850', '00115802448A', '００１158024485']) expect(describeIdNumber(id)).toBeUndefined();
    // Any 6 random digits are accepted: there is no checksum.
    expect(describeIdNumber('001158000000')).toBeDefined();
    expect(describeIdNumber('001158999999')).toBeDefined();
  });
});

describe('ID number against the document', () => {
  it('warns, not rejects, on a birth-year mismatch', () => {
    const result = classify(chipCard({ 3: '08101959' }));
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'id.birth-year-mismatch', severity: 'warning', field: 'idNumber' })]);
  });

  it('warns, not rejects, on a sex mismatch', () => {
    const result = classify(chipCard({ 4: 'Nam' }));
    expect(result.valid).toBe(true);
    expect(codesOf(result)).toEqual(['id.sex-mismatch']);
  });

  it('warns on a century mismatch: digit 3 means the 2000s', () => {
    expect(codesOf(classify(chipCard({ 0: '001358024485' })))).toEqual(['id.birth-year-mismatch']);
  });

  it('warns on an unknown place code', () => {
    const result = classify(chipCard({ 0: '003158024485' }));
    expect(result.valid).toBe(true);
    expect(codesOf(result)).toEqual(['id.unknown-place-code']);
  });

  it('rejects a malformed number', () => {
    expect(codesOf(classify(chipCard({ 0: '00115802448' })))).toEqual(['id.invalid-format']);
    expect(checkIdNumber('', 'idNumber', {})).toEqual([{ code: 'field.required', field: 'idNumber' }]);
  });

  it('compares only the year for a year-only birth date', () => {
    expect(checkIdNumber(HUYEN.idNumber, 'idNumber', { birthDate: { precision: 'year', year: 1958 }, sex: 'female' })).toEqual([]);
  });
});
