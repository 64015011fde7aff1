import { describe, expect, it } from 'vitest';
import { maskAddress, maskBirthDate, maskIdNumber, maskName, maskPhone } from '../../../shared/privacy/mask';

describe('masking personal data for display and export', () => {
  it('masks a 12-digit ID as 0011•••••485', () => {
    expect(maskIdNumber('001158024485')).toBe('0011•••••485');
  });

  it('masks other document numbers in proportion, hiding at least 5 of every 12 characters', () => {
    expect(maskIdNumber('110419092')).toBe('110••••92');
    expect(maskIdNumber('HT4010120878811')).toBe('HT401•••••••811');
    expect(maskIdNumber('0011****4485')).toBe('0011•••••485');
    expect(maskIdNumber('12345')).toBe('•••••');
    expect(maskIdNumber('123456')).toBe('12•••6');
    expect(maskIdNumber('')).toBe('');
    for (let length = 1; length <= 20; length++) {
      const masked = maskIdNumber('7'.repeat(length));
      expect([...masked].filter((c) => c === '•').length / length).toBeGreaterThanOrEqual(5 / 12);
    }
  });

  it('masks phone numbers the same way', () => {
    expect(maskPhone('0912345678')).toBe('091•••••78');
  });

  it('keeps only each word initial of a name, with a fixed-width tail', () => {
    expect(maskName('Đinh Thị Huyền')).toBe('Đ•• T•• H••');
    expect(maskName('  Lê   Ư ')).toBe('L•• Ư••');
    // Decomposed input keeps its initial's diacritic intact.
    expect(maskName('Ánh'.normalize('NFD'))).toBe('Á••');
    expect(maskName('')).toBe('');
  });

  it('keeps only the year of a birth date', () => {
    expect(maskBirthDate({ precision: 'day', year: 1958, month: 10, day: 8 })).toBe('••/••/1958');
    expect(maskBirthDate({ precision: 'month', year: 1958, month: 10 })).toBe('••/1958');
    expect(maskBirthDate({ precision: 'year', year: 1958 })).toBe('1958');
  });

  it('keeps only the province of an address', () => {
    expect(maskAddress('Khánh Vân, Khánh Hà, Thường Tín, Hà Nội')).toBe('•••, Hà Nội');
    expect(maskAddress('Hà Nội')).toBe('•••');
    expect(maskAddress(' , ')).toBe('');
  });
});
