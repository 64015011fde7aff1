import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { startBridgeServer } from '../bridge/bridge-server';
import { createLogger, openLogFile } from '../logging/logger';
import { createStation } from '../station';
import { loadHeadlessDatabaseKey, loadStationEnrolment, resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

export const rendererDistDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export function registerServeCommand(program: Command): void {
  withCommonOptions(program.command('serve'))
    .description('run the station in browser mode: serve the app on 127.0.0.1 and print the URL to open')
    .addOption(new Option('--port <port>', 'port to listen on (default: a free one)').argParser(parsePort))
    .addOption(new Option('--api <url>', 'central verification API (overrides the config file)'))
    .addOption(new Option('--demo-officer', 'sign in the demo officer "demo" at start (created if missing): for unattended demos and tests'))
    .action(async (options: CommonOptions & { port?: number; demoOfficer?: boolean }) => {
      if (!existsSync(`${rendererDistDir}/index.html`)) {
        throw new UsageError('the app is not built yet: run `npm run build:renderer` first');
      }
      const { config, configFile, dataDir } = await resolveCommonOptions(options);
      const databaseKey = await loadHeadlessDatabaseKey(dataDir);
      const logFile = await openLogFile(dataDir);
      const logger = createLogger(logFile);
      const enrolment = await loadStationEnrolment(dataDir, config);
      const station = createStation({ config, configPath: configFile, dataDir, host: 'browser', logger, databaseKey, enrolment });
      if (options.demoOfficer === true) station.officers.startDemoShift();
      station.lanes.start();
      const bridge = await startBridgeServer({
        router: station.router,
        events: station.events,
        staticDir: rendererDistDir,
        logger,
        port: options.port,
      });
      process.stdout.write(`Station ready: ${bridge.url}\n`);

      const shutdown = async () => {
        await bridge.close();
        await station.close();
        logFile.end();
      };
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown());
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: not a port number: ${value}`);
  return port;
}
