// The trust list the station checks vaccine passports against offline, as the central API last
// served it, with its age. Signer certificates are public, but which ones the station trusts is
// not for anyone who can write the data folder to decide: the file carries an HMAC keyed from the
// database key, and a file that is damaged or fails its HMAC is an empty trust list, said in the
// status, never a crash. (A file rather than a database row, so `station parse` reads it without
// opening the database another station process may hold.)

import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dccTrustListSchema, type DccTrustListBody } from '../../../shared/central/schemas';
import { writeFileAtomically } from '../config/atomic-write';
import { EMPTY_TRUST_LIST, keyIdOf, trustListFromDer, TrustListError, type TrustList } from './trust-list';

export const TRUST_LIST_FILE = 'dcc-trust-list.json';

/**
 * A confirmation (304) comes every sync pass; the file (a gateway's list runs to megabytes) is
 * rewritten for one at most hourly. After a restart the list may look up to an hour older than it
 * is: against a 24 h staleness limit, that is on the safe side.
 */
const PERSIST_CONFIRMATION_EVERY_MS = 3_600_000;

const storedSchema = z.object({ list: dccTrustListSchema, etag: z.string().max(256).nullable(), fetchedAt: z.iso.datetime() });
/** The file: the stored body as the exact text the HMAC covers. */
const fileSchema = z.object({ body: z.string().max(50_000_000), mac: z.string().regex(/^[0-9a-f]{64}$/) });

export interface TrustListStatus {
  version: string | null;
  signers: number;
  /** When the central API last served or confirmed it; null when the station never had one. */
  fetchedAt: string | null;
  stale: boolean;
  /** The file was there but could not be read or failed its HMAC: the station has no trust list until the next fetch. */
  damaged: boolean;
}

export interface TrustListCache {
  current(): TrustList;
  etag(): string | null;
  /** Checks the served list (every certificate parses, every key id matches) before it replaces the old one. */
  store(list: DccTrustListBody, etag: string | null, at: Date): Promise<void>;
  /** The server confirmed the list is unchanged (304). */
  confirm(at: Date): Promise<void>;
  status(now: Date): TrustListStatus;
}

/** The served list as the station's trust list; a list with a bad certificate or a wrong key id is refused whole. */
export function trustListFromBody(list: DccTrustListBody): TrustList {
  const trust = trustListFromDer(list.signers.map((signer) => signer.certificate));
  trust.signers.forEach((signer, index) => {
    if (signer.kid !== list.signers[index]!.kid) throw new TrustListError(`signer ${index + 1}: the key id given is not the certificate's (${keyIdOf(signer.certificate.raw)})`);
  });
  return trust;
}

/** The HMAC key for the file, derived from the database key (64 hex digits) so it is kept as well as that is. */
export function trustListMacKey(databaseKey: string): Buffer {
  return createHmac('sha256', Buffer.from(databaseKey, 'hex')).update('dcc-trust-list v1').digest();
}

export function openTrustListCache(dataDir: string, staleAfterMs: number, macKey: Buffer): TrustListCache {
  const path = join(dataDir, TRUST_LIST_FILE);
  const macOf = (body: string) => createHmac('sha256', macKey).update(body).digest();
  let stored: z.infer<typeof storedSchema> | null = null;
  let trust = EMPTY_TRUST_LIST;
  let damaged = false;
  try {
    const file = fileSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    if (!timingSafeEqual(Buffer.from(file.mac, 'hex'), macOf(file.body))) throw new TrustListError('the trust list file fails its HMAC');
    stored = storedSchema.parse(JSON.parse(file.body));
    trust = trustListFromBody(stored.list);
  } catch (error) {
    damaged = (error as NodeJS.ErrnoException).code !== 'ENOENT';
    stored = null;
  }

  let persistedAt = stored?.fetchedAt ?? null;

  async function save(next: z.infer<typeof storedSchema>, nextTrust: TrustList): Promise<void> {
    const body = JSON.stringify(next);
    await writeFileAtomically(path, JSON.stringify({ body, mac: macOf(body).toString('hex') }));
    [stored, trust, damaged, persistedAt] = [next, nextTrust, false, next.fetchedAt];
  }

  return {
    current: () => trust,
    etag: () => stored?.etag ?? null,
    store: (list, etag, at) => save({ list, etag, fetchedAt: at.toISOString() }, trustListFromBody(list)),
    confirm: async (at) => {
      if (stored === null) return;
      const confirmed = { ...stored, fetchedAt: at.toISOString() };
      if (persistedAt !== null && at.getTime() - Date.parse(persistedAt) < PERSIST_CONFIRMATION_EVERY_MS) stored = confirmed;
      else await save(confirmed, trust);
    },
    status(now) {
      const fetchedAt = stored?.fetchedAt ?? null;
      const stale = fetchedAt === null || now.getTime() - Date.parse(fetchedAt) > staleAfterMs;
      return { version: stored?.list.version ?? null, signers: trust.signers.length, fetchedAt, stale, damaged };
    },
  };
}
