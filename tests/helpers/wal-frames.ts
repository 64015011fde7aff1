import { readFileSync } from 'node:fs';

export interface WalFrame {
  /** Byte offset of the frame (its 24-byte header, then the page). */
  offset: number;
  /** The last frame of a transaction: SQLite replays up to the last commit frame before a bad one. */
  commit: boolean;
}

const walHeaderBytes = 32;
const frameHeaderBytes = 24;

/**
 * The frames of the WAL's current generation (their salts match the header's: frames left from
 * before the WAL was last restarted do not), in order. The WAL's headers are not encrypted.
 */
export function currentWalFrames(walPath: string, pageSize = 4096): WalFrame[] {
  const wal = readFileSync(walPath);
  if (wal.length < walHeaderBytes) return [];
  const salts = [wal.readUInt32BE(16), wal.readUInt32BE(20)];
  const frames: WalFrame[] = [];
  for (let offset = walHeaderBytes; offset + frameHeaderBytes + pageSize <= wal.length; offset += frameHeaderBytes + pageSize) {
    if (wal.readUInt32BE(offset + 8) !== salts[0] || wal.readUInt32BE(offset + 12) !== salts[1]) break;
    frames.push({ offset, commit: wal.readUInt32BE(offset + 4) !== 0 });
  }
  return frames;
}
