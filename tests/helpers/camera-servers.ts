// Real camera servers on 127.0.0.1 for the lane tests: GStreamer's RTSP server (tests/helpers/rtsp-server.py)
// and ffmpeg's HTTP MJPEG server (`-f mpjpeg -listen 1`), playing videos made by scripts/make-test-video.ts.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { writeTestVideo, type TestVideoManifest } from '../../scripts/make-test-video';

export interface CameraVideo {
  y4m: string;
  mp4: string;
  manifest: TestVideoManifest;
}

/** A video of `texts` as a y4m file and as H.264 in MP4 with a keyframe every `keyframeSeconds`. */
export async function makeCameraVideo(folder: string, texts: string[], options: { fps?: number; keyframeSeconds?: number; name?: string } = {}): Promise<CameraVideo> {
  const fps = options.fps ?? 10;
  const name = options.name ?? 'camera';
  const y4m = join(folder, `${name}.y4m`);
  const mp4 = join(folder, `${name}.mp4`);
  const manifest = await writeTestVideo({ path: y4m, texts, seed: texts.length, width: 960, height: 540, fps, moduleSize: 4, tailFrames: 2 * fps });
  const gop = String(Math.round((options.keyframeSeconds ?? 1) * fps));
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', y4m, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-pix_fmt', 'yuv420p', mp4]);
  return { y4m, mp4, manifest };
}

/** A port free right now on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  /** SIGKILL: a camera's server dying, not shutting down. */
  kill(): Promise<void>;
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** GStreamer's RTSP server playing `mp4` at rtsp://127.0.0.1:PORT/camera; `shared`: one stream that late clients join mid-way. */
export async function startRtspServer(mp4: string, options: { shared?: boolean; port?: number } = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const child = spawn('/usr/bin/python3', [join(import.meta.dirname, 'rtsp-server.py'), '--port', String(port), '--file', mp4, ...(options.shared ? ['--shared'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`rtsp-server.py exited with ${code}: ${stderr}`)));
  });
  return { url: `rtsp://127.0.0.1:${port}/camera`, child, kill: async () => void (child.kill('SIGKILL'), await stopped(child)) };
}

/** ffmpeg serving `y4m` (from `fromSeconds`) as multipart JPEG to the first client of http://127.0.0.1:PORT/camera.mjpg, in real time. */
export function startMjpegServer(y4m: string, port: number, options: { fromSeconds?: number } = {}): RunningServer {
  const child = spawn('ffmpeg', ['-loglevel', 'error', '-nostdin', '-re', ...(options.fromSeconds ? ['-ss', String(options.fromSeconds)] : []), '-i', y4m, '-c:v', 'mjpeg', '-q:v', '3', '-f', 'mpjpeg', '-listen', '1', `http://127.0.0.1:${port}/camera.mjpg`], { stdio: 'ignore' });
  return { url: `http://127.0.0.1:${port}/camera.mjpg`, child, kill: async () => void (child.kill('SIGKILL'), await stopped(child)) };
}

/** A "camera" that accepts connections and never says a word: counts how often it is called. */
export async function startSilentCamera(): Promise<{ url: string; connections: () => number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `rtsp://127.0.0.1:${port}/camera`,
    connections: () => connections,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
