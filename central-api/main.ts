// `npm run central-api -- --data DIR [--port N] [--enrol-secret-file FILE] [--test-admin] [--sms-to-console] [--seed N]`
//   (or the bootstrap secret in CENTRAL_API_ENROL_SECRET). Prints `Central API ready:
//   http://127.0.0.1:PORT` once listening; logs go to DIR/logs.
// `npm run central-api -- issue-enrolment-code --data DIR --station-id ID --checkpoint CP [--valid-hours N]`
//   prints a one-time enrolment code alone on stdout (what it is for and until when on stderr).
// Exit codes: 0 stopped by a signal (or code issued), 1 runtime failure, 2 usage error. Errors are one plain line.

import { ENROL_SECRET_VARIABLE, parseCommandLine, parseIssueCodeCommandLine, USAGE, UsageError } from './command-line';
import { closeCentralDatabase, openCentralDatabase } from './db/open';
import { issueEnrolmentCode } from './db/stations';
import { createLogger, openLogFile } from './logging';
import { maskPhoneNumber } from '../shared/citizen/account-rules';
import type { SmsMessage } from './citizen/sms-outbox';
import { startCentralApi } from './server';

function issueCode(argv: string[]): void {
  const command = parseIssueCodeCommandLine(argv);
  const db = openCentralDatabase(command.dataDir);
  try {
    const { code, expiresAt } = issueEnrolmentCode(db, command, new Date());
    console.log(code);
    console.error(`central-api: one-time enrolment code for station ${command.stationId} at checkpoint ${command.checkpointId}, valid until ${expiresAt.toISOString()}; an unused earlier code for this station no longer works`);
  } finally {
    closeCentralDatabase(db);
  }
}

async function serve(argv: string[]): Promise<void> {
  const { smsToConsole, ...options } = parseCommandLine(argv);
  // Read once; what this process starts (or dumps) need not carry it.
  delete process.env[ENROL_SECRET_VARIABLE];
  const api = await startCentralApi({
    ...options,
    logger: createLogger(openLogFile(options.dataDir)),
    // The demo's phone: each simulated SMS on stdout (the number masked), never in the log files.
    ...(smsToConsole && { onSms: ({ phone, text }: SmsMessage) => console.log(`SMS to ${maskPhoneNumber(phone)}: ${text}`) }),
  });
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

async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'issue-enrolment-code') issueCode(argv.slice(1));
  else await serve(argv);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`central-api: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  console.error(`central-api: ${(error as Error).message}`);
  process.exit(1);
});
