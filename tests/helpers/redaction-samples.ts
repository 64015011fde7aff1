/**
 * Personal data and secrets as a station meets them, for planting wherever a log record can carry
 * them, and a detector that says which of them came out. Each sample lists its telling parts:
 * half a name or the token without its scheme is a leak too.
 */
export interface PlantedSample {
  label: string;
  value: string;
  /** Substrings that must not come out, besides the value itself and its 9+ digit runs. */
  parts: string[];
}

const vneidToken =
  'VNEID1.eyJhbGciOiJFUzI1NiIsInR5cCI6IlZORUlEIn0.eyJzdWIiOiIwMDExNTgwMjQ0ODUiLCJuYW1lIjoiTmd1eWVuIFZhbiBBbiIsImV4cCI6MTc2NzIyNTYwMH0.LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE';
const hexName = '4e677579e1bb856e205468e1bb8b2048e1bb936e67'; // "Nguyễn Thị Hồng" in UTF-8
const hexAddress = '4b68c3a16e682048c3a02c205468c6b0e1bb9d6e672054c3ad6e2c2048c3a0204ee1bb9969'; // "Khánh Hà, Thường Tín, Hà Nội"

export const cardPayload = '001158024485|110419092|Đinh Thị Huyền|08101958|Nữ|Khánh Vân, Khánh Hà, Thường Tín, Hà Nội|24042021';

export const plantedSamples: PlantedSample[] = [
  { label: 'name with diacritics', value: 'Nguyễn Văn An', parts: ['Nguyễn', 'Văn An'] },
  { label: 'name with đ', value: 'Đinh Thị Huyền', parts: ['Đinh', 'Thị Huyền'] },
  { label: 'four-word name', value: 'Trần Thị Bích Ngọc', parts: ['Trần', 'Bích Ngọc'] },
  { label: 'upper-case name with diacritics', value: 'PHẠM MINH TUẤN', parts: ['PHẠM', 'MINH TUẤN'] },
  { label: 'upper-case ASCII name (ASCII-mode scanner)', value: 'NGUYEN VAN AN', parts: ['VAN AN'] },
  { label: 'ASCII-folded name', value: 'Nguyen Thi Mai', parts: ['Thi Mai'] },
  { label: 'ASCII-folded name, short family name', value: 'Le Van Hung', parts: ['Van Hung'] },
  { label: 'ASCII-folded name, family name that is an English word', value: 'Do Quang Huy', parts: ['Quang Huy'] },
  { label: 'address', value: 'Khánh Vân, Khánh Hà, Thường Tín, Hà Nội', parts: ['Khánh', 'Thường Tín', 'Hà Nội'] },
  { label: '12-digit ID number', value: '001158024485', parts: [] },
  { label: '9-digit old ID number', value: '110419092', parts: [] },
  { label: 'ID number in groups of three', value: '079 203 012 345', parts: [] },
  { label: 'ID number with dashes', value: '001-158-024-485', parts: [] },
  { label: 'phone number', value: '0912 345 678', parts: [] },
  { label: 'VNeID token', value: vneidToken, parts: ['eyJzdWIiOiIwMDExNTgwMjQ0ODUi', 'LXEWQrcmsEQBYnyp-6wy9chTD7GQPMTbAiWHF5IaSIE'] },
  { label: 'short bearer token', value: 'Bearer 7f3kQ9xZ', parts: ['7f3kQ9xZ'] },
  { label: 'bearer JWT', value: 'Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6IlZORUlEIn0.eyJzdWIiOiJsYW5lIn0.c2lnbmF0dXJl', parts: ['eyJzdWIiOiJsYW5lIn0', 'c2lnbmF0dXJl'] },
  { label: '64-hex database key', value: 'a1fce4363854ff888cff4b8e7875d600c2682390412a8cf79b37d0b11148b0fa', parts: ['a1fce4363854ff88'] },
  { label: 'station token', value: 'stk_9f8e7d6c5b4a39281706f5e4d3c2b1a0', parts: ['9f8e7d6c5b4a3928'] },
  { label: 'random base64url token', value: 'QEHQF480GiQ_ZRdfP2LVKAMKrPIIDI75', parts: [] },
  { label: 'EU DCC payload', value: 'HC1:NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOO6+IDOEZLCZ4D4B4D7LP4F9QBTMC6*J6R+4G9BZ5U$AUK7JPUJKIO4BCBVA', parts: ['NCFOXN%TS3DH3ZSUZK', 'J6R+4G9BZ5U'] },
  { label: 'chip-card payload', value: cardPayload, parts: ['001158024485', '110419092', 'Đinh Thị Huyền', 'Huyền', 'Thường Tín'] },
  {
    label: 'BHYT payload',
    value: `GD4797935123456|${hexName}|01/01/1990|2|${hexAddress}|01 - 001|01/01/2024|31/12/2024|01/01/2024|79023|-|4|01/01/2019|9a1b2c3d4e5f|$`,
    parts: ['GD4797935123456', hexName, hexAddress.slice(0, 24)],
  },
];

/** A number written with up to two separators between its digits (`079 203`, `079-203`, `0.7.9`) is the same number. */
function withDigitsJoined(text: string): string {
  return text.replace(/(?<=\d)[^\p{L}\d]{1,2}(?=\d)/gu, '');
}

/** The 9+ digit numbers a sample holds, as bare digits. */
function numbersIn(sample: PlantedSample): string[] {
  return [sample.value, ...sample.parts]
    .flatMap((part) => part.match(/\d(?:[ -]?\d)*/g) ?? [])
    .map((run) => run.replace(/\D/g, ''))
    .filter((digits) => digits.length >= 9);
}

/** Which samples came out in `text`, and through what: `[]` when none did. */
export function leaks(text: string, samples: PlantedSample[] = plantedSamples): string[] {
  const joined = withDigitsJoined(text);
  return samples.flatMap((sample) => [
    ...[sample.value, ...sample.parts].filter((part) => text.includes(part)).map((part) => `${sample.label}: ${part}`),
    ...numbersIn(sample)
      .filter((digits) => joined.includes(digits))
      .map((digits) => `${sample.label}: the digits ${digits}`),
  ]);
}
