// The unified personal QR of 2021 (QĐ 1405/QĐ-BTTTT, shown by PC-Covid):
// `SoGiayTo|HoTen|NgaySinh|LoaiDinhDanh|QID|EXT`. The document number and birth date may be masked
// with `*`; the name is upper case without diacritics by design, so that is not reported. Codes seen
// in the wild also carry the birth date as `1989/3/3` and names with diacritics (kept, NFC).

import { compareDays, firstDay, parseIsoDay, type CalendarDay } from '../dates';
import { checkIdNumber, isIdNumber } from '../id-number';
import { hasLostDiacritics, normaliseText } from '../normalise';
import { finding, type Finding } from '../problems';
import type { FieldsOf, PartialDate } from '../schemas';
import { extrasFrom } from './fields';

const PC_COVID_FIELDS = 6;
const MASKED_ISO_DATE = /^([\d*]{4})-([\d*]{2})-([\d*]{2})$/;
/** `yyyy/M/d`, never masked. */
const SLASHED_YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

export function isPcCovid(parts: readonly string[]): boolean {
  const birth = parts[2] ?? '';
  return parts.length >= PC_COVID_FIELDS && (MASKED_ISO_DATE.test(birth) || SLASHED_YEAR_FIRST.test(birth));
}

type BirthReading = { date?: PartialDate; masked: boolean; invalid: boolean };

// Masking hides the day, then the month, then the year; what is left readable is kept.
function readMaskedBirthDate(text: string): BirthReading {
  const slashed = SLASHED_YEAR_FIRST.exec(text);
  if (slashed) {
    const day = parseIsoDay(`${slashed[1]}-${slashed[2]!.padStart(2, '0')}-${slashed[3]!.padStart(2, '0')}`);
    return day ? { date: { precision: 'day', ...day }, masked: false, invalid: false } : { masked: false, invalid: true };
  }
  const [, year = '', month = ''] = MASKED_ISO_DATE.exec(text) ?? [];
  const masked = text.includes('*');
  if (!masked) {
    const full = parseIsoDay(text);
    return full ? { date: { precision: 'day', ...full }, masked, invalid: false } : { masked, invalid: true };
  }
  if (year.includes('*')) return { masked, invalid: false };
  const y = Number(year);
  const date: PartialDate = month.includes('*') ? { precision: 'year', year: y } : { precision: 'month', year: y, month: Number(month) };
  const plausible = y >= 1900 && (date.precision === 'year' || (date.month >= 1 && date.month <= 12));
  return plausible ? { date, masked, invalid: false } : { masked, invalid: true };
}

export function parsePcCovid(parts: readonly string[], today: CalendarDay): { fields: FieldsOf<'pc-covid'>; findings: Finding[] } {
  const [documentNumber = '', nameText = '', birthText = '', documentType = '', qid = '', ext = ''] = parts;
  const fullName = normaliseText(nameText);
  const findings: Finding[] = [];
  const documentNumberMasked = documentNumber.includes('*');
  const birth = readMaskedBirthDate(birthText);
  let birthDate = birth.date;
  if (birth.invalid) findings.push(finding('date.invalid', 'birthDate'));
  if (birthDate && compareDays(firstDay(birthDate), today) > 0) {
    findings.push(finding('date.in-future', 'birthDate'));
    birthDate = undefined;
  }

  if (documentNumber === '') findings.push(finding('field.required', 'documentNumber'));
  else if (isIdNumber(documentNumber)) findings.push(...checkIdNumber(documentNumber, 'documentNumber', { birthDate }));
  if (fullName === '') findings.push(finding('field.required', 'fullName'));
  else if (hasLostDiacritics(fullName)) findings.push(finding('encoding.diacritics-lost', 'fullName'));
  if (parts.length !== PC_COVID_FIELDS) {
    findings.push(finding('format.unexpected-field-count', undefined, { count: parts.length, expected: PC_COVID_FIELDS }));
  }

  const fields: FieldsOf<'pc-covid'> = {
    documentNumber,
    documentNumberMasked,
    fullName,
    ...(birthDate && { birthDate }),
    birthDateMasked: birth.masked,
    documentType,
    qid,
    ext,
    extras: extrasFrom(parts, PC_COVID_FIELDS),
  };
  return { fields, findings };
}
