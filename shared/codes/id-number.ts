// The 12-digit personal identification number (số định danh cá nhân, Circular 07/2016/TT-BCA):
// 3 digits place of birth registration, 1 digit century and sex, 2 digits birth year, 6 random
// digits. There is no check digit, so none is checked. Numbers are sometimes re-assigned, which is
// why a disagreement with the document is only a warning.

import type { PartialDate, Sex } from './schemas';
import { findProvince, type ProvinceCode } from './province-codes';
import { finding, type Finding } from './problems';

export interface IdNumberFacts {
  /** Where the birth was registered: a province code, or a country code for births abroad. */
  placeCode: string;
  /** The province for a known code; undefined for an unknown one (possibly a country code). */
  province: ProvinceCode | undefined;
  /** First year of the birth century: 1900, 2000, 2100… */
  century: number;
  sex: Sex;
  /** Digits 5–6 as printed. */
  birthYearDigits: string;
  birthYear: number;
}

export function isIdNumber(value: string): boolean {
  return /^\d{12}$/.test(value);
}

/** Structure facts of an ID number, or undefined when it is not 12 digits. */
export function describeIdNumber(id: string): IdNumberFacts | undefined {
  if (!isIdNumber(id)) return undefined;
  const placeCode = id.slice(0, 3);
  const genderDigit = Number(id[3]);
  const century = 1900 + Math.floor(genderDigit / 2) * 100;
  const birthYearDigits = id.slice(4, 6);
  return {
    placeCode,
    province: findProvince(placeCode),
    century,
    sex: genderDigit % 2 === 0 ? 'male' : 'female',
    birthYearDigits,
    birthYear: century + Number(birthYearDigits),
  };
}

export interface DocumentFacts {
  birthDate?: PartialDate | undefined;
  sex?: Sex | undefined;
}

/** Format error, or warnings for an unknown place code and for disagreement with the document. */
export function checkIdNumber(id: string, field: string, document: DocumentFacts): Finding[] {
  if (id === '') return [finding('field.required', field)];
  const facts = describeIdNumber(id);
  if (!facts) return [finding('id.invalid-format', field)];
  const findings: Finding[] = [];
  if (!facts.province) findings.push(finding('id.unknown-place-code', field));
  if (document.birthDate && document.birthDate.year !== facts.birthYear) findings.push(finding('id.birth-year-mismatch', field));
  if (document.sex && document.sex !== facts.sex) findings.push(finding('id.sex-mismatch', field));
  return findings;
}
