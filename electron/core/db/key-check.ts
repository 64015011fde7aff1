import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFileDurably } from './data-folder';
import type { DatabaseKey } from './database-key';

/**
 * Beside the database, an HMAC of a constant under its key. A wrong key and a damaged first page
 * both make SQLCipher answer "not a database"; this says which: the key matches its check value or
 * not. It reveals nothing of the key (HMAC-SHA-256 of a constant under a random 256-bit key).
 */
const keyCheckSuffix = '.key-check';
const keyCheckConstant = 'checkpoint-station database key check v1';

export type KeyCheck = 'matches' | 'differs' | 'absent';

function keyCheckOf(key: DatabaseKey): Buffer {
  return createHmac('sha256', Buffer.from(key, 'hex')).update(keyCheckConstant).digest();
}

/** 'absent' also for a file that holds no check value: then nothing can be told (a database from before the check). */
export function compareKeyCheck(databasePath: string, key: DatabaseKey): KeyCheck {
  let stored: Buffer;
  try {
    stored = Buffer.from(readFileSync(databasePath + keyCheckSuffix, 'utf8').trim(), 'hex');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  const expected = keyCheckOf(key);
  if (stored.length !== expected.length) return 'absent';
  return timingSafeEqual(stored, expected) ? 'matches' : 'differs';
}

/** Records that `key` opens the database (once: rewritten only when it does not match already). */
export function recordKeyCheck(databasePath: string, key: DatabaseKey): void {
  if (compareKeyCheck(databasePath, key) === 'matches') return;
  writeFileDurably(databasePath + keyCheckSuffix, `${keyCheckOf(key).toString('hex')}\n`);
}
