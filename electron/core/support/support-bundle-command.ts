import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { ownerOnlyFile } from '../db/database-key';
import { openDatabaseReadOnly } from '../db/open-database';
import { nodeDatabaseDriver } from '../node-platform';
import { databaseFileName } from '../db/data-folder';
import { loadHeadlessDatabaseKey, resolveCommonOptions, withCommonOptions, type CommonOptions } from '../cli/common-options';
import { describeDatabaseFiles, readDatabaseStatistics, type DatabaseStatistics } from './database-statistics';
import { writeSupportBundle } from './support-bundle';

interface SupportBundleOptions extends CommonOptions {
  out: string;
}

export function registerSupportBundleCommand(program: Command): void {
  withCommonOptions(program.command('support-bundle'))
    .description('write a .tar.gz for technical support: logs without personal data, config without secrets, versions, database statistics (no records)')
    .addOption(new Option('--out <file>', 'the .tar.gz to write').makeOptionMandatory())
    .action(async (options: SupportBundleOptions) => {
      const { config, configFile, dataDir } = await resolveCommonOptions(options);
      const databasePath = join(dataDir, databaseFileName);
      await writeSupportBundle(options.out, {
        dataDir,
        config,
        configFile,
        database: { files: describeDatabaseFiles(databasePath), statistics: await statisticsOf(databasePath, dataDir) },
        now: new Date(),
      });
      process.stderr.write(`support bundle written to ${options.out}\n`);
    });
}

/** Statistics when this process can read the database; otherwise why not (the bundle is still useful). */
async function statisticsOf(databasePath: string, dataDir: string): Promise<DatabaseStatistics | { unavailable: string }> {
  if (!existsSync(databasePath)) return { unavailable: 'no database in this data folder' };
  // Never create a key here: the desktop app's key is sealed in the OS keychain, out of the CLI's reach.
  if (!process.env.STATION_DB_KEY && !existsSync(join(dataDir, ownerOnlyFile.fileName))) {
    return { unavailable: 'the database key is sealed by the desktop app; set STATION_DB_KEY to include statistics' };
  }
  try {
    const db = openDatabaseReadOnly(databasePath, { key: await loadHeadlessDatabaseKey(dataDir), driver: nodeDatabaseDriver });
    try {
      return readDatabaseStatistics(db);
    } finally {
      db.close();
    }
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}
