// Masking for every place personal data is shown or exported beyond the officer's live scan (lists,
// history, exports, support screenshots). Each helper keeps just enough for a person to tell two
// records apart, and nothing that identifies someone on its own:
// - document numbers keep their first third and last quarter (`001158024485` → `0011•••••485`),
//   and short ones are masked whole;
// - names keep each word's initial, with a fixed-width tail so the length of a name leaks nothing;
// - birth dates keep the year (age checks need it, and a year alone identifies nobody);
// - addresses keep the last comma-separated part, the province, and drop everything finer;
// - phone numbers are document numbers for this purpose.
// Masking is for display: it is not a substitute for redacting logs (shared/privacy/redact.ts).

import type { PartialDate } from '../codes/schemas';

export const MASK_CHAR = '•';

function masked(count: number): string {
  return MASK_CHAR.repeat(count);
}

/** Values this short are masked whole: any part kept would be a large share of them. */
const SHORTEST_PARTLY_SHOWN = 6;

/** Any document number: ID, old ID, passport, health-insurance card, PC-Covid document. */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length < SHORTEST_PARTLY_SHOWN) return masked(chars.length);
  const keepStart = Math.floor(chars.length / 3);
  const keepEnd = Math.floor(chars.length / 4);
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + masked(hidden) + chars.slice(chars.length - keepEnd).join('');
}

export const maskPhone = maskIdNumber;

/** `Đinh Thị Huyền` → `Đ•• T•• H••`. */
export function maskName(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => `${/^\P{M}\p{M}*/u.exec(word)?.[0] ?? ''}${masked(2)}`)
    .join(' ');
}

/** `08/10/1958` → `••/••/1958`; a year-only date is shown as it is. */
export function maskBirthDate(date: PartialDate): string {
  if (date.precision === 'year') return String(date.year);
  return `${date.precision === 'day' ? `${masked(2)}/` : ''}${masked(2)}/${date.year}`;
}

/** `Khánh Vân, Khánh Hà, Thường Tín, Hà Nội` → `•••, Hà Nội`. */
export function maskAddress(address: string): string {
  const parts = address.split(',').map((part) => part.trim()).filter((part) => part !== '');
  if (parts.length === 0) return '';
  return parts.length === 1 ? masked(3) : `${masked(3)}, ${parts[parts.length - 1] ?? ''}`;
}
