import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLogFile, createLogger, openLogFile, type Logger } from '../../electron/core/logging/logger';
import { createMemoryLogger } from '../helpers/memory-logger';
import { leaks, plantedSamples } from '../helpers/redaction-samples';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const passageId = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';

class Scan {
  constructor(
    readonly laneId: string,
    readonly code: string,
  ) {}
}

/** Logs `sample` every way the station's code (or a careless change to it) could: returns how many lines that makes. */
function plantEverywhere(logger: Logger, sample: string): number {
  const log = logger.child({ scope: 'pipeline' });
  const [first = '', ...rest] = sample.split(' ');
  log.info(`scanned ${sample} on lane-1`);
  log.info({ laneId: 'lane-1', passageId, detail: `scanned ${sample}` }, 'scanned');
  log.info('scanned %s on %s', sample, 'lane-1');
  // A name split across arguments is whole only once pino has interpolated the message.
  log.info('scanned %s %s', first, rest.join(' '));
  log.info('scanned %j and %o', { code: sample }, { items: [['x', sample]] });
  log.error(new Error(`cannot classify ${sample}`));
  log.error({ err: new Error('scan failed', { cause: new Error(`bad field ${sample}`) }) }, 'scan failed');
  log.warn({ result: { ok: false, error: Object.assign(new Error('refused'), { detail: sample }) } }, 'upload refused');
  log.info({ seen: new Map([[sample, 1]]), codes: new Set([sample]), scan: new Scan('lane-1', sample) }, 'collections');
  log.info({ frame: Buffer.from(sample) }, 'frame kept');
  logger.child({ scope: 'pipeline', lastCode: sample }).info('child bindings');
  logger.child({ scope: 'pipeline' }, { msgPrefix: `[${sample}] ` }).info('prefixed');
  return 12;
}

function linesOf(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('logger', () => {
  it('writes scoped JSON lines', () => {
    const { logger, lines } = createMemoryLogger();
    logger.child({ scope: 'sync' }).info({ batch: 3 }, 'uploaded');
    expect(lines()[0]).toMatchObject({ scope: 'sync', batch: 3, msg: 'uploaded', level: 30 });
  });

  it('never lets a planted name, ID number, token or payload reach a line, however it is logged', () => {
    const { logger, text } = createMemoryLogger();
    let expected = 0;
    for (const sample of plantedSamples) expected += plantEverywhere(logger, sample.value);
    expect(leaks(text())).toEqual([]);
    expect(linesOf(text())).toHaveLength(expected);
  });

  it('keeps what support needs on those lines', () => {
    const { logger, lines } = createMemoryLogger();
    plantEverywhere(logger, 'Nguyễn Văn An');
    const written = lines();
    expect(written[1]).toMatchObject({ scope: 'pipeline', laneId: 'lane-1', passageId, detail: 'scanned [name]', msg: 'scanned' });
    // An error logged alone still gives the line its message, redacted, and its type.
    expect(written[5]).toMatchObject({ level: 50, msg: 'cannot classify [name]', err: { type: 'Error', message: 'cannot classify [name]' } });
    expect(written[6]).toMatchObject({ err: { message: 'scan failed', cause: { message: 'bad field [name]' } } });
    expect(written[9]).toMatchObject({ frame: `[${Buffer.byteLength('Nguyễn Văn An')} bytes]` });
  });

  it('writes none of them to its file on disk', async () => {
    const dataDir = tempDir();
    const file = await openLogFile(dataDir);
    const logger = createLogger(file);
    let expected = 0;
    for (const sample of plantedSamples) expected += plantEverywhere(logger, sample.value);
    await closeLogFile(file);
    const logsDir = join(dataDir, 'logs');
    const onDisk = readdirSync(logsDir)
      .map((name) => readFileSync(join(logsDir, name), 'utf8'))
      .join('');
    expect(leaks(onDisk)).toEqual([]);
    expect(linesOf(onDisk)).toHaveLength(expected);
    expect(onDisk).toContain(passageId);
  });

  it('writes to a rotating file under <data>/logs', async () => {
    const dataDir = tempDir();
    const file = await openLogFile(dataDir);
    const logger = createLogger(file);
    logger.info({ scope: 'test' }, 'hello');
    await closeLogFile(file);
    const logs = readdirSync(join(dataDir, 'logs'));
    expect(logs.length).toBe(1);
    expect(readFileSync(join(dataDir, 'logs', logs[0]!), 'utf8')).toContain('"msg":"hello"');
  });
});
