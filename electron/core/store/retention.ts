import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from './audit-log';

export interface PurgeOutcome {
  purged: number;
  /** Older than the retention period but not yet accepted by the central API: kept, and the officer warned. */
  overdueUnsynced: number;
  cutoff: string;
}

/**
 * Deletes synced passages older than the retention period. secure_delete (set at open) zeroes the
 * freed pages, and the WAL is checkpointed and truncated so no copy of a purged record survives
 * there either. Unsynced passages are never purged.
 */
export function purgeExpiredPassages(db: Database, options: { retentionDays: number; now: Date }): PurgeOutcome {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const purged = db.transaction(() => {
    const { changes } = db.prepare("DELETE FROM passages WHERE sync_state = 'synced' AND scanned_at < ?").run(cutoff);
    if (changes > 0) {
      appendAudit(db, { actor: 'station', action: 'retention.purge', details: { purged: changes, cutoff, retentionDays: options.retentionDays }, at: options.now });
    }
    return changes;
  })();
  if (purged > 0) db.pragma('wal_checkpoint(TRUNCATE)');
  const overdueUnsynced = (
    db.prepare("SELECT count(*) AS n FROM passages WHERE sync_state <> 'synced' AND scanned_at < ?").get(cutoff) as { n: number }
  ).n;
  return { purged, overdueUnsynced, cutoff };
}
