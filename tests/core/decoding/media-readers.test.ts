import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readWithFfmpeg } from '../../../electron/core/media/ffmpeg-reader';
import { readImage } from '../../../electron/core/media/image-reader';
import { MediaError } from '../../../electron/core/media/media-error';
import { readFrames } from '../../../electron/core/media/read-frames';
import { readY4m, readY4mFile } from '../../../electron/core/media/y4m-reader';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

/** A y4m stream of 4×2 frames whose Y bytes count up from `frame * 10`, chroma 0xEE. */
function y4m(header: string, frames: number, chromaBytes: number): Buffer {
  const parts = [Buffer.from(`${header}\n`)];
  for (let f = 0; f < frames; f++) {
    parts.push(Buffer.from('FRAME\n'), Buffer.from(Array.from({ length: 8 }, (_, i) => f * 10 + i)), Buffer.alloc(chromaBytes, 0xee));
  }
  return Buffer.concat(parts);
}

/** Feeds the bytes in small uneven chunks, as a pipe would. */
const chunked = (bytes: Buffer) => Readable.from(Array.from({ length: Math.ceil(bytes.length / 5) }, (_, i) => bytes.subarray(i * 5, i * 5 + 5)));

async function collect(video: Promise<{ frames: AsyncIterable<{ width: number; height: number; data: Uint8Array }> }>) {
  const frames = [];
  for await (const frame of (await video).frames) frames.push({ ...frame, data: [...frame.data] });
  return frames;
}

describe('y4m reader', () => {
  it.each([
    ['C420jpeg', 'YUV4MPEG2 W4 H2 F15:1 Ip A1:1 C420jpeg', 4],
    ['no colour space (4:2:0 by default)', 'YUV4MPEG2 W4 H2 F30000:1001', 4],
    ['C422', 'YUV4MPEG2 W4 H2 C422', 8],
    ['C444', 'YUV4MPEG2 W4 H2 C444', 16],
    ['Cmono', 'YUV4MPEG2 W4 H2 Cmono', 0],
  ])('takes the Y plane of each frame, frame by frame (%s)', async (_, header, chromaBytes) => {
    const frames = await collect(readY4m(chunked(y4m(header, 3, chromaBytes))));
    expect(frames).toEqual([0, 10, 20].map((base) => ({ width: 4, height: 2, data: Array.from({ length: 8 }, (_, i) => base + i) })));
  });

  it('reads the frame rate and size from the header', async () => {
    const video = await readY4m(chunked(y4m('YUV4MPEG2 W4 H2 F30000:1001 C420', 0, 0)));
    expect(video).toMatchObject({ width: 4, height: 2 });
    expect(video.fps).toBeCloseTo(29.97, 2);
    expect(await collect(Promise.resolve(video))).toEqual([]);
  });

  it.each([
    ['an empty file', '', /y4m: the stream is empty/],
    ['another format', 'RIFF WAVE\n', /not a YUV4MPEG2 stream/],
    ['no width', 'YUV4MPEG2 H2 C420\n', /bad frame size in the header: W\? H2/],
    ['a 10-bit colour space', 'YUV4MPEG2 W4 H2 C420p10\n', /colour space C420p10 is not supported/],
    ['a header with no end', `YUV4MPEG2 W4 H2 ${'X'.repeat(5000)}`, /bad header: a line is longer than 4096 bytes/],
  ])('refuses a corrupt header (%s) in one line', async (_, text, message) => {
    await expect(readY4m(chunked(Buffer.from(text)))).rejects.toThrow(message);
    await expect(readY4m(chunked(Buffer.from(text)))).rejects.toBeInstanceOf(MediaError);
  });

  it('says which frame is truncated, after yielding the whole ones', async () => {
    const bytes = y4m('YUV4MPEG2 W4 H2 C420jpeg', 3, 4);
    const cut = bytes.subarray(0, bytes.length - 5);
    const frames: number[] = [];
    const reading = (async () => {
      for await (const frame of (await readY4m(chunked(cut))).frames) frames.push(frame.data[0]!);
    })();
    await expect(reading).rejects.toThrow('y4m: frame 2 is truncated: 7 of 12 bytes');
    expect(frames).toEqual([0, 10]);
  });

  it('refuses a frame that does not start with FRAME', async () => {
    const bytes = Buffer.concat([y4m('YUV4MPEG2 W4 H2 Cmono', 1, 0), Buffer.from('FRAMX\n12345678')]);
    await expect(collect(readY4m(chunked(bytes)))).rejects.toThrow('y4m: frame 1 does not start with FRAME');
  });

  it('reads a file in a buffer per frame, and stops reading when the consumer stops', async () => {
    const file = join(tempDir(), 'clip.y4m');
    writeFileSync(file, y4m('YUV4MPEG2 W4 H2 C420jpeg', 5, 4));
    const video = await readY4mFile(file);
    const first = await video.frames.next();
    const second = await video.frames.next();
    expect(first.value?.data.buffer).not.toBe(second.value?.data.buffer);
    expect(first.value?.data.byteLength).toBe(first.value?.data.buffer.byteLength);
    await video.frames.return();
    expect(await video.frames.next()).toEqual({ done: true, value: undefined });
  });
});

