import { extname } from 'node:path';
import type { LuminanceFrame } from '../../../shared/decoding/types';
import { readWithFfmpeg } from './ffmpeg-reader';
import { imageExtensions, readImage } from './image-reader';
import { readY4mFile } from './y4m-reader';

/** The grey frames of an image (one) or a video file: y4m natively, anything else through ffmpeg. */
export async function* readFrames(file: string): AsyncGenerator<LuminanceFrame, void, undefined> {
  const extension = extname(file).toLowerCase();
  if (imageExtensions.has(extension)) {
    yield await readImage(file);
    return;
  }
  const video = extension === '.y4m' ? await readY4mFile(file) : await readWithFfmpeg(file);
  yield* video.frames;
}
