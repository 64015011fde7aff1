/**
 * Scrubs personal data out of anything about to be logged. Logs leave the laptop in support
 * bundles, so ID numbers, names and raw QR payloads must never reach a log line — even when a
 * developer logs a whole object, an error or a buffer by mistake.
 *
 * Why these rules:
 * - Looking only under known keys misses what matters most: a name inside an error message or a
 *   `detail` string. So every string is scanned, wherever it sits.
 * - Our own messages are English, in lower-case sentences about lanes, scopes and passages. Text
 *   that does not look like that is taken for citizen data: a word with Latin diacritics is part of
 *   a Vietnamese name or address (our English has none), and a run of capitalised Vietnamese
 *   syllables starting with a common family name is the ASCII-folded or upper-case name an
 *   ASCII-mode scanner produces. Requiring syllable shapes keeps English capitalised words out.
 *   Vietnamese text of our own (a lane or checkpoint name in the configuration) goes too: losing it
 *   costs support little, guessing it is not a name costs a citizen more.
 * - Passage ids (UUIDs) and timestamps are how support follows a passage through the logs: they are
 *   set aside before the token and digit rules, which would otherwise take them.
 * - JavaScript numbers pass: they are counts, sizes and durations; ID numbers are strings
 *   everywhere in the code (a number would have lost their leading zeros).
 * - The work is bounded (long strings are cut before matching, a record has a budget of values,
 *   cycles are detected) and nothing throws: a logger that throws loses the very line that would
 *   explain the failure.
 */

import { withoutUrlCredentials } from './url-credentials';

export const REDACTED = '[redacted]';

/** Keys whose value is personal data (or a secret) whatever it looks like. Compared lower-case, without `-` and `_`. */
const personalKeys = new Set([
  'idnumber',
  'oldidnumber',
  'fullname',
  'givenname',
  'familyname',
  'surname',
  'birthdate',
  'dateofbirth',
  'address',
  'phone',
  'email',
  'documentnumber',
  'cardnumber',
  'socialinsurancenumber',
  'insurancenumber',
  'passport',
  'qid',
  'extras',
  'otherfields',
  'payload',
  'rawpayload',
  'raw',
  'text',
  'qr',
  'pin',
  'authorization',
  'cookie',
  'setcookie',
]);
/** `accessToken`, `stationSecret`, `x-api-key`…: secrets are named so by convention. */
const secretKeySuffix = /(?:token|secret|password|apikey)$/;

function isPersonalKey(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const normalised = key.toLowerCase().replace(/[-_]/g, '');
  return personalKeys.has(normalised) || secretKeySuffix.test(normalised);
}

/** No log line needs more; beyond it the matching below would cost more than the line is worth. */
const maxStringLength = 8192;

function bounded(value: string): string {
  if (value.length <= maxStringLength) return value;
  const marker = `…[cut ${value.length} chars]`;
  // Cut to the limit marker included, so that redacting the result again (the logger does) cuts nothing more.
  return value.slice(0, maxStringLength - marker.length) + marker;
}

/** A card or PC-Covid payload has 5+ `|`-separated fields; they hold spaces, so where it starts cannot be known: the line goes. */
const payloadSeparators = 4;

function withoutPayloadLines(text: string): string {
  if (!text.includes('|')) return text;
  return text
    .split('\n')
    .map((line) => (line.split('|').length - 1 >= payloadSeparators ? '[payload]' : line))
    .join('\n');
}

