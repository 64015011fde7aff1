import type { LuminanceFrame } from '../../../../shared/decoding/types';
import { readWithFfmpeg } from '../../media/ffmpeg-reader';
import type { LaneSource, SourceItem } from './source';

/**
 * A live camera read by an ffmpeg child as raw grey frames: `rtsp://` (TCP unless the lane says
 * UDP), `http(s)://` MJPEG, or a local `v4l2:` device. The capture time is when the frame reached
 * us; ffmpeg adds at most a frame or two of latency.
 */
export function ffmpegCameraSource(input: string, inputOptions: string[], ffmpegPath?: string): LaneSource {
  return {
    kind: 'camera',
    async open(signal, progress) {
      const video = await readWithFfmpeg(input, { inputOptions, ffmpegPath, signal, onConnected: () => progress?.connected() });
      const items = stamped(video.frames);
      return { items, close: async () => void (await items.return(undefined)) };
    },
  };
}

async function* stamped(frames: AsyncIterable<LuminanceFrame>): AsyncGenerator<SourceItem, void> {
  for await (const frame of frames) yield { kind: 'frame', frame, capturedAt: Date.now() };
}
