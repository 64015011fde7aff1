import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { officerIdSchema, officerRoleSchema, pinSchema, type OfficerRole } from '../../../shared/records/officer';
import { closeDatabase, openDatabase } from '../db/open-database';
import { nodeDatabaseDriver } from '../node-platform';
import { createOfficerStore } from '../officers/officer-store';
import { databaseFileName } from '../db/data-folder';
import { loadHeadlessDatabaseKey, resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { readStandardInput } from './standard-input';
import { UsageError } from './usage-error';

export function registerOfficerCommand(program: Command): void {
  const officer = program.command('officer').description('manage the officers who may sign in at this station');
  withCommonOptions(officer.command('add'))
    .description('add an officer; the PIN (4 to 8 digits) is read from standard input, never from the command line')
    .argument('<id>', 'the officer’s service number (2 to 32 letters, digits, dots, dashes, underscores)')
    .addOption(new Option('--name <name>', 'the name shown on the screen and the shift report').makeOptionMandatory())
    .addOption(new Option('--role <role>', 'officer, or supervisor (manages officers, settings, enrolment, unmasked exports)').choices(officerRoleSchema.options).default('officer'))
    .action(async (id: string, options: CommonOptions & { name: string; role: OfficerRole }) => {
      const officerId = officerIdSchema.safeParse(id);
      if (!officerId.success) throw new UsageError(`officer id ${id}: ${officerId.error.issues[0]?.message}`);
      const name = options.name.trim();
      if (name.length === 0 || name.length > 120) throw new UsageError('--name: 1 to 120 characters');
      // A PIN in argv would sit in the shell history and the process list.
      const pin = pinSchema.safeParse((await readStandardInput('PIN')).trim());
      if (!pin.success) throw new UsageError(`the PIN on standard input must be ${pin.error.issues[0]?.message}`);
      const { dataDir } = await resolveCommonOptions(options);
      const database = openDatabase(join(dataDir, databaseFileName), { key: await loadHeadlessDatabaseKey(dataDir), driver: nodeDatabaseDriver });
      try {
        if (!createOfficerStore(database.db).add({ id: officerId.data, name, pin: pin.data, role: options.role }, new Date())) throw new UsageError(`officer ${officerId.data} exists already`);
      } finally {
        closeDatabase(database);
      }
      process.stdout.write(`${JSON.stringify({ added: true, officerId: officerId.data, role: options.role })}\n`);
    });
}
