import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { startBridgeServer } from '../bridge/bridge-server';
import { bootStation } from '../boot';
import { nodePlatform } from '../node-platform';
import { hostOption, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

export const rendererDistDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

export function registerServeCommand(program: Command): void {
  withCommonOptions(program.command('serve'))
    .description('run the station in browser mode: serve the app on 127.0.0.1 and print the URL to open')
    .addOption(new Option('--port <port>', 'port to listen on (default: a free one)').argParser(parsePort))
    .addOption(hostOption('api'))
    .addOption(hostOption('demo-officer'))
    .action(async (options: CommonOptions & { port?: number; demoOfficer?: boolean }) => {
      if (!existsSync(`${rendererDistDir}/index.html`)) {
        throw new UsageError('the app is not built yet: run `npm run build:renderer` first');
      }
      const booted = await bootStation(nodePlatform('browser'), { configFile: options.config, dataDir: options.data, apiUrl: options.api, demoOfficer: options.demoOfficer });
      const { station, logger } = booted;
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
        await booted.close();
      };
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutdown());
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: not a port number: ${value}`);
  return port;
}