/** EU digital COVID certificates: `HC1:` then base45, whose alphabet has spaces and no lower case. */
const dccPayload = /HC1:[0-9A-Z $%*+\-./:]*[0-9A-Z$%*+\-./:]/g;
/** A bearer token can be short: the scheme, not the token's look, says what it is. */
const authorizationCredentials = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
const secretParameter = /\b((?:access_|refresh_|id_|api[-_]?|x-api-)?(?:token|key|secret|password|sig))=[^&\s"',;]+/gi;

const uuid = /(?<![\w-])[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}(?![\w-])/i;
const isoTimestamp = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/;
const keptReadable = new RegExp(`${uuid.source}|${isoTimestamp.source}`, 'gi');

/** Base64url, hex or JWT-like runs, dot-separated segments included (`VNEID1.eyJ….sig`). */
const tokenCandidate = /\b\w[\w.=-]{15,}/g;

function isTokenSegment(segment: string): boolean {
  const core = segment.replace(/=+$/, '');
  if (core.startsWith('eyJ')) return true; // base64 of `{"`: a JWT part
  // Identifiers in our messages and stacks are words, without digits in the middle of 16 letters.
  if (core.length >= 16 && /\d/.test(core) && /[a-z]/i.test(core)) return true;
  return core.length >= 40 && /[a-z]/i.test(core);
}

/** 9+ digits, groups optionally split by a space or a dash: old 9-digit IDs, 12-digit IDs, insurance and phone numbers. */
const idLikeNumber = /(?<!\d)\d(?:[ -]?\d){8,}(?!\d)/g;

/** Bundled file names in stacks carry a content hash (`register-B1c7OH6V.cjs`): a file name is no secret. */
const codeFileName = /\.(?:[cm]?[jt]s|node|json)$/;

function redactTokensAndNumbers(text: string): string {
  return text
    .replace(tokenCandidate, (run) => (!codeFileName.test(run) && run.split('.').some(isTokenSegment) ? '[token]' : run))
    .replace(idLikeNumber, '[number]');
}

/** Applies `redact` to the text between passage ids and timestamps. */
function outsideKeptReadable(text: string, redact: (piece: string) => string): string {
  let result = '';
  let last = 0;
  for (const match of text.matchAll(keptReadable)) {
    result += redact(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + redact(text.slice(last));
}

/** The most common Vietnamese family names, ASCII-folded ("Tô" is left out: it would take the English "To"). */
const familyNames = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong', 'ly',
  'dinh', 'truong', 'dao', 'doan', 'trinh', 'lam', 'luong', 'mai', 'cao', 'ha', 'luu', 'ta', 'chau', 'thai', 'kieu',
  'quach', 'vuong', 'trieu', 'tang', 'lai', 'mac', 'nghiem', 'thach', 'giang', 'ton',
]);
const familyNameWord = new RegExp(`\\b(?:${[...familyNames].flatMap((name) => [name[0]!.toUpperCase() + name.slice(1), name.toUpperCase()]).join('|')})\\b`);
/** One Vietnamese syllable without its marks: initial consonant, up to three vowels, final consonant. */
const vietnameseSyllable = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?$/;
const capitalised = /^[A-Z](?:[a-z]*|[A-Z]*)$/;
const letterRun = /[\p{L}\p{M}]+/gu;
const nameGap = /^[ \t\u00a0]+$/;
const maxNameWords = 5;

interface Word {
  start: number;
  end: number;
  accented: boolean;
  family: boolean;
}

/** Letters without their marks, one by one and remembered: folding whole words was the slowest step of a log line. */
const foldedLetters = new Map<string, string>();
const maxFoldedLetters = 4096;

function fold(word: string): string {
  let result = '';
  for (const letter of word) {
    let folded = foldedLetters.get(letter);
    if (folded === undefined) {
      folded = letter.normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd').replace('Đ', 'D');
      if (foldedLetters.size < maxFoldedLetters) foldedLetters.set(letter, folded);
    }
    result += folded;
  }
  return result;
}

function nameSpans(run: Word[]): [number, number][] {
  if (run.some((word) => word.accented)) return [[run[0]!.start, run[run.length - 1]!.end]];
  const spans: [number, number][] = [];
  for (let index = 0; index < run.length - 1; index += 1) {
    if (!run[index]!.family) continue;
    const last = Math.min(index + maxNameWords, run.length) - 1;
    spans.push([run[index]!.start, run[last]!.end]);
    index = last;
  }
  return spans;
}

function redactNames(text: string): string {
  if (!/[\u0080-\uffff]/.test(text) && !familyNameWord.test(text)) return text;
  const spans: [number, number][] = [];
  let run: Word[] = [];
  for (const match of text.matchAll(letterRun)) {
    const folded = /^[a-z]+$/i.test(match[0]) ? match[0] : fold(match[0]);
    const accented = folded !== match[0];
    const nameShaped = capitalised.test(folded) && vietnameseSyllable.test(folded.toLowerCase());
    const previous = run[run.length - 1];
    if ((!accented && !nameShaped) || (previous !== undefined && !nameGap.test(text.slice(previous.end, match.index)))) {
      spans.push(...nameSpans(run));
      run = [];
    }
    if (accented || nameShaped) run.push({ start: match.index, end: match.index + match[0].length, accented, family: familyNames.has(folded.toLowerCase()) });
  }
  spans.push(...nameSpans(run));
  let result = '';
  let last = 0;
  for (const [start, end] of spans) {
    result += `${text.slice(last, start)}[name]`;
    last = end;
  }
  return result + text.slice(last);
}

export function redactString(value: string): string {
  let text = withoutPayloadLines(bounded(value).normalize('NFC'));
  // The cheap `includes` checks spare most lines a pass: logging must not slow a lane down.
  if (text.includes('HC1:')) text = text.replace(dccPayload, '[payload]');
  text = withoutUrlCredentials(text.replace(authorizationCredentials, '$1 [token]'));
  if (text.includes('=')) text = text.replace(secretParameter, '$1=[redacted]');
  // Passage ids and timestamps hold digits: without any, there is nothing to set aside.
  text = /\d/.test(text) ? outsideKeptReadable(text, redactTokensAndNumbers) : redactTokensAndNumbers(text);
  return redactNames(text);
}

const maxDepth = 8;
/** Values visited per record: a 100 000-item array is cut, not walked. */
const maxValues = 2000;

interface Walk {
  budget: number;
  ancestors: Set<object>;
}

export function redactValue(value: unknown): unknown {
  return walk(value, 0, { budget: maxValues, ancestors: new Set() });
}

function walk(value: unknown, depth: number, state: Walk): unknown {
  if (state.budget <= 0) return '[truncated]';
  state.budget -= 1;
  // Numbers, booleans and functions (which JSON drops) carry nothing to redact.
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'function') return value;
  if (typeof value !== 'object') return redactString(value.toString());
  if (depth >= maxDepth) return '[depth]';
  if (state.ancestors.has(value)) return '[circular]';
  state.ancestors.add(value);
  try {
    return walkObject(value, (item) => walk(item, depth + 1, state), state);
  } catch {
    // A throwing getter, toJSON or proxy: the value is lost, the line is not.
    return '[unreadable]';
  } finally {
    state.ancestors.delete(value);
  }
}

