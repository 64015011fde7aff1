// The reference server's vaccine passports: its trust list (its own test signer in test mode) and,
// in test mode, certificates that signer issues for demos and e2e tests.

import { createHash, randomUUID } from 'node:crypto';
import type { DccTrustListBody } from '../../shared/central/schemas';
import type { CborInput } from '../../shared/dcc/cbor';
import { sha256 } from '../db/hash';
import { certificateJson, type CertificateRequest } from './certificates';
import { encodeClaims, signCose, toQrText } from './sign-dcc';
import type { DocumentSigner } from './test-signer';

const DAY_MS = 86_400_000;

/** hcert 3.3.1: the first 8 bytes of the SHA-256 of the signer certificate's DER. */
export function keyIdOf(certificate: Buffer): Buffer {
  return createHash('sha256').update(certificate).digest().subarray(0, 8);
}

export function trustListBody(signers: readonly DocumentSigner[]): { body: DccTrustListBody; etag: string } {
  const entries = signers.map((signer) => ({ kid: keyIdOf(signer.certificate).toString('base64'), country: 'VN', certificate: signer.certificate.toString('base64') }));
  // Versioned by content: the version and the ETag change exactly when a signer does.
  const digest = sha256(JSON.stringify(entries)).slice(0, 32);
  return { body: { version: `tl-${digest.slice(0, 12)}`, signers: entries }, etag: `"${digest}"` };
}

/** A signed certificate, valid from now for `validDays` (default a year; negative: already expired). */
export function issueDcc(signer: DocumentSigner, request: CertificateRequest, now: Date, validDays = 365): string {
  const payload = encodeClaims({
    issuer: 'VN',
    issuedAt: validDays < 0 ? new Date(now.getTime() + (validDays - 30) * DAY_MS) : now,
    expiresAt: new Date(now.getTime() + validDays * DAY_MS),
    certificate: certificateJson(request, `URN:UVCI:01:VN:${randomUUID().replace(/-/g, '').slice(0, 24).toUpperCase()}`) as CborInput,
  });
  return toQrText(signCose(payload, { algorithm: 'ES256', privateKey: signer.privateKey, protectedKid: keyIdOf(signer.certificate) }));
}
