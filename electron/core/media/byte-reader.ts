/**
 * Reads a byte stream (a file, a child's stdout) in pieces of our choosing: a header line, then
 * exactly N bytes, without holding more than a chunk or two in memory.
 */
export class ByteReader {
  private readonly chunks: Uint8Array[] = [];
  /** How much of chunks[0] is already consumed. */
  private head = 0;
  private ended = false;
  private readonly iterator: AsyncIterator<Uint8Array>;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  /** The bytes before the next `\n` as Latin-1 text; null at the end of the input; longer than maxLength throws. */
  async readLine(maxLength: number): Promise<string | null> {
    const bytes: number[] = [];
    for (;;) {
      const chunk = await this.current();
      if (!chunk) {
        if (bytes.length === 0) return null;
        throw new RangeError('the input ends inside a line');
      }
      const newline = chunk.indexOf(0x0a, this.head);
      const end = newline === -1 ? chunk.length : newline;
      if (bytes.length + end - this.head > maxLength) throw new RangeError(`a line is longer than ${maxLength} bytes`);
      for (let i = this.head; i < end; i++) bytes.push(chunk[i]!);
      this.consume(chunk, newline === -1 ? chunk.length : newline + 1);
      if (newline !== -1) return String.fromCharCode(...bytes);
    }
  }

  /** Fills `target` (or skips `target` bytes when it is a number); returns how many bytes there were. */
  async read(target: Uint8Array | number): Promise<number> {
    const wanted = typeof target === 'number' ? target : target.length;
    let done = 0;
    while (done < wanted) {
      const chunk = await this.current();
      if (!chunk) break;
      const take = Math.min(wanted - done, chunk.length - this.head);
      if (typeof target !== 'number') target.set(chunk.subarray(this.head, this.head + take), done);
      done += take;
      this.consume(chunk, this.head + take);
    }
    return done;
  }

  /** Stops reading: the source is told to close (a file handle, a child's pipe). */
  async close(): Promise<void> {
    this.chunks.length = 0;
    await this.iterator.return?.();
  }

  private async current(): Promise<Uint8Array | null> {
    while (this.chunks.length === 0 && !this.ended) {
      const next = await this.iterator.next();
      if (next.done) this.ended = true;
      else if (next.value.length > 0) this.chunks.push(next.value);
    }
    return this.chunks[0] ?? null;
  }

  private consume(chunk: Uint8Array, upTo: number): void {
    if (upTo < chunk.length) {
      this.head = upTo;
    } else {
      this.chunks.shift();
      this.head = 0;
    }
  }
}
