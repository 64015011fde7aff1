import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Verdict } from '../../../shared/records/passage';
import type { ShiftSummary } from '../../../shared/records/shift-summary';
import { countPassagesPerHour } from './passage-queries';

export interface ShiftRange {
  from: string;
  to: string;
  utcOffsetMinutes: number;
}

export interface ShiftSummarySources {
  /** Offline time within the range, from the connectivity log. */
  offlineMs(range: { from: string; to: string }): number;
  /** The outbox now. */
  queue(): { pending: number; deadLetters: number };
}

/** What happened at the station in [from, to), counted by the final verdict (the officer's override when there is one). */
export function summariseShift(db: Database, range: ShiftRange, sources: ShiftSummarySources): ShiftSummary {
  const rows = db
    .prepare(
      `SELECT coalesce(override_verdict, verdict) AS verdict, count(*) AS count,
         sum(override_verdict IS NOT NULL) AS overrides, sum(verification = 'offline') AS offline
       FROM passages WHERE scanned_at >= @from AND scanned_at < @to GROUP BY 1`,
    )
    .all({ from: range.from, to: range.to }) as { verdict: Verdict; count: number; overrides: number; offline: number }[];
  const byVerdict = { pass: 0, check: 0, deny: 0, invalid: 0 };
  for (const row of rows) byVerdict[row.verdict] = row.count;
  return {
    from: range.from,
    to: range.to,
    byVerdict,
    overrides: rows.reduce((sum, row) => sum + row.overrides, 0),
    offlineVerdicts: rows.reduce((sum, row) => sum + row.offline, 0),
    perHour: countPassagesPerHour(db, range),
    offlineMs: sources.offlineMs(range),
    ...sources.queue(),
  };
}
