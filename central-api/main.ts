// `npm run central-api -- --data DIR [--port N] [--enrol-secret S] [--test-admin] [--seed N]`
// Prints `Central API ready: http://127.0.0.1:PORT` once listening; logs go to DIR/logs.
// Exit codes: 0 stopped by a signal, 1 runtime failure, 2 usage error. Errors are one plain line.

import { parseCommandLine, USAGE, UsageError } from './command-line';
import { createLogger, openLogFile } from './logging';
import { startCentralApi } from './server';

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2));
  const api = await startCentralApi({ ...options, logger: createLogger(openLogFile(options.dataDir)) });
  console.log(`Central API ready: ${api.url}`);
  const stop = () => {
    api.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`central-api: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`central-api: ${(error as Error).message}`);
  process.exit(1);
});
