// The entry point: one scanned payload in, one classified code out. The order of work is the
// defence: hard limits on the raw text first, then normalisation, then recognition by shape, and
// only then field parsing. Pure and synchronous; it never throws.

import { todayInVietnam, type CalendarDay } from './dates';
import { parseBhyt, isBhyt } from './formats/bhyt';
import { hasShiftedCardFields, isChipCard, parseChipCard } from './formats/chip-card';
import { hasCardDatesInCopy, isCopiedCard, parseCopiedCard } from './formats/copied-card';
import { looksLikeEuDcc, type EuDccReader } from './formats/eu-dcc';
import { splitFields } from './formats/fields';
import { isPcCovid, parsePcCovid } from './formats/pc-covid';
import { isVneidToken } from './formats/vneid-token';
import { checkFieldCount, checkIdentityLengths, checkSize, describeCodePoint, findForbiddenCharacter, hasLoneSurrogate } from './limits';
import { looksMojibake, normaliseText, stripFraming } from './normalise';
import { finding, hasError, toProblem, type Finding, type Locale, type ProblemCode } from './problems';
import type { ClassifiedCode, CodeKind, FieldsOf } from './schemas';

export interface ClassifyOptions {
  /** Default: the current time. Dates are judged on the calendar of Vietnam (UTC+7). */
  now?: Date;
  /** Language of problem messages. Default 'vi'. */
  locale?: Locale;
  /** What a VNeID app token looks like; default DEFAULT_VNEID_TOKEN_PATTERN. */
  vneidTokenPattern?: RegExp;
  /** Verifies vaccine passports (the station core's); without one such a code is `dcc.unverifiable`. */
  readEuDcc?: EuDccReader;
}

export interface ResolvedOptions {
  now: Date;
  today: CalendarDay;
  locale: Locale;
  vneidTokenPattern: RegExp | undefined;
  readEuDcc: EuDccReader | undefined;
}

export function resolveOptions(options: ClassifyOptions = {}): ResolvedOptions {
  const now = options.now instanceof Date && !Number.isNaN(options.now.getTime()) ? options.now : new Date();
  return { now, today: todayInVietnam(now), locale: options.locale === 'en' ? 'en' : 'vi', vneidTokenPattern: options.vneidTokenPattern, readEuDcc: options.readEuDcc };
}

/** Assembles the result; `valid` is derived here and nowhere else. */
export function buildResult<K extends CodeKind>(kind: K, fields: FieldsOf<K>, findings: readonly Finding[], locale: Locale): ClassifiedCode {
  const problems = [...findings, ...checkIdentityLengths(fields)].map((found) => toProblem(found, locale));
  return { kind, valid: !hasError(problems), fields, problems } as ClassifiedCode;
}

/** Where a copied card (no old-ID field) keeps its name and sex. */
const COPIED_CARD_LAYOUT = { name: 1, sex: 3, fields: 6 };

const rejected = (found: Finding, locale: Locale): ClassifiedCode => buildResult('unknown', {}, [found], locale);

/** Hard limits, in the order that does the least work on a hostile payload. */
function checkLimits(raw: string): Finding | undefined {
  const tooLarge = checkSize(raw);
  if (tooLarge) return tooLarge;
  const text = stripFraming(raw);
  if (text.trim() === '') return finding('input.empty');
  const forbidden = findForbiddenCharacter(text);
  // A C1 character in otherwise Vietnamese-looking text is a wrong-mode scanner, not an attack:
  // still rejected unread, but with the reason the officer can fix.
  if (forbidden?.isC1 && looksMojibake(text)) return finding('encoding.mojibake');
  if (forbidden) return finding('input.control-characters', undefined, { codePoint: describeCodePoint(forbidden.codePoint) });
  if (hasLoneSurrogate(text)) return finding('input.malformed-unicode');
  return checkFieldCount(text);
}

// Once the whole text is known to be garbled, what it says about names and sexes is noise: the
// officer gets the one message that fixes it.
const MOOT_WHEN_GARBLED = new Set<ProblemCode>(['name.unusual-characters', 'sex.invalid', 'encoding.diacritics-lost', 'encoding.possibly-ascii']);

function withEncoding(text: string, findings: readonly Finding[]): Finding[] {
  if (!looksMojibake(text)) return [...findings];
  return [finding('encoding.mojibake'), ...findings.filter((found) => !MOOT_WHEN_GARBLED.has(found.code))];
}

function classifyText(text: string, resolved: ResolvedOptions): ClassifiedCode {
  const { today, locale } = resolved;
  if (looksLikeEuDcc(text)) {
    const reading = resolved.readEuDcc?.(text, resolved.now) ?? { fields: {}, findings: [finding('dcc.unverifiable')] };
    return buildResult('eu-dcc', reading.fields, reading.findings, locale);
  }
  const parts = splitFields(text);

  if (isChipCard(parts)) {
    if (hasShiftedCardFields(parts)) return rejected(finding('format.layout'), locale);
    const card = parseChipCard(parts, today);
    return card.kind === 'chip-card'
      ? buildResult('chip-card', card.fields, withEncoding(text, card.findings), locale)
      : buildResult('can-cuoc-card', card.fields, withEncoding(text, card.findings), locale);
  }
  // Before the copied card, whose shape (six fields, an ID number first) a PC-Covid code also has:
  // PC-Covid's year-first birth date tells them apart.
  if (isPcCovid(parts)) {
    const code = parsePcCovid(parts, today);
    return buildResult('pc-covid', code.fields, withEncoding(text, code.findings), locale);
  }
  if (isCopiedCard(parts)) {
    if (hasCardDatesInCopy(parts) || hasShiftedCardFields(parts, COPIED_CARD_LAYOUT)) return rejected(finding('format.layout'), locale);
    const card = parseCopiedCard(parts, today);
    return buildResult('copied-card', card.fields, withEncoding(text, card.findings), locale);
  }
  if (isBhyt(parts)) {
    const card = parseBhyt(parts, today);
    return buildResult('bhyt', card.fields, withEncoding(text, card.findings), locale);
  }
  if (isVneidToken(text, resolved.vneidTokenPattern)) {
    return buildResult('vneid-token', { token: text, verification: 'online-required' }, [], locale);
  }
  return buildResult('unknown', {}, withEncoding(text, [finding('format.unrecognised')]), locale);
}

export function classifyCode(raw: string, options?: ClassifyOptions): ClassifiedCode {
  let locale: Locale = 'vi';
  try {
    const resolved = resolveOptions(options);
    locale = resolved.locale;
    // Callers across IPC are typed, but a payload is still checked, not trusted.
    if (typeof raw !== 'string') return rejected(finding('input.not-text'), locale);
    const limit = checkLimits(raw);
    if (limit) return rejected(limit, locale);
    return classifyText(normaliseText(stripFraming(raw)), resolved);
  } catch {
    // Only a bug gets here; the property tests exist to keep it unreachable.
    return rejected(finding('internal.unexpected'), locale);
  }
}
