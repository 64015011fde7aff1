import { gzipSync } from 'node:zlib';

export interface ArchiveEntry {
  /** A relative path with `/` separators, under 100 bytes (ustar's name field). */
  name: string;
  content: Buffer | string;
}

const blockSize = 512;

/**
 * A .tar.gz of a few small in-memory files. The archivers in node_modules arrive only as
 * dependencies of other packages (not ours to rely on), and ustar plus node's zlib is a page of
 * code that any tar, 7-Zip or Windows' own `tar` opens.
 */
export function createTarGz(entries: readonly ArchiveEntry[], modifiedAt: Date): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const content = typeof entry.content === 'string' ? Buffer.from(entry.content, 'utf8') : entry.content;
    blocks.push(ustarHeader(entry.name, content.length, modifiedAt), content, Buffer.alloc(padding(content.length)));
  }
  // Two zero blocks end the archive.
  blocks.push(Buffer.alloc(2 * blockSize));
  return gzipSync(Buffer.concat(blocks));
}

function ustarHeader(name: string, size: number, modifiedAt: Date): Buffer {
  if (Buffer.byteLength(name) > 100 || name.startsWith('/') || name.split('/').includes('..')) {
    throw new Error(`not a safe archive member name: ${name}`);
  }
  const header = Buffer.alloc(blockSize);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 0o644, 100, 8);
  writeOctal(header, 0, 108, 8); // uid
  writeOctal(header, 0, 116, 8); // gid
  writeOctal(header, size, 124, 12);
  writeOctal(header, Math.floor(modifiedAt.getTime() / 1000), 136, 12);
  header.write('        ', 148, 8, 'ascii'); // checksum counted as spaces
  header.write('0', 156, 1, 'ascii'); // a regular file
  header.write('ustar\u000000', 257, 8, 'binary');
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${checksum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'ascii');
  return header;
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\u0000`, offset, length, 'ascii');
}

function padding(size: number): number {
  return (blockSize - (size % blockSize)) % blockSize;
}
