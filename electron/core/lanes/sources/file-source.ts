import { extname } from 'node:path';
import { readWithFfmpeg } from '../../media/ffmpeg-reader';
import { readY4mFile, type Video } from '../../media/y4m-reader';
import type { LaneSource, SourceItem } from './source';

/** Used when a video does not say its frame rate. */
const fallbackFps = 15;

/**
 * A video file (y4m natively, anything else through ffmpeg) replayed as a camera would have seen
 * it: each frame's capture time is the replay's start plus its place in the video, so dedupe
 * windows mean the same in a replay as they did live, however fast the replay runs.
 */
export function fileSource(path: string, now: () => number = Date.now): LaneSource {
  return {
    kind: 'file',
    async open(signal) {
      const video = extname(path).toLowerCase() === '.y4m' ? await readY4mFile(path) : await readWithFfmpeg(path, { signal });
      const items = timed(video, now());
      return { items, close: async () => void (await items.return(undefined)) };
    },
  };
}

async function* timed(video: Video, startedAt: number): AsyncGenerator<SourceItem, void> {
  const frameMs = 1000 / (video.fps ?? fallbackFps);
  let index = 0;
  for await (const frame of video.frames) yield { kind: 'frame', frame, capturedAt: startedAt + index++ * frameMs };
}
