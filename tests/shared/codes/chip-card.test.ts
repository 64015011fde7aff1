import { describe, expect, it } from 'vitest';
import { CAN_CUOC_CARD, CHIP_CARD, chipCard, classify, codesOf, expectKind, HUYEN } from './fixtures';

describe('2021 chip ID card (7 fields)', () => {
  it('reads every field of a real-shaped card', () => {
    const result = expectKind(classify(CHIP_CARD), 'chip-card');
    expect(result).toEqual({
      kind: 'chip-card',
      valid: true,
      problems: [],
      fields: {
        idNumber: '001158024485',
        oldIdNumber: '110419092',
        fullName: 'Đinh Thị Huyền',
        birthDate: { precision: 'day', year: 1958, month: 10, day: 8 },
        sex: 'female',
        address: 'Khánh Vân, Khánh Hà, Thường Tín, Hà Nội',
        issueDate: '2021-04-24',
        validUntil: null,
        fromCard: true,
      },
    });
  });

  it('refuses a card-shaped code whose fields are in another order, instead of reading every field shifted', () => {
    const { idNumber, oldIdNumber, fullName, birth, sex, address, issue } = HUYEN;
    // A made-up order, 11 fields like a căn cước card: by position the name would read "Nữ".
    const madeUp = [idNumber, oldIdNumber, sex, birth, fullName, address, issue, '', '', '', ''].join('|');
    const refused = classify(madeUp);
    expect(refused).toMatchObject({ kind: 'unknown', valid: false });
    expect(refused.problems).toEqual([expect.objectContaining({ code: 'format.layout', severity: 'error' })]);
    // Address and sex swapped: one layout problem, no misleading advice about the scanner's keyboard mode.
    expect(codesOf(classify([idNumber, oldIdNumber, fullName, birth, address, sex, issue].join('|')))).toEqual(['format.layout']);
    // A one-word name that merely starts like a sex is still a name.
    expect(expectKind(classify(chipCard({ 2: 'Nga' })), 'chip-card').fields.fullName).toBe('Nga');
  });

  it('accepts an empty, 9-digit or 12-digit old ID, and warns on anything else', () => {
    expect(expectKind(classify(chipCard({ 1: '' })), 'chip-card').fields.oldIdNumber).toBeNull();
    expect(expectKind(classify(chipCard({ 1: '001158024485' })), 'chip-card').fields.oldIdNumber).toBe('001158024485');
    const odd = classify(chipCard({ 1: '1104190' }));
    expect(odd.valid).toBe(true);
    expect(odd.problems).toEqual([expect.objectContaining({ code: 'old-id.invalid-format', field: 'oldIdNumber', severity: 'warning' })]);
  });

  it('reads partial birth dates: MMyyyy and yyyy', () => {
    expect(expectKind(classify(chipCard({ 3: '101958' })), 'chip-card').fields.birthDate).toEqual({ precision: 'month', year: 1958, month: 10 });
    const yearOnly = classify(chipCard({ 3: '1958' }));
    expect(yearOnly.valid).toBe(true);
    expect(expectKind(yearOnly, 'chip-card').fields.birthDate).toEqual({ precision: 'year', year: 1958 });
  });

  it('reads "Nam" as male, in any case', () => {
    const result = classify(chipCard({ 0: '001058024485', 4: 'NAM' }));
    expect(expectKind(result, 'chip-card').fields.sex).toBe('male');
    expect(result.problems).toEqual([]);
  });

  it('rejects impossible dates with a field-level problem', () => {
    const result = classify(chipCard({ 3: '31021958' }));
    expect(result.valid).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'date.invalid', field: 'birthDate', severity: 'error' })]);
    expect(expectKind(result, 'chip-card').fields).not.toHaveProperty('birthDate');
  });

  it('rejects a birth date in the future', () => {
    expect(codesOf(classify(chipCard({ 0: '001325024485', 3: '01012026' })))).toEqual(['date.in-future']);
  });

  it('rejects an issue date in the future or before birth, and a partial issue date', () => {
    expect(codesOf(classify(chipCard({ 6: '02062025' })))).toEqual(['date.in-future']);
    expect(codesOf(classify(chipCard({ 6: '01011957' })))).toEqual(['date.issue-before-birth']);
    expect(codesOf(classify(chipCard({ 6: '042021' })))).toEqual(['date.invalid']);
  });

  it('accepts an issue date of today (Vietnam time)', () => {
    expect(classify(chipCard({ 6: '01062025' })).problems).toEqual([]);
  });

  it('rejects a sex that is neither Nam nor Nữ', () => {
    const result = classify(chipCard({ 4: 'Nx' }));
    expect(result.problems).toEqual([expect.objectContaining({ code: 'sex.invalid', field: 'sex' })]);
  });

  it('requires name and dates, and warns on an empty address', () => {
    expect(codesOf(classify(chipCard({ 2: '' })))).toEqual(['field.required']);
    expect(classify(chipCard({ 5: '' })).problems).toEqual([expect.objectContaining({ code: 'field.empty', field: 'address', severity: 'warning' })]);
  });

  it('warns on digits or symbols in a name', () => {
    expect(codesOf(classify(chipCard({ 2: 'Đinh Thị Huyền 2' })))).toEqual(['name.unusual-characters']);
  });

  it('trims spaces around fields and strips scanner framing', () => {
    const framed = `\uFEFF${chipCard({ 2: ` ${HUYEN.fullName} ` })}\r\n`;
    expect(classify(framed).fields).toEqual(classify(CHIP_CARD).fields);
  });

  it('normalises decomposed diacritics to NFC', () => {
    const decomposed = classify(CHIP_CARD.normalize('NFD'));
    expect(expectKind(decomposed, 'chip-card').fields.fullName).toBe('Đinh Thị Huyền');
    expect(decomposed.problems).toEqual([]);
  });

  it('recognises a card with a damaged ID and reports the ID, not an unknown code', () => {
    const result = classify(chipCard({ 0: '0011580244B5' }));
    expect(result.kind).toBe('chip-card');
    expect(codesOf(result)).toEqual(['id.invalid-format']);
  });
});

describe('2024 căn cước card (11 fields)', () => {
  it('keeps the 4 extra fields as named extras', () => {
    const result = expectKind(classify(CAN_CUOC_CARD), 'can-cuoc-card');
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.fields.extras).toEqual({ field8: '', field9: '', field10: '', field11: '' });
    expect(result.fields.idNumber).toBe(HUYEN.idNumber);
  });

  it('keeps non-empty extras verbatim', () => {
    const result = expectKind(classify(chipCard({}, ['Đinh Văn A', '', 'x', ''])), 'can-cuoc-card');
    expect(result.fields.extras).toEqual({ field8: 'Đinh Văn A', field9: '', field10: 'x', field11: '' });
  });

  it('never rejects a card for having more fields than expected', () => {
    const result = expectKind(classify(chipCard({}, ['', '', '', '', 'new', ''])), 'can-cuoc-card');
    expect(result.valid).toBe(true);
    expect(result.fields.extras).toMatchObject({ field12: 'new', field13: '' });
    expect(result.problems).toEqual([expect.objectContaining({ code: 'format.unexpected-field-count', severity: 'warning', params: { count: 13, expected: 11 } })]);
  });

  it('uses the căn cước milestones, 14 included', () => {
    // Born 01/06/2015, issued 15/07/2024 at 9: valid until the 14th birthday.
    const child = chipCard({ 0: '001315024485', 1: '', 3: '01062015', 6: '15072024' }, ['', '', '', '']);
    expect(classify(child).fields).toMatchObject({ validUntil: '2029-06-01' });
  });
});
