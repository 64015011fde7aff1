import { access, constants } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { defaultEngineName, engineNames, type DecoderEngine, type EngineName } from '../../../shared/decoding/types';
import { startWorkerDecoder } from '../decoding/worker-decoder';
import { MediaError } from '../media/media-error';
import { readFrames } from '../media/read-frames';
import { resolveCommonOptions, withCommonOptions, type CommonOptions } from './common-options';
import { UsageError } from './usage-error';

export function registerDecodeCommand(program: Command): void {
  withCommonOptions(program.command('decode'))
    .description('decode the QR codes in images and videos: one JSON line {file, frame, text, engine, ms} per code (frames count from 0)')
    .argument('<files...>', 'images (PNG, JPEG, WebP) or videos (y4m read directly; other formats through ffmpeg)')
    .addOption(new Option('--engine <name>', 'decoder engine').choices(engineNames).default(defaultEngineName))
    .action(async (files: string[], options: CommonOptions & { engine: EngineName }) => {
      // Checked like every command's, though decoding needs nothing from the configuration yet.
      await resolveCommonOptions(options);
      for (const file of files) await assertReadable(file);
      // `station decode … | head` closes our stdout early: that is the reader's choice, not a failure.
      process.stdout.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
      });
      const decoder = await startWorkerDecoder({ engine: options.engine });
      try {
        for (const file of files) await decodeFile(file, decoder);
      } finally {
        decoder.close();
      }
    });
}

/** Prints what the command is for: the decoded text (personal data, on the officer's own terminal). */
async function decodeFile(file: string, decoder: DecoderEngine): Promise<void> {
  let frame = 0;
  try {
    for await (const image of readFrames(file)) {
      const started = performance.now();
      const codes = await decoder.decode(image);
      const ms = Math.round((performance.now() - started) * 10) / 10;
      for (const { text } of codes) process.stdout.write(`${JSON.stringify({ file, frame, text, engine: decoder.name, ms })}\n`);
      frame++;
    }
  } catch (error) {
    throw error instanceof MediaError ? new MediaError(`${file}: ${error.message}`) : error;
  }
}

async function assertReadable(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new UsageError(`cannot read ${file}: ${reason}`);
  }
}
