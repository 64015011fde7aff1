// How long an ID card stays valid. Law on Citizen Identification 2014, art. 21, and Law on Identity
// 2023, art. 21: the card must be renewed when the holder reaches 25, 40 and 60 (căn cước cards,
// which children may hold, also at 14); a card issued within the 2 years before one of those ages
// stays valid until the next one; a card issued from 60 (or within 2 years before it) never expires.
// The card is valid up to and including the milestone birthday, as the card prints it.

import { addYears, compareDays, firstDay, lastDay, type CalendarDay } from './dates';
import type { PartialDate } from './schemas';

export const CHIP_CARD_MILESTONES = [25, 40, 60] as const;
export const CAN_CUOC_MILESTONES = [14, 25, 40, 60] as const;
const GRACE_YEARS = 2;

export interface CardValidity {
  /** Last valid day; null when the card never expires. */
  validUntil: CalendarDay | null;
  /** The age at which the card must be renewed; null when it never expires. */
  milestoneAge: number | null;
}

function validityForBirthday(birth: CalendarDay, issued: CalendarDay, milestones: readonly number[]): CardValidity {
  for (const age of milestones) {
    const reached = addYears(birth, age);
    // Issued on or after the milestone birthday: that renewal is already done.
    if (compareDays(issued, reached) >= 0) continue;
    if (compareDays(issued, addYears(birth, age - GRACE_YEARS)) >= 0) continue;
    return { validUntil: reached, milestoneAge: age };
  }
  return { validUntil: null, milestoneAge: null };
}

function later(a: CardValidity, b: CardValidity): CardValidity {
  if (a.validUntil === null) return a;
  if (b.validUntil === null) return b;
  return compareDays(a.validUntil, b.validUntil) >= 0 ? a : b;
}

/**
 * Validity of a card. For a birth date known only to the month or year, the holder gets the benefit
 * of the doubt: the latest expiry any birthday in that range would give. Validity rises with the
 * birthday except where it drops out of a 2-year window, so the candidates are the range's two ends
 * and the last birthday that still puts the issue date inside each window.
 */
export function cardValidity(birth: PartialDate, issued: CalendarDay, milestones: readonly number[]): CardValidity {
  const earliest = firstDay(birth);
  const latest = lastDay(birth);
  const candidates = [earliest, latest];
  for (const age of milestones) {
    const windowEdge = addYears(issued, -(age - GRACE_YEARS));
    if (compareDays(windowEdge, earliest) >= 0 && compareDays(windowEdge, latest) <= 0) candidates.push(windowEdge);
  }
  return candidates.map((day) => validityForBirthday(day, issued, milestones)).reduce(later);
}
