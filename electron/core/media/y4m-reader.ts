import { createReadStream } from 'node:fs';
import type { LuminanceFrame } from '../../../shared/decoding/types';
import { ByteReader } from './byte-reader';
import { takeFrameBuffer } from './frame-buffers';
import { MediaError } from './media-error';

export interface Video {
  width: number;
  height: number;
  /** Frames per second from the header, null when it does not say. */
  fps: number | null;
  /** The Y plane of each frame in turn, each in a buffer of its own (perhaps one given back); ending early closes the input. */
  frames: AsyncGenerator<LuminanceFrame, void, undefined>;
}

/** Bytes after the Y plane per colour space (8-bit only); the chroma planes are skipped. */
const chromaBytes: Record<string, (width: number, height: number) => number> = {
  '420jpeg': (w, h) => 2 * Math.ceil(w / 2) * Math.ceil(h / 2),
  '420paldv': (w, h) => 2 * Math.ceil(w / 2) * Math.ceil(h / 2),
  '420mpeg2': (w, h) => 2 * Math.ceil(w / 2) * Math.ceil(h / 2),
  '420': (w, h) => 2 * Math.ceil(w / 2) * Math.ceil(h / 2),
  '411': (w, h) => 2 * Math.ceil(w / 4) * h,
  '422': (w, h) => 2 * Math.ceil(w / 2) * h,
  '444': (w, h) => 2 * w * h,
  '444alpha': (w, h) => 3 * w * h,
  mono: () => 0,
};

const maxHeaderLength = 4096;

/** Reads a YUV4MPEG2 (.y4m) file frame by frame, never the whole file at once. */
export function readY4mFile(file: string): Promise<Video> {
  return readY4m(createReadStream(file, { highWaterMark: 1 << 20 }));
}

/** Parses the stream header now (so a bad one fails here), then yields frames as they are read. */
export async function readY4m(source: AsyncIterable<Uint8Array>): Promise<Video> {
  const reader = new ByteReader(source);
  let header: { width: number; height: number; fps: number | null; chroma: number };
  try {
    header = parseHeader(await readLine(reader, 'header'));
  } catch (error) {
    await reader.close();
    throw error;
  }
  return { width: header.width, height: header.height, fps: header.fps, frames: readFrames(reader, header) };
}

async function* readFrames(reader: ByteReader, header: { width: number; height: number; chroma: number }) {
  const { width, height, chroma } = header;
  try {
    for (let index = 0; ; index++) {
      const line = await readLine(reader, `frame ${index} header`);
      if (line === null) return;
      if (line !== 'FRAME' && !line.startsWith('FRAME ')) throw new MediaError(`y4m: frame ${index} does not start with FRAME`);
      const data = takeFrameBuffer(width * height);
      const got = (await reader.read(data)) + (await reader.read(chroma));
      if (got < data.length + chroma) {
        throw new MediaError(`y4m: frame ${index} is truncated: ${got} of ${data.length + chroma} bytes`);
      }
      yield { width, height, data };
    }
  } finally {
    await reader.close();
  }
}

async function readLine(reader: ByteReader, what: string): Promise<string | null> {
  try {
    return await reader.readLine(maxHeaderLength);
  } catch (error) {
    if (error instanceof RangeError) throw new MediaError(`y4m: bad ${what}: ${error.message}`);
    throw error;
  }
}

function parseHeader(line: string | null): { width: number; height: number; fps: number | null; chroma: number } {
  if (line === null) throw new MediaError('y4m: the stream is empty');
  const [magic, ...tags] = line.split(' ').filter(Boolean);
  if (magic !== 'YUV4MPEG2') throw new MediaError('y4m: not a YUV4MPEG2 stream (bad signature)');
  const tag = (letter: string) => tags.find((t) => t.startsWith(letter))?.slice(1);
  const width = Number(tag('W'));
  const height = Number(tag('H'));
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0 || width * height > 64e6) {
    throw new MediaError(`y4m: bad frame size in the header: W${tag('W') ?? '?'} H${tag('H') ?? '?'}`);
  }
  const colourSpace = tag('C') ?? '420jpeg';
  const chroma = chromaBytes[colourSpace];
  if (!chroma) throw new MediaError(`y4m: colour space C${colourSpace} is not supported (8-bit 4:2:0, 4:1:1, 4:2:2, 4:4:4 and mono are)`);
  const [numerator, denominator] = (tag('F') ?? '').split(':').map(Number);
  const fps = numerator && denominator ? numerator / denominator : null;
  return { width, height, fps, chroma: chroma(width, height) };
}
