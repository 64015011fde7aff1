import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProvince, PROVINCE_CODES } from '../../../shared/codes';

const csvPath = new URL('../../data/reference/province-codes.csv', import.meta.url);

describe('province codes', () => {
  it('equal the reference CSV, row for row', () => {
    const rows = readFileSync(csvPath, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    expect(rows).toHaveLength(63);
    expect(PROVINCE_CODES.map((p) => [p.code, p.name, p.provinceFrom2025])).toEqual(rows);
  });

  it('are unique and NFC-normalised', () => {
    expect(new Set(PROVINCE_CODES.map((p) => p.code)).size).toBe(PROVINCE_CODES.length);
    for (const p of PROVINCE_CODES) expect(p.name + p.provinceFrom2025).toBe((p.name + p.provinceFrom2025).normalize('NFC'));
  });

  it('looks up a code, including one whose province merged in 2025', () => {
    expect(findProvince('001')).toEqual({ code: '001', name: 'Hà Nội', provinceFrom2025: 'Hà Nội' });
    expect(findProvince('030')?.provinceFrom2025).toBe('Hải Phòng');
    expect(findProvince('003')).toBeUndefined();
  });
});