function walkObject(value: object, next: (item: unknown) => unknown, state: Walk): unknown {
  // Bytes could be a raw payload: only their length is told.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (isSerialisedBuffer(value)) return `[${value.data.length} bytes]`;
  if (value instanceof Error) return walkError(value, next);
  if (Array.isArray(value)) return walkItems(value, next, state);
  if (value instanceof Set) return walkItems([...value], next, state);
  if (value instanceof Map) return walkItems([...value], ([key, item]: [unknown, unknown]) => [next(key), isPersonalKey(key) ? REDACTED : next(item)], state);
  // What JSON would write for it (a Date's ISO string, a URL's href), redacted.
  if ('toJSON' in value && typeof value.toJSON === 'function') {
    const json: unknown = value.toJSON();
    if (json !== value) return next(json);
  }
  const entries: [string, unknown][] = [];
  for (const key of Object.keys(value)) {
    if (state.budget <= 0) {
      entries.push(['[more]', 'keys left out']);
      break;
    }
    entries.push([redactString(key), isPersonalKey(key) ? REDACTED : next((value as Record<string, unknown>)[key])]);
  }
  // fromEntries defines a `__proto__` key as data instead of setting the prototype.
  return Object.fromEntries(entries);
}

/** A Node Buffer as JSON wrote it (`{ type: 'Buffer', data: [...] }`), as older log lines re-read by the support bundle hold it. */
function isSerialisedBuffer(value: object): value is { data: unknown[] } {
  return 'type' in value && value.type === 'Buffer' && 'data' in value && Array.isArray(value.data);
}

function walkItems<T>(items: T[], next: (item: T) => unknown, state: Walk): unknown[] {
  const result: unknown[] = [];
  for (const item of items) {
    if (state.budget <= 0) {
      result.push(`[${items.length - result.length} more]`);
      break;
    }
    result.push(next(item));
  }
  return result;
}

function walkError(error: Error, next: (item: unknown) => unknown): Record<string, unknown> {
  const result: Record<string, unknown> = { type: String(error.name), message: next(error.message) };
  if (error.stack !== undefined) result.stack = next(error.stack);
  if (error.cause !== undefined) result.cause = next(error.cause);
  if (error instanceof AggregateError) result.errors = next(error.errors);
  // Own fields (`code`, `detail`…) the way pino's error serializer would have written them.
  const fields = Object.keys(error).filter((key) => !(key in result));
  return { ...result, ...Object.fromEntries(fields.map((key) => [redactString(key), isPersonalKey(key) ? REDACTED : next((error as unknown as Record<string, unknown>)[key])])) };
}
