import { Option, type Command } from 'commander';
import { bootStation } from '../boot';
import { nodePlatform } from '../node-platform';
import { hostOption, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

export function registerSyncCommand(program: Command): void {
  withCommonOptions(program.command('sync'))
    .description('send the outbox to the central API once and print the counts; --until-empty retries until it is empty')
    .addOption(hostOption('api'))
    .addOption(new Option('--until-empty', 'keep going, with backoff, until every passage is settled'))
    .action(async (options: CommonOptions & { untilEmpty?: boolean }) => {
      const booted = await bootStation(nodePlatform('headless'), {
        configFile: options.config,
        dataDir: options.data,
        apiUrl: options.api,
        whenNotEnrolled: () => new UsageError('sync: this station is not enrolled with that API: run `station enrol` first'),
      });
      const { station } = booted;
      await station.sync.stop(); // one pass at a time, driven from here
      const totals = { uploaded: 0, duplicates: 0, rejected: 0, remaining: 0, error: null as string | null };
      try {
        for (;;) {
          const pass = await station.sync.runPass();
          totals.uploaded += pass.uploaded;
          totals.duplicates += pass.duplicates;
          totals.rejected += pass.rejected;
          totals.remaining = pass.remaining;
          totals.error = pass.error;
          if (!options.untilEmpty || (pass.error === null && pass.remaining === 0)) break;
          await new Promise((resolve) => setTimeout(resolve, pass.error === null ? 0 : station.sync.nextDelayMs()));
        }
      } finally {
        await booted.close();
      }
      process.stdout.write(`${JSON.stringify(totals)}\n`);
      if (totals.error !== null) process.exitCode = 1;
    });
}
