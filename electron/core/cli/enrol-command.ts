import { Option, type Command } from 'commander';
import { defaultStationId, enrolStation } from '../central/enrolment';
import { readPinnedCa } from '../station';
import { resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

export function registerEnrolCommand(program: Command): void {
  withCommonOptions(program.command('enrol'))
    .description('enrol this station with the central API (the token is kept in the data folder)')
    .addOption(new Option('--api <url>', 'central verification API (default: the config file’s)'))
    .addOption(new Option('--secret <secret>', 'one-time enrolment secret from the central system').makeOptionMandatory())
    .addOption(new Option('--station-id <id>', 'this station’s id (default: <checkpoint id>-<host name>)'))
    .action(async (options: CommonOptions & { secret: string; stationId?: string }) => {
      const { config, dataDir } = await resolveCommonOptions(options);
      if (config.api.url === null) throw new UsageError('enrol: no central API: give --api URL or set api.url in the config');
      const stationId = options.stationId ?? defaultStationId(config.checkpoint.id);
      await enrolStation({ apiUrl: config.api.url, secret: options.secret, stationId, checkpoint: config.checkpoint, pinnedCaPem: readPinnedCa(config.api.caFile), dataDir });
      process.stdout.write(`${JSON.stringify({ enrolled: true, stationId, apiUrl: config.api.url })}\n`);
    });
}
