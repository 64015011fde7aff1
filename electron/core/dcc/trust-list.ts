// The document-signer certificates a vaccine passport's signature is checked against, found by key
// id: the first 8 bytes of the SHA-256 of the certificate's DER encoding (hcert 3.3.1). Key ids
// are always computed here from the certificate itself, never taken from whoever sent the list.

import { createHash, X509Certificate } from 'node:crypto';
import type { CertificateType } from '../../../shared/codes/formats/eu-dcc';

export interface TrustedSigner {
  /** Base64 of the 8-byte key id. */
  kid: string;
  certificate: X509Certificate;
}

export interface TrustList {
  signers: readonly TrustedSigner[];
  /** Signers whose key id is this (a collision may give more than one). */
  byKid(kid: Uint8Array): readonly TrustedSigner[];
}

export class TrustListError extends Error {
  override name = 'TrustListError';
}

export function keyIdOf(der: Uint8Array): string {
  return createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
}

export function trustListOf(certificates: readonly X509Certificate[]): TrustList {
  const signers = certificates.map((certificate) => ({ kid: keyIdOf(certificate.raw), certificate }));
  const index = new Map<string, TrustedSigner[]>();
  for (const signer of signers) index.set(signer.kid, [...(index.get(signer.kid) ?? []), signer]);
  return { signers, byKid: (kid) => index.get(Buffer.from(kid).toString('base64')) ?? [] };
}

export const EMPTY_TRUST_LIST = trustListOf([]);

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** A PEM bundle of signer certificates. A block that is not a certificate is an error naming it. */
export function trustListFromPem(text: string): TrustList {
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw new TrustListError('no certificate in the PEM bundle');
  return trustListOf(blocks.map((block, index) => parseCertificate(block, `certificate ${index + 1} of the bundle`)));
}

/** Certificates as base64 DER, as the central API serves them. */
export function trustListFromDer(certificates: readonly string[]): TrustList {
  return trustListOf(certificates.map((der, index) => parseCertificate(Buffer.from(der, 'base64'), `certificate ${index + 1} of the list`)));
}

function parseCertificate(source: string | Buffer, name: string): X509Certificate {
  try {
    return new X509Certificate(source);
  } catch (error) {
    throw new TrustListError(`${name} is not an X.509 certificate: ${(error as Error).message}`);
  }
}

/** Extended key usages that limit a signer to some certificate types, in both OID arcs the specification lists. */
const KEY_USAGE_OIDS: Record<CertificateType, readonly string[]> = {
  test: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  vaccination: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  recovery: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};
const ANY_DCC_KEY_USAGE = new Set(Object.values(KEY_USAGE_OIDS).flat());

/** A signer with none of the DCC key usages may sign every type; one with some, only those. */
export function maySign(certificate: X509Certificate, type: CertificateType): boolean {
  const usages = (certificate.keyUsage ?? []).filter((oid) => ANY_DCC_KEY_USAGE.has(oid));
  return usages.length === 0 || usages.some((oid) => KEY_USAGE_OIDS[type].includes(oid));
}
