import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Passage } from '../../../shared/records/passage';
import { passageSearchSchema, type HourlyCount, type PassageSearch } from '../../../shared/records/passage-query';
import { foldForSearch, normalisePlate } from '../../../shared/text/search-fold';
import { alertJoin, passageColumns, passageFromRow, type PassageRow } from './passage-rows';

/** The trigram index needs three characters; shorter name fragments fall back to a scan. */
const minTrigramLength = 3;

export function searchPassages(db: Database, search: PassageSearch): Passage[] {
  const query = passageSearchSchema.parse(search);
  const conditions: string[] = [];
  const params: Record<string, unknown> = { limit: query.limit };
  if (query.idNumber !== undefined) {
    conditions.push('p.id_number = @idNumber');
    params.idNumber = query.idNumber;
  }
  if (query.plate !== undefined) {
    conditions.push('p.plate_search = @plate');
    params.plate = normalisePlate(query.plate);
  }
  if (query.verdict !== undefined) {
    // The final verdict: the officer's override when there is one (indexed as this very expression).
    conditions.push('coalesce(p.override_verdict, p.verdict) = @verdict');
    params.verdict = query.verdict;
  }
  if (query.from !== undefined) {
    conditions.push('p.scanned_at >= @from');
    params.from = query.from;
  }
  if (query.to !== undefined) {
    conditions.push('p.scanned_at < @to');
    params.to = query.to;
  }
  if (query.beforeSequence !== undefined) {
    conditions.push('p.sequence < @beforeSequence');
    params.beforeSequence = query.beforeSequence;
  }
  if (query.alert !== undefined) conditions.push(query.alert === 'open' ? 'a.passage_id IS NOT NULL AND a.acknowledged_at IS NULL' : 'a.passage_id IS NOT NULL');
  let source = 'passages p';
  let order = 'p.sequence DESC';
  if (query.name !== undefined) {
    const fragment = foldForSearch(query.name);
    if (fragment.length >= minTrigramLength) {
      // Walk the name index newest-first so LIMIT stops early even for a common name.
      source = 'passages_name_search f JOIN passages p ON p.sequence = f.rowid';
      conditions.push('passages_name_search MATCH @match');
      params.match = `"${fragment.replaceAll('"', '""')}"`;
      order = 'f.rowid DESC';
    } else {
      conditions.push("p.name_search LIKE @like ESCAPE '\\'");
      params.like = `%${fragment.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    }
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT ${passageColumns} FROM ${source} ${alertJoin} ${where} ORDER BY ${order} LIMIT @limit`).all(params) as PassageRow[];
  return rows.map(passageFromRow);
}

/**
 * Passages per local hour and final verdict (the override when there is one) in [from, to): the
 * shift dashboard's chart. `utcOffsetMinutes` is the station's time zone (Vietnam: +420), so hours
 * are the officer's, not UTC.
 */
export function countPassagesPerHour(db: Database, range: { from: string; to: string; utcOffsetMinutes: number }): HourlyCount[] {
  return db
    .prepare(
      `SELECT CAST(strftime('%H', scanned_at, @offset) AS INTEGER) AS hour, coalesce(override_verdict, verdict) AS verdict, count(*) AS count
       FROM passages WHERE scanned_at >= @from AND scanned_at < @to
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all({ from: range.from, to: range.to, offset: `${range.utcOffsetMinutes} minutes` }) as HourlyCount[];
}

/** Records not yet accepted by the central API (rejected ones included: they wait for the officer). */
export function countUnsynced(db: Database): number {
  return (db.prepare("SELECT count(*) AS n FROM passages WHERE sync_state <> 'synced'").get() as { n: number }).n;
}
