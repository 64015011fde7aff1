import { Command, CommanderError } from 'commander';
import { appVersion } from '../app-info';
import { ConfigError } from '../config/load-config';
import { registerEnrolCommand } from './enrol-command';
import { registerExportCommand } from './export-command';
import { registerOfficerCommand } from './officer-command';
import { registerParseCommand } from './parse-command';
import { registerDecodeCommand } from './decode-command';
import { registerRunCommand } from './run-command';
import { registerServeCommand } from './serve-command';
import { registerSyncCommand } from './sync-command';
import { registerSupportBundleCommand } from '../support/support-bundle-command';
import { UsageError } from './usage-error';

const program = new Command('station')
  .description('Checkpoint scanning station: reads citizen QR codes, verifies them and records every pass-through.')
  .version(appVersion, '-v, --version')
  .showHelpAfterError()
  .exitOverride();

registerServeCommand(program);
registerDecodeCommand(program);
registerRunCommand(program);
registerParseCommand(program);
registerExportCommand(program);
registerEnrolCommand(program);
registerSyncCommand(program);
registerSupportBundleCommand(program);
registerOfficerCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

/** Known failures are one plain line; only a bug shows a stack trace. */
function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof UsageError || error instanceof ConfigError) {
    process.stderr.write(`station: ${error.message}\n`);
    return 2;
  }
  process.stderr.write(`station: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
