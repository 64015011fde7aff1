import type { Database } from 'better-sqlite3-multiple-ciphers';
import { citizenStatusSchema, ruleSetSchema, type CitizenStatus, type DenyListDelta, type RuleSet } from '../../../shared/central/schemas';
import type { ReferenceData } from '../../../shared/verdict/decide-verdict';
import { z } from 'zod';

const denyListBodySchema = z.array(z.tuple([z.string(), citizenStatusSchema]));

export interface ReferenceStatus {
  rulesVersion: string;
  denyListVersion: number | null;
  /**
   * When the central API last confirmed all of it: the older of the rules' and the deny list's
   * fetch, so a deny list that keeps failing is stale even while the rules are fresh. Null until
   * both came once.
   */
  fetchedAt: string | null;
  stale: boolean;
}

export interface ReferenceCache {
  current(): ReferenceData;
  rulesEtag(): string | null;
  denyListVersion(): number | null;
  storeRules(rules: RuleSet, etag: string | null, at: Date): void;
  /** The server confirmed the rules are unchanged (304). */
  confirmRules(at: Date): void;
  applyDenyList(delta: DenyListDelta, at: Date): void;
  status(now: Date): ReferenceStatus;
}

/**
 * Verdict rules and the deny list, cached in the database for offline work. Stored data is
 * re-validated on read: a damaged row falls back to the shipped rules instead of crashing.
 */
export function createReferenceCache(db: Database, shippedRules: RuleSet, staleAfterMs: number): ReferenceCache {
  const read = db.prepare('SELECT version, etag, fetched_at, body FROM reference_data WHERE name = ?');
  const write = db.prepare(`INSERT INTO reference_data (name, version, etag, fetched_at, body) VALUES (@name, @version, @etag, @fetchedAt, @body)
    ON CONFLICT (name) DO UPDATE SET version = excluded.version, etag = excluded.etag, fetched_at = excluded.fetched_at, body = excluded.body`);
  const touch = db.prepare('UPDATE reference_data SET fetched_at = ? WHERE name = ?');
  type Row = { version: string; etag: string | null; fetched_at: string; body: string };

  const rulesRow = read.get('rules') as Row | undefined;
  const cachedRules = rulesRow === undefined ? null : ruleSetSchema.safeParse(safeJson(rulesRow.body));
  let rules = cachedRules?.success ? cachedRules.data : shippedRules;
  let etag = cachedRules?.success ? (rulesRow?.etag ?? null) : null;
  let fetchedAt = cachedRules?.success ? (rulesRow?.fetched_at ?? null) : null;

  const denyRow = read.get('deny-list') as Row | undefined;
  const cachedDeny = denyRow === undefined ? null : denyListBodySchema.safeParse(safeJson(denyRow.body));
  let denyList = new Map<string, CitizenStatus>(cachedDeny?.success ? cachedDeny.data : []);
  let denyVersion = cachedDeny?.success ? Number(denyRow?.version) : null;
  let denyFetchedAt = cachedDeny?.success ? (denyRow?.fetched_at ?? null) : null;

  return {
    current: () => ({ rules, denyList }),
    rulesEtag: () => etag,
    denyListVersion: () => denyVersion,
    storeRules(next, nextEtag, at) {
      write.run({ name: 'rules', version: next.version, etag: nextEtag, fetchedAt: at.toISOString(), body: JSON.stringify(next) });
      [rules, etag, fetchedAt] = [next, nextEtag, at.toISOString()];
    },
    confirmRules(at) {
      touch.run(at.toISOString(), 'rules');
      fetchedAt = at.toISOString();
    },
    applyDenyList(delta, at) {
      const next = delta.full ? new Map<string, CitizenStatus>() : new Map(denyList);
      for (const id of delta.removed) next.delete(id);
      for (const entry of delta.added) next.set(entry.idNumber, entry.reason);
      write.run({ name: 'deny-list', version: String(delta.version), etag: null, fetchedAt: at.toISOString(), body: JSON.stringify([...next]) });
      [denyList, denyVersion, denyFetchedAt] = [next, delta.version, at.toISOString()];
    },
    status(now) {
      const confirmedAt = fetchedAt === null || denyFetchedAt === null ? null : fetchedAt < denyFetchedAt ? fetchedAt : denyFetchedAt;
      const age = confirmedAt === null ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(confirmedAt);
      return { rulesVersion: rules.version, denyListVersion: denyVersion, fetchedAt: confirmedAt, stale: age > staleAfterMs };
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
