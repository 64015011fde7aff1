// Reading a vaccine passport, stage by stage, each failure named by its stage (dcc.prefix …
// dcc.not-yet-valid): prefix → Base45 → zlib → COSE_Sign1 → signer by key id → signature → CWT
// claims → schema of its version → the signer's key usage → validity at the clock. Nothing of a
// certificate whose signature does not hold reaches the officer or the record.

import { constants as cryptoConstants, verify, type KeyObject } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { todayInVietnam, formatSlashedDay } from '../../../shared/codes/dates';
import { certificateTypeOf, EU_DCC_PREFIX, hasZlibHeader, summariseCertificate, type EuDccReader, type EuDccReading } from '../../../shared/codes/formats/eu-dcc';
import { finding, type Finding, type ProblemCode, type ProblemParams } from '../../../shared/codes/problems';
import { base45Decode } from '../../../shared/dcc/base45';
import { CborError } from '../../../shared/dcc/cbor';
import { algorithmOf, keyIdOf, readCoseSign1, readHealthCertificateClaims, signatureInput, type CoseAlgorithm, type CoseSign1, type HealthCertificateClaims } from '../../../shared/dcc/cose';
import type { DccRuleSet } from '../../../shared/central/schemas';
import { NO_DCC_RULES } from '../central/reference-cache';
import { checkBusinessRules } from './business-rules';
import { checkCertificateSchema } from './certificate-schemas';
import { maySign, type TrustList, type TrustedSigner } from './trust-list';

/** 9999-12-31T23:59:59Z. */
const LATEST_NUMERIC_DATE = 253_402_300_799;

/** A QR code holds under 3 KB; a signed certificate inflates to a few KB. More is a zip bomb. */
const MAX_INFLATED_BYTES = 32 * 1024;

/**
 * A reader for classifyCode that checks against whatever trust list (and business rules) are
 * current at each scan.
 */
export function createEuDccReader(trustList: () => TrustList, businessRules: () => DccRuleSet = () => NO_DCC_RULES): EuDccReader {
  return (text, now) => readEuDcc(text, now, trustList(), businessRules());
}

class StageFailure extends Error {
  constructor(readonly code: ProblemCode) {
    super(code);
  }
}

export function readEuDcc(text: string, now: Date, trust: TrustList, businessRules: DccRuleSet = NO_DCC_RULES): EuDccReading {
  try {
    const message = unwrap(text);
    const signer = authenticate(message, trust);
    return judge(claimsOf(message), signer, now, businessRules);
  } catch (error) {
    if (error instanceof StageFailure) return { fields: {}, findings: [finding(error.code)] };
    throw error;
  }
}

function stage<T>(code: ProblemCode, step: () => T): T {
  try {
    return step();
  } catch {
    throw new StageFailure(code);
  }
}

function unwrap(text: string): CoseSign1 {
  if (!text.startsWith(EU_DCC_PREFIX)) throw new StageFailure('dcc.prefix');
  const compressed = stage('dcc.base45', () => base45Decode(text.slice(EU_DCC_PREFIX.length)));
  // The specification makes compression mandatory: an uncompressed COSE message is refused.
  if (!hasZlibHeader(compressed)) throw new StageFailure('dcc.compression');
  const cose = stage('dcc.compression', () => {
    const { buffer, engine } = inflateSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES, info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    // Bytes after the end of the zlib stream would make one certificate many different QR codes.
    if (engine.bytesWritten !== compressed.length) throw new Error('data after the compressed stream');
    return buffer;
  });
  try {
    return readCoseSign1(cose);
  } catch (error) {
    throw new StageFailure(error instanceof CborError ? 'dcc.cbor' : 'dcc.cose');
  }
}

function authenticate(message: CoseSign1, trust: TrustList): TrustedSigner {
  const algorithm = stage('dcc.cose', () => algorithmOf(message));
  const kid = keyIdOf(message);
  const candidates = kid === null ? [] : trust.byKid(kid);
  if (candidates.length === 0) throw new StageFailure('dcc.unknown-signer');
  const input = signatureInput(message.protectedBytes, message.payload);
  const signer = candidates.find((candidate) => signatureHolds(algorithm, candidate.certificate.publicKey, input, message.signature));
  if (signer === undefined) throw new StageFailure('dcc.signature');
  return signer;
}

