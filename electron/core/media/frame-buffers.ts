/**
 * Frame buffers used again instead of allocated anew. Eight 1080p lanes at 15 fps take 120 fresh
 * 2 MB buffers a second: with a decoder that does nothing, the lanes bench spent 30 % of the two
 * cores on them (allocation, garbage collection), 4 % copying into reused ones (bench/results/lanes.md).
 * A buffer is given back only by whoever holds the last reference to it: the decoder worker's
 * reply (the frame it was handed), the hand-off slot (a dropped frame).
 */
const kept = new Map<number, Uint8Array[]>();
let keptBytes = 0;
/** Enough for 8 lanes × 3 frames in flight at 1080p; past it a buffer is left to the collector. */
const maxKeptBytes = 64 * 2 ** 20;

/** A buffer of `size` bytes, one given back if there is one; its old content is to be overwritten. */
export function takeFrameBuffer(size: number): Uint8Array {
  const buffer = kept.get(size)?.pop();
  if (!buffer) return new Uint8Array(size);
  keptBytes -= size;
  return buffer;
}

/** Keeps a whole, unshared buffer for the next frame of its size; a view or a detached buffer is ignored. */
export function giveBackFrameBuffer(buffer: Uint8Array): void {
  const size = buffer.byteLength;
  if (size === 0 || buffer.byteOffset !== 0 || size !== buffer.buffer.byteLength || !(buffer.buffer instanceof ArrayBuffer)) return;
  if (keptBytes + size > maxKeptBytes) return;
  const list = kept.get(size) ?? [];
  kept.set(size, list);
  list.push(buffer);
  keptBytes += size;
}
