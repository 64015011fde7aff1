// Text as it arrives from a keyboard-wedge or serial QR scanner (or an officer's keyboard): framing
// to strip, a normal form to settle on, and the tell-tale damage of a scanner in the wrong mode.

const BOM = '\uFEFF';
/** A UTF-8 byte-order mark read as Windows-1252. */
const MANGLED_BOM = '\u00EF\u00BB\u00BF';

/** Strips a leading byte-order mark and the CR/LF a scanner appends after each code. */
export function stripFraming(raw: string): string {
  let start = 0;
  if (raw.startsWith(BOM)) start = BOM.length;
  else if (raw.startsWith(MANGLED_BOM)) start = MANGLED_BOM.length;
  let end = raw.length;
  while (end > start && (raw.charCodeAt(end - 1) === 0x0a || raw.charCodeAt(end - 1) === 0x0d)) end--;
  return raw.slice(start, end);
}

/** NFC keeps diacritics but gives "ễ" one spelling, whether the encoder composed it or not. */
export function normaliseText(text: string): string {
  return text.normalize('NFC');
}

// What Windows-1252 (or Latin-1) makes of a UTF-8 continuation byte 0x80–0xBF.
const CONTINUATION =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC' +
  '\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';

// UTF-8 Vietnamese read as Windows-1252: a lead byte C3–C6 (á, ơ, ư, đ…) or CC/CD (combining marks)
// shown as Ã Ä Å Æ Ì Í followed by a continuation byte, or E1 BA/BB (ạ…ỹ) shown as "áº"/"á»". Real
// Vietnamese never puts those pairs side by side (plain space is not a continuation byte, so "NGÃ BA"
// is safe). Every alternative is two or three fixed characters: matching is linear.
const MOJIBAKE = new RegExp(`\\u00E1[\\u00BA\\u00BB]|[\\u00C3-\\u00C6\\u00CC\\u00CD][${CONTINUATION}]|${MANGLED_BOM}`);

export function looksMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

/** A scanner in ASCII mode replaces what it cannot type with "?"; a lossy decoder leaves U+FFFD. */
export function hasLostDiacritics(value: string): boolean {
  return value.includes('?') || value.includes('\uFFFD');
}

export function isPlainAscii(value: string): boolean {
  return /^[\x20-\x7E]*$/.test(value);
}

/** Names hold letters (any script, with marks), spaces and a little punctuation; digits or symbols are suspect. */
export function hasUnusualNameCharacters(name: string): boolean {
  return /[^\p{L}\p{M} .'-]/u.test(name);
}
