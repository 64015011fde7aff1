import { readdirSync, statSync, unlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { outputFolders, type OutputFolder } from '../db/data-folder';
import { appendAudit } from './audit-log';

export interface RetentionOptions {
  retentionDays: number;
  now: Date;
}

export interface PurgeOutcome {
  purged: number;
  /** Older than the retention period but not yet accepted by the central API: kept, and the officer warned. */
  overdueUnsynced: number;
  cutoff: string;
}

/** Files deleted from each output folder, and those that could not be (tried again at the next purge). */
export type FilePurgeOutcome = Record<OutputFolder, number> & { failed: number };

function cutoffOf({ retentionDays, now }: RetentionOptions): Date {
  return new Date(now.getTime() - retentionDays * 86_400_000);
}

/**
 * Deletes synced passages older than the retention period. secure_delete (set at open) zeroes the
 * freed pages, and the WAL is checkpointed and truncated so no copy of a purged record survives
 * there either. Unsynced passages are never purged.
 */
export function purgeExpiredPassages(db: Database, options: RetentionOptions): PurgeOutcome {
  const cutoff = cutoffOf(options).toISOString();
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

/**
 * Deletes exports and reports last written before the retention period: an export holds the
 * passages it was made from and must not outlive them. A file that cannot be deleted is counted,
 * not thrown (the purge runs on a timer; the next one tries again). Audited with counts, no names.
 */
export function purgeExpiredFiles(db: Database, dataDir: string, options: RetentionOptions): FilePurgeOutcome {
  const cutoffMs = cutoffOf(options).getTime();
  const outcome: FilePurgeOutcome = { exports: 0, reports: 0, failed: 0 };
  // Gone already (a folder never made, a file deleted meanwhile) is not a failure.
  const countFailure = (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') outcome.failed += 1;
  };
  for (const folder of outputFolders) {
    let entries: Dirent[];
    try {
      entries = readdirSync(join(dataDir, folder), { withFileTypes: true });
    } catch (error) {
      countFailure(error);
      continue;
    }
    for (const entry of entries.filter((candidate) => candidate.isFile())) {
      const path = join(dataDir, folder, entry.name);
      try {
        if (statSync(path).mtimeMs >= cutoffMs) continue;
        unlinkSync(path);
        outcome[folder] += 1;
      } catch (error) {
        countFailure(error);
      }
    }
  }
  if (outcome.exports + outcome.reports + outcome.failed > 0) {
    const details = { ...outcome, cutoff: new Date(cutoffMs).toISOString(), retentionDays: options.retentionDays };
    appendAudit(db, { actor: 'station', action: 'retention.purge', details, at: options.now });
  }
  return outcome;
}
