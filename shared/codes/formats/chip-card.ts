// QR code on the chip ID card (CCCD gắn chip, 2021–2024) and on the căn cước card (from 1 July
// 2024): `id|oldId|name|ddMMyyyy|Nam/Nữ|address|ddMMyyyy`, the căn cước card adding 4 more fields
// (empty for ordinary adults). Fields past the 7th are kept by position, never a reason to reject.

import { CAN_CUOC_MILESTONES, CHIP_CARD_MILESTONES } from '../card-expiry';
import { parseCompactDate, type CalendarDay } from '../dates';
import { finding, type Finding } from '../problems';
import type { FieldsOf } from '../schemas';
import { isSexWord, looksLikeSex, readCardPerson } from './card-person';
import { extrasFrom } from './fields';

const CHIP_CARD_FIELDS = 7;
const CAN_CUOC_FIELDS = 11;

export type ChipCardResult =
  | { kind: 'chip-card'; fields: FieldsOf<'chip-card'>; findings: Finding[] }
  | { kind: 'can-cuoc-card'; fields: FieldsOf<'can-cuoc-card'>; findings: Finding[] };

/** Two of three signals, so one damaged field still yields a card with a precise problem. */
export function isChipCard(parts: readonly string[]): boolean {
  if (parts.length < CHIP_CARD_FIELDS) return false;
  const signals = [/^\d+$/.test(parts[0] ?? ''), /^\d{4,8}$/.test(parts[3] ?? ''), looksLikeSex(parts[4] ?? '')];
  return signals.filter(Boolean).length >= 2;
}

/**
 * A card's shape with its fields in another order: a sex where the name belongs, or the sex
 * missing from its place while it sits in another. Reading it by position would put every value
 * under the wrong label (the name would read "Nam"), so it is refused as a layout, not parsed.
 */
export function hasShiftedCardFields(parts: readonly string[], layout: { name: number; sex: number; fields: number } = { name: 2, sex: 4, fields: CHIP_CARD_FIELDS }): boolean {
  if (isSexWord(parts[layout.name] ?? '')) return true;
  return !looksLikeSex(parts[layout.sex] ?? '') && parts.slice(1, layout.fields).some(isSexWord);
}

export function parseChipCard(parts: readonly string[], today: CalendarDay): ChipCardResult {
  const [idNumber = '', oldId = '', fullName = '', birthDate = '', sex = '', address = '', issueDate = ''] = parts;
  const isCanCuoc = parts.length > CHIP_CARD_FIELDS;
  const { person, findings } = readCardPerson(
    { idNumber, fullName, birthDate, sex, address, issueDate },
    { parseDate: parseCompactDate, milestones: isCanCuoc ? CAN_CUOC_MILESTONES : CHIP_CARD_MILESTONES, today },
  );
  if (oldId !== '' && !/^(?:\d{9}|\d{12})$/.test(oldId)) findings.push(finding('old-id.invalid-format', 'oldIdNumber'));
  const fields = { ...person, oldIdNumber: oldId === '' ? null : oldId, fromCard: true as const };
  if (!isCanCuoc) return { kind: 'chip-card', fields, findings };

  if (parts.length !== CAN_CUOC_FIELDS) {
    findings.push(finding('format.unexpected-field-count', undefined, { count: parts.length, expected: CAN_CUOC_FIELDS }));
  }
  return { kind: 'can-cuoc-card', fields: { ...fields, extras: extrasFrom(parts, CHIP_CARD_FIELDS) }, findings };
}
