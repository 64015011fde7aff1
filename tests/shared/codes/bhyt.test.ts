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
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      otherFields: ['01 - 123', '01/01/2025', '31/12/2025', '01/01/2025', '$'],
    });
  });

  // Real-shaped samples, written from the layout public samples share (see shared/codes/formats/bhyt.ts).
  const PLACE = 'Quận Cầu Giấy, Thành phố Hà Nội';
  /** A 17-field card (2021 onward): the 10-digit number alone, no address, the issuing place in [15]. */
  const card2021 = (validUntil: string, end = '$') =>
    ['0120878811', hex(NAME), '08/10/1958', '2', '-', '01 - 048', '01/01/2025', validUntil, '01/01/2025', '0120878811', '4', '01/01/2020', '-', '-', '-', hex(PLACE), end].join('|');

  it('reads a 2021 card: the validity, the issuing place decoded, and `#` as the end mark as well as `$`', () => {
    for (const end of ['$', '#']) {
      const result = expectKind(classify(card2021('31/12/2025', end)), 'bhyt');
      expect(result.problems).toEqual([]);
      expect(result.fields).toMatchObject({ cardNumber: '0120878811', fullName: NAME, address: '', validFrom: '2025-01-01', validUntil: '2025-12-31', issuingPlace: PLACE });
    }
  });

  it('says a card has expired, or is not valid yet, and the verdict asks for a check', () => {
    const expired = classify(card2021('31/12/2024'));
    expect(expired.valid).toBe(true);
    expect(expired.problems).toEqual([expect.objectContaining({ code: 'bhyt.expired', field: 'validUntil', severity: 'warning', message: 'Giá trị sử dụng đến: thẻ BHYT đã hết hạn ngày 31/12/2024.' })]);
    const early = classify(bhyt().replace('|01/01/2025|31/12/2025|', '|01/07/2025|-|'));
    expect(expectKind(early, 'bhyt').fields).toMatchObject({ validFrom: '2025-07-01', validUntil: null });
    expect(codesOf(early)).toEqual(['bhyt.not-yet-valid']);
  });

  it('takes a card number from before 2018 whose social-insurance number has letters (DN401AA31900313)', () => {
    const result = expectKind(classify(bhyt({ card: 'DN401AA31900313' })), 'bhyt');
    expect(result.fields).toMatchObject({ cardNumber: 'DN401AA31900313', socialInsuranceNumber: 'AA31900313', fullName: NAME });
    expect(result.problems).toEqual([]);
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
