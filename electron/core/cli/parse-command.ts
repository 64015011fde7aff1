import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { Option, type Command } from 'commander';
import { classifyCode } from '../../../shared/codes';
import { createEuDccReader } from '../dcc/read-eu-dcc';
import type { DatabaseKey } from '../db/database-key';
import { EMPTY_TRUST_LIST, trustListFromPem, TrustListError, type TrustList } from '../dcc/trust-list';
import { openTrustListCache, TRUST_LIST_FILE, trustListMacKey } from '../dcc/trust-list-cache';
import { referenceStaleAfterMs } from '../station-records';
import { loadHeadlessDatabaseKey, resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

interface ParseOptions extends CommonOptions {
  locale: 'vi' | 'en';
  trustList?: string;
  now?: string;
}

export function registerParseCommand(program: Command): void {
  withCommonOptions(program.command('parse'))
    .description('classify and validate a citizen code: prints {kind, valid, fields, problems}; exit 0 valid, 1 invalid')
    .argument('[payload]', 'the decoded QR text (read from standard input when absent)')
    .addOption(new Option('--locale <locale>', 'language of the problem messages').choices(['vi', 'en']).default('vi'))
    .addOption(new Option('--trust-list <file>', 'vaccine passports: a PEM bundle of document-signer certificates, instead of the station’s cached trust list'))
    .addOption(new Option('--now <iso-time>', 'the clock codes are judged at (ISO 8601), instead of this machine’s'))
    .action(async (payload: string | undefined, options: ParseOptions) => {
      const now = validationClock(options.now);
      const trust = await trustListFor(options);
      const raw = payload ?? (await readStandardInput());
      const { kind, valid, fields, problems } = classifyCode(raw, { locale: options.locale, now, readEuDcc: createEuDccReader(() => trust) });
      process.stdout.write(`${JSON.stringify({ kind, valid, fields, problems })}\n`);
      process.exitCode = valid ? 0 : 1;
    });
}

function validationClock(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const clock = new Date(value);
  // A bare date or a time without an offset would be read in this machine's zone: refused.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value) || Number.isNaN(clock.getTime())) {
    throw new UsageError(`parse: --now must be an ISO 8601 time with its offset (2022-05-01T08:00:00Z), not ${JSON.stringify(value.slice(0, 40))}`);
  }
  return clock;
}

/**
 * The bundle given, or the station's cached list, checked with the station's database key (empty
 * when it never fetched one; said on standard error when it cannot be read or checked).
 */
async function trustListFor(options: ParseOptions): Promise<TrustList> {
  if (options.trustList !== undefined) {
    let pem: string;
    try {
      pem = readFileSync(options.trustList, 'utf8');
    } catch (error) {
      throw new UsageError(`parse: cannot read the trust list ${options.trustList}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    try {
      return trustListFromPem(pem);
    } catch (error) {
      if (error instanceof TrustListError) throw new UsageError(`parse: ${options.trustList}: ${error.message}`);
      throw error;
    }
  }
  const { dataDir } = await resolveCommonOptions(options);
  if (!existsSync(join(dataDir, TRUST_LIST_FILE))) return EMPTY_TRUST_LIST;
  let key: DatabaseKey;
  try {
    key = await loadHeadlessDatabaseKey(dataDir);
  } catch (error) {
    process.stderr.write(`station: the cached trust list cannot be checked without the database key (${(error as Error).message}): no signer is trusted\n`);
    return EMPTY_TRUST_LIST;
  }
  const cache = openTrustListCache(dataDir, referenceStaleAfterMs, trustListMacKey(key));
  if (cache.status(new Date()).damaged) process.stderr.write(`station: the cached trust list in ${dataDir} is damaged or altered: no signer is trusted\n`);
  return cache.current();
}

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('parse: give the payload as an argument or on standard input');
  return text(process.stdin);
}
