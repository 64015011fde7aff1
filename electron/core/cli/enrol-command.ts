import { hostname } from 'node:os';
import { Option, type Command } from 'commander';
import { createApiClient } from '../central/api-client';
import { saveEnrolment } from '../central/enrolment';
import { ensureWritableFolder } from '../db/data-folder';
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
      const stationId = options.stationId ?? `${config.checkpoint.id}-${hostname()}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 64);
      const api = createApiClient({ baseUrl: config.api.url, token: null, pinnedCaPem: readPinnedCa(config.api.caFile) });
      const { token } = await api.enrol({ stationId, secret: options.secret, checkpointId: config.checkpoint.id, name: config.checkpoint.name });
      ensureWritableFolder(dataDir);
      await saveEnrolment(dataDir, { apiUrl: config.api.url, stationId, token });
      process.stdout.write(`${JSON.stringify({ enrolled: true, stationId, apiUrl: config.api.url })}\n`);
    });
}
