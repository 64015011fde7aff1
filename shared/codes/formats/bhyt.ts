// Health-insurance card (thẻ BHYT) QR: `|`-separated, the card number first, then the name as
// hex-encoded UTF-8, birth date (dd/MM/yyyy or yyyy), sex (1 male, 2 female), address in hex, then
// fields whose layout public parsers disagree on. Those are kept verbatim, and any field we cannot
// decode is kept as scanned with a warning, so an unknown variant still reads as a BHYT card.

import { compareDays, firstDay, parseSlashedDate, type CalendarDay } from '../dates';
import { findForbiddenCharacter } from '../limits';
import { normaliseText } from '../normalise';
import { finding, type Finding } from '../problems';
import type { FieldsOf, Sex } from '../schemas';
import { decodeHexUtf8 } from '../utf8';

/** Two letters (holder category), benefit level, province, 10-digit social-insurance number; or, on cards from 2021, that number alone. */
const CARD_NUMBER = /^(?:[A-Z]{2}\d{13}|\d{10})$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const KNOWN_FIELDS = 5;

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

  const fields: FieldsOf<'bhyt'> = {
    cardNumber,
    socialInsuranceNumber: cardNumber.slice(-10),
    fullName,
    ...(birthDate && { birthDate }),
    ...(sex && { sex }),
    address,
    otherFields: parts.slice(KNOWN_FIELDS),
  };
  return { fields, findings };
}
