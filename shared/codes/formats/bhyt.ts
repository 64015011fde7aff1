// Health-insurance card (thẻ BHYT) QR: `|`-separated fields, ending in `$` (or `#` on some cards).
//
//   [0]  card number: 2 letters (holder category), benefit level, 2-digit province, then the
//        10-character social-insurance number (letters appear in it on cards from before 2018,
//        e.g. DN401AA31900313); cards from 2021 carry the 10-digit number alone
//   [1]  full name, hex-encoded UTF-8
//   [2]  birth date, dd/MM/yyyy or yyyy
//   [3]  sex: 1 male, 2 female
//   [4]  address, hex-encoded UTF-8, or `-` when the card has none
//   [5]  initial health facility, e.g. `01 - 048`
//   [6]  valid from, dd/MM/yyyy          [7]  valid until, dd/MM/yyyy, or `-` for no end
//   [8]  issue date; [9]–[14] codes whose meaning public sources do not agree on (kept verbatim)
//   [15] on 17-field cards (2021 onward): the issuing place, hex-encoded UTF-8
//        (e.g. "Quận Cầu Giấy, Thành phố Hà Nội")
//
// Every public sample agrees on [0]–[7] and, on 17-field cards, [15]; fields from [5] on are also
// kept verbatim. A field we cannot decode is kept as scanned with a warning, so an unknown variant
// still reads as a BHYT card. Sources: the 64 payloads of hospital kiosks, check-in apps and
// parsers' fixtures surveyed for issue #16 (their BHYT samples all share this layout); the test
// samples (tests/shared/codes/bhyt.test.ts) are written from these facts, not copied.

import { compareDays, firstDay, formatIsoDay, formatSlashedDay, parseSlashedDate, type CalendarDay } from '../dates';
import { findForbiddenCharacter } from '../limits';
import { normaliseText } from '../normalise';
import { finding, type Finding } from '../problems';
import type { FieldsOf, Sex } from '../schemas';
import { decodeHexUtf8 } from '../utf8';

/** Two letters (holder category), benefit level, province, the 10-character social-insurance number; or, on cards from 2021, that number alone (digits). */
const CARD_NUMBER = /^(?:[A-Z]{2}\d{3}[A-Z0-9]{10}|\d{10})$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const KNOWN_FIELDS = 5;
const VALID_FROM = 6;
const VALID_UNTIL = 7;
/** Cards from 2021 have 17 fields, the 16th the issuing place. */
const ISSUING_PLACE = 15;
const FIELDS_WITH_ISSUING_PLACE = 17;

export function isBhyt(parts: readonly string[]): boolean {
  return parts.length >= KNOWN_FIELDS && CARD_NUMBER.test(parts[0] ?? '') && (HEX.test(parts[1] ?? '') || parseSlashedDate(parts[2] ?? '') !== undefined);
}

// Decoded bytes bypassed the hard limits on the raw payload, so they are held to the same rule.
function decodeText(value: string, field: string, findings: Finding[]): string {
  const decoded = HEX.test(value) ? decodeHexUtf8(value) : undefined;
  if (decoded !== undefined && findForbiddenCharacter(decoded) === undefined) return normaliseText(decoded);
  findings.push(finding('bhyt.undecodable-field', field));
  return value;
}

const SEX_CODES: Record<string, Sex> = { '1': 'male', '2': 'female' };

export function parseBhyt(parts: readonly string[], today: CalendarDay): { fields: FieldsOf<'bhyt'>; findings: Finding[] } {
  const [cardNumber = '', nameHex = '', birthText = '', sexCode = '', addressHex = ''] = parts;
  const findings: Finding[] = [];
  const fullName = nameHex === '' ? '' : decodeText(nameHex, 'fullName', findings);
  if (fullName === '') findings.push(finding('field.required', 'fullName'));
  // "-" marks an address the card does not carry.
  const address = addressHex === '' || addressHex === '-' ? '' : decodeText(addressHex, 'address', findings);

  let birthDate = parseSlashedDate(birthText);
  if (!birthDate) findings.push(finding(birthText === '' ? 'field.required' : 'date.invalid', 'birthDate'));
  else if (compareDays(firstDay(birthDate), today) > 0) {
    findings.push(finding('date.in-future', 'birthDate'));
    birthDate = undefined;
  }
  const sex = Object.hasOwn(SEX_CODES, sexCode) ? SEX_CODES[sexCode] : undefined;
  if (!sex) findings.push(finding('bhyt.undecodable-field', 'sex'));

  const validity = readValidity(parts, today, findings);
  const placeHex = parts.length === FIELDS_WITH_ISSUING_PLACE ? (parts[ISSUING_PLACE] ?? '') : '';
  const issuingPlace = HEX.test(placeHex) ? decodeText(placeHex, 'issuingPlace', findings) : undefined;

  const fields: FieldsOf<'bhyt'> = {
    cardNumber,
    socialInsuranceNumber: cardNumber.slice(-10),
    fullName,
    ...(birthDate && { birthDate }),
    ...(sex && { sex }),
    address,
    ...validity,
    ...(issuingPlace !== undefined && { issuingPlace }),
    otherFields: parts.slice(KNOWN_FIELDS),
  };
  return { fields, findings };
}

const dayOf = (text: string): CalendarDay | undefined => {
  const date = parseSlashedDate(text);
  return date?.precision === 'day' ? { year: date.year, month: date.month, day: date.day } : undefined;
};
/** Fields [6]–[7]: the card's validity, judged at `today`. A card outside it is said so (the verdict asks for a check). */
function readValidity(parts: readonly string[], today: CalendarDay, findings: Finding[]): { validFrom?: string; validUntil?: string | null } {
  if (parts.length <= VALID_UNTIL) return {};
  const [fromText = '', untilText = ''] = [parts[VALID_FROM], parts[VALID_UNTIL]];
  const from = dayOf(fromText);
  // `-`: the card has no end date.
  const until = untilText === '-' ? null : dayOf(untilText);
  if (from === undefined) findings.push(finding('date.invalid', 'validFrom'));
  if (until === undefined) findings.push(finding('date.invalid', 'validUntil'));
  if (from !== undefined && compareDays(today, from) < 0) findings.push(finding('bhyt.not-yet-valid', 'validFrom', { date: formatSlashedDay(from) }));
  if (until != null && compareDays(today, until) > 0) findings.push(finding('bhyt.expired', 'validUntil', { date: formatSlashedDay(until) }));
  return { ...(from && { validFrom: formatIsoDay(from) }), ...(until !== undefined && { validUntil: until && formatIsoDay(until) }) };
}
