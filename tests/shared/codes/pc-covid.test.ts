import { describe, expect, it } from 'vitest';
import { classify, codesOf, expectKind } from './fixtures';

const pcCovid = (documentNumber: string, birth: string, more = '') => `${documentNumber}|DINH THI HUYEN|${birth}|1|5e3f0c2a-qid|${more}`;

describe('PC-Covid unified QR (QĐ 1405)', () => {
  it('reads an unmasked code', () => {
    const result = expectKind(classify(pcCovid('001158024485', '1958-10-08', 'ext')), 'pc-covid');
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      documentNumber: '001158024485',
      documentNumberMasked: false,
      fullName: 'DINH THI HUYEN',
      birthDate: { precision: 'day', year: 1958, month: 10, day: 8 },
      birthDateMasked: false,
      documentType: '1',
      qid: '5e3f0c2a-qid',
      ext: 'ext',
      extras: {},
    });
    expect(result.problems).toEqual([]);
  });

  it('reads a birth date written yyyy/M/d and a name with diacritics, as codes in the wild carry them', () => {
    const code = `001158024485|${'Đinh Thị Huyền'.normalize('NFD')}|1958/10/8|1|5e3f0c2a-qid|ext`;
    const result = expectKind(classify(code), 'pc-covid');
    expect(result.problems).toEqual([]);
    expect(result.fields).toMatchObject({ fullName: 'Đinh Thị Huyền', birthDate: { precision: 'day', year: 1958, month: 10, day: 8 }, birthDateMasked: false });
    expect(codesOf(classify(pcCovid('001158024485', '1958/2/30')))).toEqual(['date.invalid']);
  });

  it('flags a masked document number and keeps what the mask leaves of the birth date', () => {
    const yearOnly = expectKind(classify(pcCovid('0011****4485', '1958-**-**')), 'pc-covid');
    expect(yearOnly.valid).toBe(true);
    expect(yearOnly.fields).toMatchObject({ documentNumberMasked: true, birthDateMasked: true, birthDate: { precision: 'year', year: 1958 } });
    expect(expectKind(classify(pcCovid('0011****4485', '1958-10-**')), 'pc-covid').fields.birthDate).toEqual({ precision: 'month', year: 1958, month: 10 });
    const hidden = expectKind(classify(pcCovid('************', '****-**-**')), 'pc-covid');
    expect(hidden.fields).not.toHaveProperty('birthDate');
    expect(hidden.fields.birthDateMasked).toBe(true);
    expect(hidden.problems).toEqual([]);
  });

  it('checks an unmasked 12-digit ID against the birth year, and leaves other documents alone', () => {
    expect(codesOf(classify(pcCovid('001158024485', '1960-01-01')))).toEqual(['id.birth-year-mismatch']);
    expect(codesOf(classify(pcCovid('110419092', '1960-01-01')))).toEqual([]);
    expect(codesOf(classify(pcCovid('B1234567', '1960-01-01')))).toEqual([]);
  });

  it('rejects impossible and future birth dates', () => {
    expect(codesOf(classify(pcCovid('001158024485', '1958-02-30')))).toEqual(['date.invalid']);
    expect(codesOf(classify(pcCovid('001158024485', '1958-13-**')))).toEqual(['date.invalid']);
    expect(codesOf(classify(pcCovid('B1234567', '2030-01-01')))).toEqual(['date.in-future']);
  });

  it('requires a document number and a name', () => {
    expect(codesOf(classify('|DINH THI HUYEN|1958-10-08|1|q|'))).toEqual(['field.required']);
    expect(codesOf(classify('001158024485||1958-10-08|1|q|'))).toEqual(['field.required']);
  });

  it('keeps unexpected extra fields with a warning', () => {
    const result = expectKind(classify(`${pcCovid('001158024485', '1958-10-08')}|later`), 'pc-covid');
    expect(result.valid).toBe(true);
    expect(result.fields.extras).toEqual({ field7: 'later' });
    expect(codesOf(result)).toEqual(['format.unexpected-field-count']);
  });
});