describe('image reader', () => {
  it.each(['png', 'jpeg', 'webp'] as const)('reads a %s file as one grey frame', async (format) => {
    const file = join(tempDir(), `grey.${format}`);
    // Left half black, right half white, on RGB input.
    const rgb = Buffer.alloc(8 * 4 * 3);
    for (let i = 0; i < 32; i++) if (i % 8 >= 4) rgb.fill(255, i * 3, i * 3 + 3);
    await sharp(rgb, { raw: { width: 8, height: 4, channels: 3 } }).toFormat(format, { quality: 100 }).toFile(file);
    const frame = await readImage(file);
    expect(frame).toMatchObject({ width: 8, height: 4 });
    expect(frame.data).toHaveLength(32);
    expect(frame.data[0]).toBeLessThan(40);
    expect(frame.data[7]).toBeGreaterThan(215);
  });

  it('reads transparent pixels as white paper', async () => {
    const file = join(tempDir(), 'clear.png');
    await sharp(Buffer.alloc(4 * 4 * 4), { raw: { width: 4, height: 4, channels: 4 } }).png().toFile(file);
    expect([...(await readImage(file)).data]).toEqual(new Array(16).fill(255));
  });

  it('refuses a file that is not an image', async () => {
    const file = join(tempDir(), 'notes.png');
    writeFileSync(file, 'not an image');
    await expect(readImage(file)).rejects.toThrow(/^not a readable image: /);
  });
});

describe('ffmpeg reader', () => {
  it('reads other video formats through ffmpeg as grey frames', async () => {
    const dir = tempDir();
    const source = join(dir, 'clip.y4m');
    const frame = Buffer.concat([Buffer.from('FRAME\n'), Buffer.alloc(256, 90), Buffer.alloc(512, 128)]);
    writeFileSync(source, Buffer.concat([Buffer.from('YUV4MPEG2 W16 H16 F10:1 C444\n'), frame, frame, frame, frame]));
    const movie = join(dir, 'clip.mkv');
    const made = spawnSync('ffmpeg', ['-v', 'error', '-i', source, '-c:v', 'ffv1', movie]);
    expect(made.status, String(made.stderr)).toBe(0);
    const read = [];
    for await (const frame of readFrames(movie)) read.push(frame);
    expect(read).toHaveLength(4);
    expect(read[0]).toMatchObject({ width: 16, height: 16 });
    // ffmpeg stretches video range (16–235) to full grey: 90 becomes about 86.
    expect(read[0]!.data[0]).toBeGreaterThan(80);
    expect(read[0]!.data[0]).toBeLessThan(95);
  });

  it('passes on what ffmpeg says when it cannot read the input', async () => {
    const file = join(tempDir(), 'broken.mp4');
    writeFileSync(file, 'not a video');
    await expect(collect(readWithFfmpeg(file))).rejects.toThrow(/^ffmpeg cannot read it: .*Invalid data found/);
  });

  it('says so when ffmpeg is not installed', async () => {
    await expect(readWithFfmpeg('clip.mp4', { ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toThrow('/nonexistent/ffmpeg is not installed: it is needed to read this kind of file');
  });
});