const EC_SIGNATURE_LENGTH: Record<string, number> = { prime256v1: 64, secp384r1: 96, secp521r1: 132 };

function signatureHolds(algorithm: CoseAlgorithm, key: KeyObject, input: Uint8Array, signature: Uint8Array): boolean {
  try {
    if (algorithm === 'ES256') {
      // COSE carries r‖s, not DER, each as long as the curve's coordinates. ES256 names P-256, but
      // issuers sign with P-384 keys under it too (the conformance data has them): still ECDSA
      // with SHA-256 and no weaker, so any NIST curve whose signature length fits is checked.
      const length = EC_SIGNATURE_LENGTH[key.asymmetricKeyDetails?.namedCurve ?? ''];
      return key.asymmetricKeyType === 'ec' && signature.length === length && verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, signature);
    }
    // PS256: RSASSA-PSS with SHA-256, MGF1-SHA-256 and a salt as long as the hash (RFC 8230).
    return (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')
      && verify('sha256', input, { key, padding: cryptoConstants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
  } catch {
    return false;
  }
}

function claimsOf(message: CoseSign1): HealthCertificateClaims & { issuedAtIso: string; expiresAtIso: string } {
  const claims = stage('dcc.cbor', () => readHealthCertificateClaims(message.payload));
  const iso = (seconds: number) => {
    // NumericDate within years 1970–9999: anything else is no date an issuer meant.
    if (seconds < 0 || seconds > LATEST_NUMERIC_DATE) throw new StageFailure('dcc.cbor');
    return new Date(seconds * 1000).toISOString();
  };
  return { ...claims, issuedAtIso: iso(claims.issuedAt), expiresAtIso: iso(claims.expiresAt) };
}

/** The country (C=) of the signer certificate's subject. */
function countryOf(signer: TrustedSigner): string | null {
  return /(?:^|\n)C=([A-Z]{2})(?:\n|$)/.exec(signer.certificate.subject)?.[1] ?? null;
}

/** Past the signature every check is made and each failure said; the person only when all the certificate's own checks hold. */
function judge(claims: ReturnType<typeof claimsOf>, signer: TrustedSigner, now: Date, businessRules: DccRuleSet): EuDccReading {
  const findings: Finding[] = [];
  const day = (seconds: number) => formatSlashedDay(todayInVietnam(new Date(seconds * 1000)));
  const problem = (code: ProblemCode, params?: ProblemParams) => findings.push(finding(code, undefined, params));
  const schema = checkCertificateSchema(claims.certificate);
  // Exactly one of vaccination, test and recovery, even where an older schema did not say so.
  const type = certificateTypeOf(claims.certificate);
  if (!schema.valid || type === null) problem('dcc.schema', { version: schema.version });
  const keyUsageHolds = type === null || maySign(signer.certificate, type);
  if (!keyUsageHolds) problem('dcc.key-usage');
  // A signer certificate past its end (or before its start) vouches for nothing at this clock.
  const signerValid = Date.parse(signer.certificate.validFrom) <= now.getTime() && now.getTime() <= Date.parse(signer.certificate.validTo);
  if (!signerValid) problem('dcc.signer-not-valid', { from: day(Date.parse(signer.certificate.validFrom) / 1000), until: day(Date.parse(signer.certificate.validTo) / 1000) });
  if (claims.issuedAt * 1000 > now.getTime()) problem('dcc.not-yet-valid', { date: day(claims.issuedAt) });
  // RFC 8392: valid only before its expiry.
  if (claims.expiresAt * 1000 <= now.getTime()) problem('dcc.expired', { date: day(claims.expiresAt) });
  const signed = { issuer: claims.issuer?.slice(0, 8) ?? null, issuedAt: claims.issuedAtIso, expiresAt: claims.expiresAtIso };
  if (!schema.valid || type === null || !keyUsageHolds || !signerValid) return { fields: signed, findings };
  const summary = summariseCertificate(claims.certificate);
  if (summary === null) {
    problem('dcc.schema', { version: schema.version });
    return { fields: signed, findings };
  }
  // Invalidation rules are the signer's country's: a signer cannot pick another's by claiming it as `iss`.
  const rules = checkBusinessRules(businessRules, claims.certificate, { now, type, issuer: countryOf(signer) ?? signed.issuer, issuedAt: signed.issuedAt, expiresAt: signed.expiresAt });
  return { fields: { ...signed, ...summary, businessRules: rules }, findings };
}
