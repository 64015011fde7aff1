import { closeSync, constants, existsSync, fdatasyncSync, openSync, readSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { syncFolder } from './data-folder';

/**
 * The highest passage sequence ever acknowledged, kept in a small file outside the database and
 * its WAL. SQLite silently drops every WAL frame after a damaged one, so the database alone cannot
 * tell that acknowledged passages are gone; this file can.
 *
 * One fixed-width record (20 digits and a newline) rewritten in place: a write that small never
 * straddles a disk sector, so it is never torn, and fdatasync makes it durable before the passage
 * is acknowledged.
 */
export interface HighWater {
  /** The last sequence noted; null when nothing was ever noted (or the file holds no record). */
  read(): number | null;
  /** Durably raises the mark; a lower or equal sequence leaves it as it is. */
  note(sequence: number): void;
  close(): void;
}

const recordLength = 21;

export function openHighWater(path: string): HighWater {
  const created = !existsSync(path);
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o600);
  if (created) syncFolder(dirname(path));
  let current = readRecord(fd);
  return {
    read: () => current,
    note(sequence) {
      if (current !== null && sequence <= current) return;
      writeSync(fd, `${String(sequence).padStart(recordLength - 1, '0')}\n`, 0);
      fdatasyncSync(fd);
      current = sequence;
    },
    close: () => closeSync(fd),
  };
}

function readRecord(fd: number): number | null {
  const bytes = Buffer.alloc(recordLength);
  const length = readSync(fd, bytes, 0, recordLength, 0);
  const text = bytes.toString('latin1', 0, length);
  return /^\d{20}\n$/.test(text) ? Number(text.trim()) : null;
}
