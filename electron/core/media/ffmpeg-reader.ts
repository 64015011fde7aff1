import { spawn } from 'node:child_process';
import { withoutUrlCredentials } from '../../../shared/privacy/url-credentials';
import { MediaError } from './media-error';
import { readY4m, type Video } from './y4m-reader';

export interface FfmpegOptions {
  /** The ffmpeg binary; default `ffmpeg` on the PATH (Debian's /usr/bin/ffmpeg on our machines). */
  ffmpegPath?: string;
  /** Options placed before `-i`, e.g. `['-rtsp_transport', 'tcp']` or `['-f', 'v4l2']`. */
  inputOptions?: string[];
  /** Kills ffmpeg (a lane's watchdog giving up on a silent camera); the frames then just end. */
  signal?: AbortSignal;
  /** ffmpeg has opened the input and knows its streams (a camera answered), before any picture. */
  onConnected?: () => void;
}

/** `[tcp @ 0x55…] [error] Connection to tcp://… failed` → the level and the message. */
const logLine = /^(?:\[[^\]]* @ 0x[0-9a-f]+\] )?\[(\w+)\] (.*)$/;

/**
 * Any input ffmpeg can open (a video file, rtsp://, an MJPEG URL, /dev/videoN) as grey frames:
 * ffmpeg converts to a y4m stream of the Y plane only (`-pix_fmt gray`), which we parse natively.
 */
export async function readWithFfmpeg(input: string, options: FfmpegOptions = {}): Promise<Video> {
  const ffmpeg = options.ffmpegPath ?? 'ffmpeg';
  const child = spawn(
    ffmpeg,
    // Info level (each line tagged with its level) to see the input opened; only errors are kept.
    ['-hide_banner', '-nostats', '-loglevel', 'level+info', '-nostdin', ...(options.inputOptions ?? []), '-i', input, '-an', '-f', 'yuv4mpegpipe', '-pix_fmt', 'gray', '-'],
    { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal },
  );
  let lastError = '';
  let partial = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    const lines = (partial + text).split('\n');
    partial = (lines.pop() ?? '').slice(-2000);
    for (const line of lines) {
      const [, level, message = ''] = logLine.exec(line.trimEnd()) ?? [];
      if (level === 'info' && message.startsWith('Input #0')) options.onConnected?.();
      if (level === 'error' || level === 'fatal') lastError = withoutUrlCredentials(message).slice(0, 300);
    }
  });
  const exited = new Promise<MediaError | null>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') return resolve(null);
      resolve(new MediaError(error.code === 'ENOENT' ? `${ffmpeg} is not installed: it is needed to read this kind of file` : `cannot start ${ffmpeg}: ${error.message}`));
    });
    child.once('close', (code, signal) => {
      resolve(code === 0 || signal === 'SIGTERM' ? null : new MediaError(`ffmpeg cannot read it: ${lastError || `exit code ${code ?? signal}`}`));
    });
  });
  // When ffmpeg fails, its own message says more than "the y4m stream is empty/truncated".
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const explain = async (error: unknown) => {
    stop();
    return (await exited) ?? error;
  };

  let video: Video;
  try {
    video = await readY4m(child.stdout);
  } catch (error) {
    throw await explain(error);
  }
  async function* frames() {
    let complete = false;
    try {
      yield* video.frames;
      complete = true;
    } catch (error) {
      throw await explain(error);
    } finally {
      // The consumer stopped early: ffmpeg must not keep reading a camera for nobody.
      if (!complete) stop();
    }
    const failure = await exited;
    if (failure) throw failure;
  }
  return { ...video, frames: frames() };
}
