import { rm } from 'node:fs/promises';
import { CommandError } from '../../../shared/contract/router';
import { appendAudit } from '../store/audit-log';
import { describeDatabaseFiles, readDatabaseStatistics } from '../support/database-statistics';
import { writeSupportBundle } from '../support/support-bundle';
import type { CoreContext } from './context';
import { timestampedFile } from './files';
import type { HandlerGroup } from './merge-handlers';

/** The support bundle from the app itself (the crash dialog sends the officer here), read from the live database. */
export function supportHandlers(core: CoreContext): HandlerGroup<'exportSupportBundle'> {
  return {
    exportSupportBundle: async () => {
      const { database } = core.records();
      const path = timestampedFile(core.dataDir, 'reports', 'support', 'tar.gz');
      const now = new Date();
      try {
        await writeSupportBundle(path, {
          dataDir: core.dataDir,
          config: core.config,
          configFile: core.configPath,
          database: { files: describeDatabaseFiles(database.path), statistics: readDatabaseStatistics(database.db) },
          now,
        });
      } catch (error) {
        await rm(path, { force: true });
        throw new CommandError('unavailable', `the support bundle was not written (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${(error as Error).message}`);
      }
      appendAudit(database.db, { actor: core.actor(), action: 'export', details: { format: 'tar.gz', report: 'support' }, at: now });
      return { path };
    },
  };
}
