// The EU Digital COVID Certificate (eHealth Network hcert specification 1.0.5): Vietnam's vaccine
// passport (QĐ 5772/QĐ-BYT, from April 2022) and those of the countries it recognises.
//
//   QR text = "HC1:" + Base45( zlib( COSE_Sign1( CWT { 1: iss, 4: exp, 6: iat, -260: { 1: DCC } } ) ) )
//
// Reading one needs zlib and signature checks against a trust list, which only the station core
// has: it hands classifyCode a reader (electron/core/dcc/read-eu-dcc.ts). What lives here is pure:
// telling such a code from others, and the least the officer and the record need from a certificate
// whose schema was checked (name, birth date and a summary, never the certificate identifier).

import { findForbiddenCharacter, hasLoneSurrogate } from '../limits';
import type { Finding } from '../problems';
import { partialDateSchema, type FieldsOf, type PartialDate } from '../schemas';
import { BASE45_ALPHABET, base45Decode } from '../../dcc/base45';

export const EU_DCC_PREFIX = 'HC1:';

export interface EuDccReading {
  fields: FieldsOf<'eu-dcc'>;
  findings: Finding[];
}

/** Verifies a code that looks like a DCC at the given clock. Supplied by the station core. */
export type EuDccReader = (text: string, now: Date) => EuDccReading;

const BASE45_TEXT = new RegExp(`^[${BASE45_ALPHABET.replace(/[-\\\]^]/g, '\\$&')}]+$`);
/** A context identifier in the hcert shape (`HC1:`, and the ones it is not: `HC2:`, `HL0:`). */
const CONTEXT_IDENTIFIER = /^[A-Z]{2}\d{1,2}:/;

/**
 * A vaccine passport, or what one becomes when damaged or with a wrong or missing prefix: anything
 * after `HC1:`; Base45 text with another context identifier; Base45 text whose first two bytes are
 * a zlib header.
 */
export function looksLikeEuDcc(text: string): boolean {
  if (text.startsWith(EU_DCC_PREFIX)) return true;
  if (text.length < 20 || !BASE45_TEXT.test(text)) return false;
  if (CONTEXT_IDENTIFIER.test(text)) return true;
  try {
    return hasZlibHeader(base45Decode(text.slice(0, 3)));
  } catch {
    // Three Base45 characters worth more than two bytes: not the start of anything compressed.
    return false;
  }
}

/** RFC 1950: deflate (CM 8), a window of at most 32 KiB, and a header check that divides by 31. */
export function hasZlibHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && bytes[0]! >> 4 <= 7 && (bytes[0]! * 256 + bytes[1]!) % 31 === 0;
}

export type CertificateType = 'vaccination' | 'test' | 'recovery';

/** The groups of a schema-valid certificate: exactly one is present. */
const GROUP_OF: Record<CertificateType, 'v' | 't' | 'r'> = { vaccination: 'v', test: 't', recovery: 'r' };

export function certificateTypeOf(certificate: unknown): CertificateType | null {
  const present = (Object.keys(GROUP_OF) as CertificateType[]).filter((type) => Array.isArray((certificate as Record<string, unknown> | null)?.[GROUP_OF[type]]));
  return present.length === 1 ? present[0]! : null;
}

/** SNOMED CT codes of the test-result value set. */
const TEST_RESULT = { '260415000': 'not-detected', '260373001': 'detected' } as const;

type Summary = NonNullable<FieldsOf<'eu-dcc'>['certificate']>;

interface SchemaValidCertificate {
  nam: { fn?: string; fnt: string; gn?: string; gnt?: string };
  dob: string;
  v?: [{ dn: number; sd: number; dt: string; co: string }];
  t?: [{ sc: string; tr: string; co: string }];
  r?: [{ fr: string; df: string; du: string; co: string }];
}

/**
 * The certificate's summary, for a certificate its schema accepted; null when what the officer
 * would read is still not fit to show (no name, control or invisible characters in it, a country
 * or a date that is not one): such a certificate is refused, as if its schema had said so.
 */
export function summariseCertificate(valid: unknown): { fullName: string; birthDate?: PartialDate; certificate: Summary } | null {
  const certificate = valid as SchemaValidCertificate;
  const { nam } = certificate;
  // Family name first, as Vietnamese names are written and as the certificate orders them; the
  // machine-readable forms (`NGUYEN<THI<LAN`) only where the name as written is missing.
  const part = (written: string | undefined, readable: string | undefined) => written?.trim() || readable?.replaceAll('<', ' ').trim() || '';
  const fullName = [part(nam.fn, nam.fnt), part(nam.gn, nam.gnt)].filter((name) => name !== '').join(' ');
  if (fullName === '' || fullName.length > 200 || findForbiddenCharacter(fullName) !== undefined || hasLoneSurrogate(fullName)) return null;
  const summary = summaryOf(certificate);
  const dates = [summary.date, ...(summary.type === 'recovery' ? [summary.validFrom, summary.validUntil] : [])];
  if (!COUNTRY.test(summary.country) || !dates.every((date) => CERTIFICATE_DATE.test(date))) return null;
  const birthDate = partialDate(certificate.dob);
  return { fullName, ...(birthDate && { birthDate }), certificate: summary };
}

/** ISO 3166 alpha-2 (or a three-letter code the value set has for some territories). */
const COUNTRY = /^[A-Z]{2,3}$/;
/** A date, with a time after it for some issuers; never longer than a full ISO 8601 date-time. */
const CERTIFICATE_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{2,18}(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function summaryOf(certificate: SchemaValidCertificate): Summary {
  if (certificate.v) {
    const [entry] = certificate.v;
    return { type: 'vaccination', dose: entry.dn, seriesDoses: entry.sd, date: entry.dt, country: entry.co };
  }
  if (certificate.t) {
    const [entry] = certificate.t;
    return { type: 'test', date: entry.sc, result: TEST_RESULT[entry.tr as keyof typeof TEST_RESULT] ?? 'other', country: entry.co };
  }
  const [entry] = certificate.r!;
  return { type: 'recovery', date: entry.fr, validFrom: entry.df, validUntil: entry.du, country: entry.co };
}

/** `yyyy`, `yyyy-MM` or `yyyy-MM-dd` (the schema's pattern); anything else, or empty, is no birth date. */
function partialDate(dob: string): PartialDate | undefined {
  const [year, month, day] = dob.split('-').map(Number);
  const precision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const parsed = partialDateSchema.safeParse({ precision, year, month, day });
  return dob !== '' && parsed.success ? parsed.data : undefined;
}
