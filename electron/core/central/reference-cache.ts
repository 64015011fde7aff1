import type { Database } from 'better-sqlite3-multiple-ciphers';
import { citizenStatusSchema, dccRuleSetSchema, ruleSetSchema, type CitizenStatus, type DccRuleSet, type DenyListDelta, type RuleSet } from '../../../shared/central/schemas';
import type { ReferenceData } from '../../../shared/verdict/decide-verdict';
import { z } from 'zod';

const denyListBodySchema = z.array(z.tuple([z.string(), citizenStatusSchema]));

/** Until the central API serves vaccine-passport business rules, none apply (the station's own rules still do). */
export const NO_DCC_RULES: DccRuleSet = { version: 'none', rules: [], valueSets: {} };

export interface ReferenceStatus {
  rulesVersion: string;
  dccRulesVersion: string;
  denyListVersion: number | null;
  /**
   * When the central API last confirmed all of it: the oldest of the rules', the vaccine-passport
   * rules' and the deny list's fetch, so a deny list that keeps failing is stale even while the
   * rules are fresh. Null until each came once.
   */
  fetchedAt: string | null;
  stale: boolean;
}

/** A document the central API serves with an ETag, as the station keeps it. */
export interface EtaggedDocument<T> {
  value(): T;
  etag(): string | null;
  store(value: T, etag: string | null, at: Date): void;
  /** The server confirmed it is unchanged (304). */
  confirm(at: Date): void;
  fetchedAt(): string | null;
}

export interface ReferenceCache {
  current(): ReferenceData;
  /** The verdict rules. */
  rules: EtaggedDocument<RuleSet>;
  /** The vaccine-passport business rules (CertLogic) and their value sets. */
  dccRules: EtaggedDocument<DccRuleSet>;
  denyListVersion(): number | null;
  applyDenyList(delta: DenyListDelta, at: Date): void;
  status(now: Date): ReferenceStatus;
}

type Row = { version: string; etag: string | null; fetched_at: string; body: string };

/**
 * Verdict rules, vaccine-passport rules and the deny list, cached in the database for offline
 * work. Stored data is re-validated on read: a damaged row falls back to what shipped instead of
 * crashing.
 */
export function createReferenceCache(db: Database, shippedRules: RuleSet, staleAfterMs: number): ReferenceCache {
  const read = db.prepare('SELECT version, etag, fetched_at, body FROM reference_data WHERE name = ?');
  const write = db.prepare(`INSERT INTO reference_data (name, version, etag, fetched_at, body) VALUES (@name, @version, @etag, @fetchedAt, @body)
    ON CONFLICT (name) DO UPDATE SET version = excluded.version, etag = excluded.etag, fetched_at = excluded.fetched_at, body = excluded.body`);
  const touch = db.prepare('UPDATE reference_data SET fetched_at = ? WHERE name = ?');

  function etaggedDocument<T extends { version: string }>(name: string, schema: z.ZodType<T>, shipped: T): EtaggedDocument<T> {
    const row = read.get(name) as Row | undefined;
    const cached = row === undefined ? null : schema.safeParse(safeJson(row.body));
    let value = cached?.success ? cached.data : shipped;
    let etag = cached?.success ? (row?.etag ?? null) : null;
    let fetchedAt = cached?.success ? (row?.fetched_at ?? null) : null;
    return {
      value: () => value,
      etag: () => etag,
      fetchedAt: () => fetchedAt,
      store(next, nextEtag, at) {
        write.run({ name, version: next.version, etag: nextEtag, fetchedAt: at.toISOString(), body: JSON.stringify(next) });
        [value, etag, fetchedAt] = [next, nextEtag, at.toISOString()];
      },
      confirm(at) {
        touch.run(at.toISOString(), name);
        fetchedAt = at.toISOString();
      },
    };
  }

  const rules = etaggedDocument('rules', ruleSetSchema, shippedRules);
  const dccRules = etaggedDocument('dcc-rules', dccRuleSetSchema, NO_DCC_RULES);

  const denyRow = read.get('deny-list') as Row | undefined;
  const cachedDeny = denyRow === undefined ? null : denyListBodySchema.safeParse(safeJson(denyRow.body));
  let denyList = new Map<string, CitizenStatus>(cachedDeny?.success ? cachedDeny.data : []);
  let denyVersion = cachedDeny?.success ? Number(denyRow?.version) : null;
  let denyFetchedAt = cachedDeny?.success ? (denyRow?.fetched_at ?? null) : null;

  return {
    current: () => ({ rules: rules.value(), denyList }),
    rules,
    dccRules,
    denyListVersion: () => denyVersion,
    applyDenyList(delta, at) {
      const next = delta.full ? new Map<string, CitizenStatus>() : new Map(denyList);
      for (const id of delta.removed) next.delete(id);
      for (const entry of delta.added) next.set(entry.idNumber, entry.reason);
      write.run({ name: 'deny-list', version: String(delta.version), etag: null, fetchedAt: at.toISOString(), body: JSON.stringify([...next]) });
      [denyList, denyVersion, denyFetchedAt] = [next, delta.version, at.toISOString()];
    },
    status(now) {
      const fetches = [rules.fetchedAt(), dccRules.fetchedAt(), denyFetchedAt];
      // ISO 8601 UTC strings sort as the times they name.
      const confirmedAt = fetches.includes(null) ? null : (fetches as string[]).sort()[0]!;
      const age = confirmedAt === null ? Number.POSITIVE_INFINITY : now.getTime() - Date.parse(confirmedAt);
      return { rulesVersion: rules.value().version, dccRulesVersion: dccRules.value().version, denyListVersion: denyVersion, fetchedAt: confirmedAt, stale: age > staleAfterMs };
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
