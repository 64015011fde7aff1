// The person fields every ID-card variant carries (number, name, birth date, sex, address, issue
// date) and the checks they share: real dates in the right order, the ID structure against the
// printed facts, damage from a scanner in the wrong mode, and expiry.

import { cardValidity } from '../card-expiry';
import { compareDays, firstDay, formatIsoDay, type CalendarDay } from '../dates';
import { checkIdNumber } from '../id-number';
import { hasLostDiacritics, hasUnusualNameCharacters, isPlainAscii } from '../normalise';
import { finding, type Finding } from '../problems';
import type { FieldsOf, PartialDate, Sex } from '../schemas';

export type CardPerson = Omit<FieldsOf<'copied-card'>, 'fromCard'>;

export interface CardPersonText {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: string;
  address: string;
  issueDate: string;
}

export interface CardPersonRules {
  parseDate: (text: string) => PartialDate | undefined;
  milestones: readonly number[];
  today: CalendarDay;
}

/** Loose test used to recognise a card: "Nam"/"Nữ", or their remains after a wrong-mode scan. */
/** Exactly a sex as cards write it (`Nam`, `Nữ`, or `Nu` without its mark): for telling shifted fields apart. */
export function isSexWord(text: string): boolean {
  return /^(?:nam|nữ|nu)$/i.test(text.normalize('NFC'));
}

export function looksLikeSex(text: string): boolean {
  return /^n/i.test(text) && text.length <= 6;
}

function readSex(text: string, findings: Finding[]): Sex | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nam') return 'male';
  if (lower === 'nữ') return 'female';
  if (text === '') findings.push(finding('field.required', 'sex'));
  else if (lower === 'nu' || hasLostDiacritics(text)) {
    findings.push(finding('encoding.diacritics-lost', 'sex'));
    return lower === 'nu' ? 'female' : undefined;
  } else findings.push(finding('sex.invalid', 'sex'));
  return undefined;
}

function readText(value: string, field: 'fullName' | 'address', findings: Finding[]): void {
  if (value === '') findings.push(finding(field === 'fullName' ? 'field.required' : 'field.empty', field));
  else if (hasLostDiacritics(value)) findings.push(finding('encoding.diacritics-lost', field));
  else if (field === 'fullName' && hasUnusualNameCharacters(value)) findings.push(finding('name.unusual-characters', field));
}

function readDate(text: string, field: string, parse: CardPersonRules['parseDate'], findings: Finding[]): PartialDate | undefined {
  if (text === '') {
    findings.push(finding('field.required', field));
    return undefined;
  }
  const date = parse(text);
  if (!date) findings.push(finding('date.invalid', field));
  return date;
}

export function readCardPerson(text: CardPersonText, rules: CardPersonRules): { person: CardPerson; findings: Finding[] } {
  const findings: Finding[] = [];
  const { today } = rules;
  readText(text.fullName, 'fullName', findings);
  readText(text.address, 'address', findings);
  const sex = readSex(text.sex, findings);

  let birthDate = readDate(text.birthDate, 'birthDate', rules.parseDate, findings);
  if (birthDate && compareDays(firstDay(birthDate), today) > 0) {
    findings.push(finding('date.in-future', 'birthDate'));
    birthDate = undefined;
  }

  const issued = readDate(text.issueDate, 'issueDate', rules.parseDate, findings);
  let issueDay: CalendarDay | undefined;
  if (issued && issued.precision !== 'day') findings.push(finding('date.invalid', 'issueDate'));
  else if (issued && compareDays(issued, today) > 0) findings.push(finding('date.in-future', 'issueDate'));
  else if (issued && birthDate && compareDays(issued, firstDay(birthDate)) < 0) findings.push(finding('date.issue-before-birth', 'issueDate'));
  else if (issued) issueDay = issued;

  findings.push(...checkIdNumber(text.idNumber, 'idNumber', { birthDate, sex }));

  const encodingTrouble = findings.some((f) => f.code === 'encoding.diacritics-lost');
  if (!encodingTrouble && text.fullName !== '' && isPlainAscii(text.fullName) && isPlainAscii(text.address)) {
    findings.push(finding('encoding.possibly-ascii'));
  }

  const person: CardPerson = {
    idNumber: text.idNumber,
    fullName: text.fullName,
    address: text.address,
    ...(birthDate && { birthDate }),
    ...(sex && { sex }),
    ...(issueDay && { issueDate: formatIsoDay(issueDay) }),
  };
  if (birthDate && issueDay) {
    const validity = cardValidity(birthDate, issueDay, rules.milestones);
    person.validUntil = validity.validUntil && formatIsoDay(validity.validUntil);
    if (validity.validUntil && compareDays(today, validity.validUntil) > 0) {
      findings.push(finding('card.expired', undefined, { milestoneAge: validity.milestoneAge ?? 0 }));
    }
  }
  return { person, findings };
}
