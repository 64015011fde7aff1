import { describe, expect, it } from 'vitest';
import { classifiedCodeSchema, declarationToCode, validateDeclaration, type DeclarationForm } from '../../../shared/codes';
import { codesOf, NOW } from './fixtures';

const FORM: DeclarationForm = {
  idNumber: '001158024485',
  fullName: '  Đinh Thị Huyền ',
  birthDate: '08/10/1958',
  sex: 'female',
  phone: '+84 912 345 678',
  address: { province: 'Hà Nội', district: 'Xã Khánh Hà', detail: 'Thôn Khánh Vân' },
  travel: { from: 'Hà Nội', to: 'Lạng Sơn' },
  vehiclePlate: '29a-123.45',
  health: { symptoms: ['cough'], contactWithConfirmedCase: false, vaccinationDoses: 3 },
};

const validate = (form: unknown, locale: 'vi' | 'en' = 'vi') => validateDeclaration(form, { now: NOW, locale });
const withForm = (patch: Record<string, unknown>) => ({ ...FORM, ...patch });

describe('paper declaration', () => {
  it('accepts a complete form and normalises it', () => {
    const { declaration, problems } = validate(FORM);
    expect(problems).toEqual([]);
    expect(declaration).toEqual({
      idNumber: '001158024485',
      fullName: 'Đinh Thị Huyền',
      birthDate: { precision: 'day', year: 1958, month: 10, day: 8 },
      sex: 'female',
      phone: '0912345678',
      address: { province: 'Hà Nội', district: 'Xã Khánh Hà', detail: 'Thôn Khánh Vân' },
      travel: { from: 'Hà Nội', to: 'Lạng Sơn' },
      vehiclePlate: '29A-123.45',
      health: { symptoms: ['cough'], symptomNotes: '', contactWithConfirmedCase: false, vaccinationDoses: 3 },
    });
  });

  it('names each missing field, in Vietnamese first', () => {
    const { declaration, problems } = validate({ ...FORM, fullName: '   ', travel: { from: 'Hà Nội' }, sex: undefined });
    expect(declaration).toBeUndefined();
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['field.required', 'fullName'],
      ['field.required', 'sex'],
      ['field.required', 'travel.to'],
    ]);
    expect(problems.map((p) => p.message)).toEqual(['Họ và tên: bắt buộc, chưa có nội dung.', 'Giới tính: bắt buộc, chưa có nội dung.', 'Nơi đến: bắt buộc, chưa có nội dung.']);
    expect(validate({ ...FORM, fullName: '' }, 'en').problems[0]?.message).toBe('Full name: required, missing.');
  });

  it('limits lengths and checks types and choices', () => {
    expect(validate(withForm({ fullName: 'A'.repeat(101) })).problems).toEqual([expect.objectContaining({ code: 'field.too-long', field: 'fullName', params: { max: 100 } })]);
    expect(codesOf(validate(withForm({ sex: 'other' })))).toEqual(['sex.invalid']);
    expect(validate(withForm({ health: { ...FORM.health, vaccinationDoses: -1 } })).problems).toEqual([expect.objectContaining({ code: 'field.invalid', field: 'health.vaccinationDoses' })]);
    expect(validate(withForm({ health: { ...FORM.health, symptoms: ['plague'] } })).problems[0]?.field).toBe('health.symptoms.0');
  });

  it('rejects a form that is not an object', () => {
    for (const input of [null, 'form', 42, []]) expect(codesOf(validate(input))).toEqual(['declaration.invalid-input']);
  });

  it('checks ID, date, phone and plate contents', () => {
    expect(codesOf(validate(withForm({ idNumber: '00115802448' })))).toEqual(['id.invalid-format']);
    expect(codesOf(validate(withForm({ birthDate: '30/02/1958' })))).toEqual(['date.invalid']);
    expect(codesOf(validate(withForm({ birthDate: '01/01/2026', idNumber: '001326024485' })))).toEqual(['date.in-future']);
    expect(codesOf(validate(withForm({ phone: '12345' })))).toEqual(['phone.invalid']);
    expect(codesOf(validate(withForm({ vehiclePlate: 'ABC' })))).toEqual(['plate.invalid']);
  });

  it('accepts motorbike and two-letter plates, and no plate at all', () => {
    for (const plate of ['29-B1 123.45', '80NG-123.45', '51F-12345', '']) expect(validate(withForm({ vehiclePlate: plate })).problems).toEqual([]);
    expect(validate(withForm({ vehiclePlate: undefined })).declaration?.vehiclePlate).toBeNull();
  });

  it('keeps the declaration with a warning when the ID disagrees with birth year or sex', () => {
    const { declaration, problems } = validate(withForm({ sex: 'male', birthDate: '1959' }));
    expect(declaration?.birthDate).toEqual({ precision: 'year', year: 1959 });
    expect(codesOf({ problems })).toEqual(['id.birth-year-mismatch', 'id.sex-mismatch']);
  });

  it('becomes a paper-declaration code for the verdict pipeline', () => {
    const { declaration } = validate(withForm({ sex: 'male' }));
    if (!declaration) throw new Error('expected a declaration');
    const code = declarationToCode(declaration, { now: NOW });
    expect(classifiedCodeSchema.parse(code)).toEqual(code);
    expect(code).toMatchObject({ kind: 'paper-declaration', valid: true, fields: declaration });
    expect(codesOf(code)).toEqual(['id.sex-mismatch']);
  });
});
