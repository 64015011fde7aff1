import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { nodeDatabaseDriver } from '../node-platform';
import { exportPassages, type ExportFormat } from '../export/export-passages';
import { closeDatabase, openDatabase } from '../db/open-database';
import { databaseFileName } from '../db/data-folder';
import { loadHeadlessDatabaseKey, resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

interface ExportOptions extends CommonOptions {
  from?: string;
  to?: string;
  format: ExportFormat;
  out: string;
  unmasked?: boolean;
  officer?: string;
}

export function registerExportCommand(program: Command): void {
  withCommonOptions(program.command('export'))
    .description('export passages to CSV or XLSX (ID numbers and names masked unless --unmasked, which is audited)')
    .addOption(new Option('--from <time>', 'start, ISO time or YYYY-MM-DD (local midnight; default: today)'))
    .addOption(new Option('--to <time>', 'end, exclusive, ISO time or YYYY-MM-DD (default: now)'))
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).default('csv'))
    .addOption(new Option('--out <file>', 'file to write').makeOptionMandatory())
    .addOption(new Option('--unmasked', 'full ID numbers and names (recorded in the audit log)'))
    .addOption(new Option('--officer <id>', 'officer making the export, for the audit log'))
    .action(async (options: ExportOptions) => {
      const now = new Date();
      const from = parseTime(options.from, '--from') ?? startOfLocalDay(now);
      const to = parseTime(options.to, '--to') ?? now;
      if (from >= to) throw new UsageError('--from must be before --to');
      const { dataDir } = await resolveCommonOptions(options);
      const database = openDatabase(join(dataDir, databaseFileName), { key: await loadHeadlessDatabaseKey(dataDir), driver: nodeDatabaseDriver });
      const { db } = database;
      try {
        const { rows } = await exportPassages(
          db,
          {
            from: from.toISOString(),
            to: to.toISOString(),
            format: options.format,
            unmasked: options.unmasked === true,
            actor: options.officer === undefined ? 'station' : `officer:${options.officer}`,
          },
          options.out,
        );
        process.stderr.write(`exported ${rows} passages to ${options.out}\n`);
      } finally {
        closeDatabase(database);
      }
    });
}

function parseTime(value: string | undefined, flag: string): Date | null {
  if (value === undefined) return null;
  // A bare date means local midnight: the officer thinks in days of their own time zone.
  const time = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : new Date(value);
  if (Number.isNaN(time.getTime())) throw new UsageError(`${flag}: not a date or time: ${value}`);
  return time;
}

function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}
