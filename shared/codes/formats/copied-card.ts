// The chip-card fields pasted or retyped by hand: `id|name|dd/MM/yyyy|Nam/Nữ|address|dd/MM/yyyy`,
// without the old-ID field. Accepted, but flagged: nothing shows it was ever read from a card.

import { CHIP_CARD_MILESTONES } from '../card-expiry';
import { parseCompactDate, parseSlashedDate, type CalendarDay } from '../dates';
import { finding, type Finding } from '../problems';
import type { FieldsOf } from '../schemas';
import { looksLikeSex, readCardPerson } from './card-person';

const COPIED_FIELDS = 6;

export function isCopiedCard(parts: readonly string[]): boolean {
  if (parts.length !== COPIED_FIELDS) return false;
  const signals = [/^\d+$/.test(parts[0] ?? ''), /^[\d/]{4,10}$/.test(parts[2] ?? ''), looksLikeSex(parts[3] ?? '')];
  return signals.filter(Boolean).length >= 2;
}

/**
 * Six fields whose dates are a card's own (`ddMMyyyy`) rather than a copy's (`dd/MM/yyyy`): the
 * dates are right, the layout is not (a card's fields with one missing), and that is what is said.
 */
export function hasCardDatesInCopy(parts: readonly string[]): boolean {
  const [birth = '', issue = ''] = [parts[2], parts[5]];
  return /^\d{8}$/.test(birth) && /^\d{8}$/.test(issue) && parseCompactDate(birth) !== undefined && parseCompactDate(issue) !== undefined;
}

export function parseCopiedCard(parts: readonly string[], today: CalendarDay): { fields: FieldsOf<'copied-card'>; findings: Finding[] } {
  const [idNumber = '', fullName = '', birthDate = '', sex = '', address = '', issueDate = ''] = parts;
  // Which card generation it was copied from is unknown; the 2021 milestones are the lenient choice.
  const { person, findings } = readCardPerson(
    { idNumber, fullName, birthDate, sex, address, issueDate },
    { parseDate: parseSlashedDate, milestones: CHIP_CARD_MILESTONES, today },
  );
  findings.push(finding('card.not-from-card'));
  return { fields: { ...person, fromCard: false }, findings };
}
