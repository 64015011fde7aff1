import { text } from 'node:stream/consumers';
import { Option, type Command } from 'commander';
import { classifyCode } from '../../../shared/codes';
import { withCommonOptions } from './common-options';
import { UsageError } from './usage-error';

export function registerParseCommand(program: Command): void {
  withCommonOptions(program.command('parse'))
    .description('classify and validate a citizen code: prints {kind, valid, fields, problems}; exit 0 valid, 1 invalid')
    .argument('[payload]', 'the decoded QR text (read from standard input when absent)')
    .addOption(new Option('--locale <locale>', 'language of the problem messages').choices(['vi', 'en']).default('vi'))
    .action(async (payload: string | undefined, options: { locale: 'vi' | 'en' }) => {
      const raw = payload ?? (await readStandardInput());
      const { kind, valid, fields, problems } = classifyCode(raw, { locale: options.locale });
      process.stdout.write(`${JSON.stringify({ kind, valid, fields, problems })}\n`);
      process.exitCode = valid ? 0 : 1;
    });
}

async function readStandardInput(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('parse: give the payload as an argument or on standard input');
  return text(process.stdin);
}
