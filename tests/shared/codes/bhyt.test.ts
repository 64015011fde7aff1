import { describe, expect, it } from 'vitest';
import { classify, codesOf, expectKind, hex } from './fixtures';

const NAME = 'Đinh Thị Huyền';
const ADDRESS = 'Khánh Vân, Thường Tín, Hà Nội';
const bhyt = (overrides: Partial<Record<'card' | 'name' | 'birth' | 'sex' | 'address', string>> = {}) =>
  [
    overrides.card ?? 'HT4010120878811',
    overrides.name ?? hex(NAME),
    overrides.birth ?? '08/10/1958',
    overrides.sex ?? '2',
    overrides.address ?? hex(ADDRESS),
    '01 - 123',
    '01/01/2025',
    '31/12/2025',
    '01/01/2025',
    '$',
  ].join('|');

describe('health-insurance card (BHYT)', () => {
  it('decodes the hex UTF-8 name and address and keeps the rest verbatim', () => {
    const result = expectKind(classify(bhyt()), 'bhyt');
    expect(result.valid).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.fields).toEqual({
      cardNumber: 'HT4010120878811',
      socialInsuranceNumber: '0120878811',
      fullName: NAME,
      birthDate: { precision: 'day', year: 1958, month: 10, day: 8 },
      sex: 'female',
      address: ADDRESS,
      otherFields: ['01 - 123', '01/01/2025', '31/12/2025', '01/01/2025', '$'],
    });
  });

  it('accepts upper-case hex, a 10-digit card number, a year-only birth, and "-" for no address', () => {
    const result = expectKind(classify(bhyt({ card: '0120878811', name: hex(NAME).toUpperCase(), birth: '1958', sex: '1', address: '-' })), 'bhyt');
    expect(result.fields).toMatchObject({ cardNumber: '0120878811', fullName: NAME, birthDate: { precision: 'year', year: 1958 }, sex: 'male', address: '' });
    expect(result.problems).toEqual([]);
  });

  it('NFC-normalises decoded text', () => {
    expect(expectKind(classify(bhyt({ name: hex(NAME.normalize('NFD')) })), 'bhyt').fields.fullName).toBe(NAME);
  });

  it('keeps a field it cannot decode, with a warning', () => {
    const overlong = classify(bhyt({ name: 'c0af' }));
    expect(expectKind(overlong, 'bhyt').fields.fullName).toBe('c0af');
    expect(overlong.valid).toBe(true);
    expect(overlong.problems).toEqual([expect.objectContaining({ code: 'bhyt.undecodable-field', field: 'fullName', severity: 'warning' })]);
    expect(codesOf(classify(bhyt({ name: 'Dinh Thi Huyen' })))).toEqual(['bhyt.undecodable-field']);
    expect(codesOf(classify(bhyt({ sex: '0' })))).toEqual(['bhyt.undecodable-field']);
  });

  it('refuses decoded text carrying control characters', () => {
    const result = classify(bhyt({ address: hex('Hà Nội\u0007') }));
    expect(codesOf(result)).toEqual(['bhyt.undecodable-field']);
    expect(expectKind(result, 'bhyt').fields.address).toBe(hex('Hà Nội\u0007'));
  });

  it('checks the birth date', () => {
    expect(codesOf(classify(bhyt({ birth: '31/02/1958' })))).toEqual(['date.invalid']);
    expect(codesOf(classify(bhyt({ birth: '01/01/2030' })))).toEqual(['date.in-future']);
  });
});
