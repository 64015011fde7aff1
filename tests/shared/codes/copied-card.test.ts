import { describe, expect, it } from 'vitest';
import { classify, codesOf, expectKind } from './fixtures';

const COPIED = '001158024485|Đinh Thị Huyền|08/10/1958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24/04/2021';

describe('copied 6-field variant', () => {
  it('is accepted but flagged as not read from a card', () => {
    const result = expectKind(classify(COPIED), 'copied-card');
    expect(result.valid).toBe(true);
    expect(result.fields).toEqual({
      idNumber: '001158024485',
      fullName: 'Đinh Thị Huyền',
      birthDate: { precision: 'day', year: 1958, month: 10, day: 8 },
      sex: 'female',
      address: 'Khánh Vân, Khánh Hà, Thường Tín, Hà Nội',
      issueDate: '2021-04-24',
      validUntil: null,
      fromCard: false,
    });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'card.not-from-card', severity: 'warning' })]);
  });

  it('six fields with a card’s own dates (ddMMyyyy) are a layout problem, not two wrong dates', () => {
    const withCardDates = '001158024485|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';
    expect(classify(withCardDates).problems).toEqual([expect.objectContaining({ code: 'format.layout' })]);
    expect(codesOf(classify('001158024485|Nữ|08/10/1958|Đinh Thị Huyền|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24/04/2021'))).toEqual(['format.layout']);
  });

  it('reads partial birth dates in slashed form', () => {
    const result = expectKind(classify(COPIED.replace('08/10/1958', '10/1958')), 'copied-card');
    expect(result.fields.birthDate).toEqual({ precision: 'month', year: 1958, month: 10 });
  });

  it('applies the same checks as a card', () => {
    expect(codesOf(classify(COPIED.replace('08/10/1958', '30/02/1958')))).toEqual(['date.invalid', 'card.not-from-card']);
    expect(codesOf(classify(COPIED.replace('|Nữ|', '|Nam|')))).toEqual(['id.sex-mismatch', 'card.not-from-card']);
  });
});
