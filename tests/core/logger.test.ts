import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, openLogFile } from '../../electron/core/logging/logger';
import { createMemoryLogger } from '../helpers/memory-logger';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const payload = '079203012345|272727272|Trần Thị Bích Ngọc|15062003|Nữ|12 Lê Lợi, Bến Nghé, Quận 1, TP Hồ Chí Minh|01072021';

describe('logger', () => {
  it('writes scoped JSON lines', () => {
    const { logger, lines } = createMemoryLogger();
    logger.child({ scope: 'sync' }).info({ batch: 3 }, 'uploaded');
    expect(lines()[0]).toMatchObject({ scope: 'sync', batch: 3, msg: 'uploaded', level: 30 });
  });

  it('never lets an ID number, a name or a raw payload reach a log line', () => {
    const { logger, text } = createMemoryLogger();
    const log = logger.child({ scope: 'pipeline' });
    log.info({ payload, fullName: 'Trần Thị Bích Ngọc', idNumber: '079203012345' }, 'decoded');
    log.warn(`could not classify ${payload}`);
    log.error({ err: new Error(`bad code ${payload}`) }, 'classify failed');
    log.info({ citizen: { name: 'lane name is fine', note: 'ID 079203012345 at gate' } }, 'nested');
    const written = text();
    for (const secret of ['079203012345', '272727272', 'Trần Thị Bích Ngọc', 'Lê Lợi']) expect(written).not.toContain(secret);
    expect(written).toContain('classify failed');
  });

  it('writes to a rotating file under <data>/logs', async () => {
    const dataDir = tempDir();
    const file = await openLogFile(dataDir);
    const logger = createLogger(file);
    logger.info({ scope: 'test' }, 'hello');
    logger.flush();
    await new Promise<void>((resolve) => {
      file.end();
      setTimeout(resolve, 50);
    });
    const logs = readdirSync(join(dataDir, 'logs'));
    expect(logs.length).toBe(1);
    expect(readFileSync(join(dataDir, 'logs', logs[0]!), 'utf8')).toContain('"msg":"hello"');
  });
});
