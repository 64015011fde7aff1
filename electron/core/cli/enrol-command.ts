import { Option, type Command } from 'commander';
import { createEnrolmentStore, defaultStationId, enrolStation } from '../central/enrolment';
import { readPinnedCa } from '../station';
import { resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { readStandardInput } from './standard-input';
import { UsageError } from './usage-error';

export function registerEnrolCommand(program: Command): void {
  withCommonOptions(program.command('enrol'))
    .description('enrol this station with the central API; the one-time enrolment code is read from standard input, never from the command line (the token is kept in the data folder)')
    .addOption(new Option('--api <url>', 'central verification API (default: the config file’s)'))
    .addOption(new Option('--station-id <id>', 'this station’s id (default: <checkpoint id>-<host name>)'))
    .action(async (options: CommonOptions & { stationId?: string }) => {
      const { config, dataDir } = await resolveCommonOptions(options);
      if (config.api.url === null) throw new UsageError('enrol: no central API: give --api URL or set api.url in the config');
      // A secret in argv would sit in the shell history and the process list.
      const secret = (await readStandardInput('enrolment code')).trim();
      if (secret.length < 8 || secret.length > 256) throw new UsageError('enrol: the enrolment code on standard input must be 8 to 256 characters');
      const stationId = options.stationId ?? defaultStationId(config.checkpoint.id);
      await enrolStation({ apiUrl: config.api.url, secret, stationId, checkpoint: config.checkpoint, pinnedCaPem: readPinnedCa(config.api.caFile), store: createEnrolmentStore(dataDir) });
      process.stdout.write(`${JSON.stringify({ enrolled: true, stationId, apiUrl: config.api.url })}\n`);
    });
}
