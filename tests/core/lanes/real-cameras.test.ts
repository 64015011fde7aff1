// Lanes against real camera servers on 127.0.0.1: GStreamer's RTSP server and ffmpeg's HTTP MJPEG
// server, playing generated videos in real time. Each records exactly the codes its video shows.

import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDecoderEngine } from '../../../electron/core/decoding/create-engine';
import { startLaneRunner, type FoundCode, type LaneRunner } from '../../../electron/core/lanes/lane-runner';
import { sourceForUri } from '../../../electron/core/lanes/sources/open-source';
import { freePort, makeCameraVideo, startMjpegServer, startRtspServer, startSilentCamera } from '../../helpers/camera-servers';
import { stationBin } from '../../helpers/station-cli';
import { useTempDirs } from '../../helpers/temp-dir';
import { dccLikePayload } from '../../../bench/lib/camera-frames';
import { createRandom } from '../../../shared/random/prng';

const tempDir = useTempDirs();
const running: { stop(): Promise<void> | void }[] = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.stop();
});
const keep = <T extends { kill(): Promise<void> }>(server: T): T => (running.push({ stop: () => server.kill() }), server);

const texts = (count: number, seed: string) => Array.from({ length: count }, (_, index) => `${seed}-CAMERA-CODE-${index + 1}-${'X'.repeat(20)}`);

/** `station run` on one source, its printed passages as they come. */
function stationRun(dataDir: string, args: string[]) {
  const child: ChildProcess = spawn(process.execPath, [stationBin, 'run', '--data', dataDir, '--show-payload', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const passages: { text: string; frame: number }[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.on('data', (chunk) => {
    const lines = (buffered + String(chunk)).split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) passages.push(JSON.parse(line) as { text: string; frame: number });
  });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const stop = () => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : (child.once('exit', () => resolve()), child.kill('SIGTERM'))));
  running.push({ stop });
  return { passages, stderr: () => stderr, stop };
}

const until = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
};
const secondsOf = (frames: number, fps: number) => frames / fps;

describe('lanes on real camera servers', () => {
  it('an HTTP MJPEG lane (ffmpeg’s server) records exactly the codes of its video, in order, the first one too', { timeout: 90_000 }, async () => {
    const folder = tempDir();
    const video = await makeCameraVideo(folder, texts(4, 'MJPEG'));
    const port = await freePort();
    // The lane starts first and waits for its camera, as at a checkpoint after a power cut.
    const run = stationRun(join(folder, 'data'), ['--source', `http://127.0.0.1:${port}/camera.mjpg`]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const server = keep(startMjpegServer(video.y4m, port));
    await until(() => server.child.exitCode !== null, 60_000);
    await until(() => run.passages.length >= 4, 3000);
    await run.stop();
    expect(run.passages.map((passage) => passage.text)).toEqual(video.manifest.codes.map((code) => code.text));
  });

  it('an RTSP lane (GStreamer’s server, over TCP) records exactly the codes of its H.264 video, in order, a dense vaccine-passport-sized one too', { timeout: 90_000 }, async () => {
    const folder = tempDir();
    const video = await makeCameraVideo(folder, [...texts(3, 'RTSP'), dccLikePayload(createRandom(5772))]);
    const server = keep(await startRtspServer(video.mp4));
    const run = stationRun(join(folder, 'data'), ['--source', server.url]);
    const seconds = secondsOf(video.manifest.frameCount, video.manifest.fps);
    await until(() => run.passages.length >= 4, (seconds + 15) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await run.stop();
    expect(run.passages.map((passage) => passage.text)).toEqual(video.manifest.codes.map((code) => code.text));
  });

  it('an RTSP lane over UDP, when its configuration says so, reads the same', { timeout: 90_000 }, async () => {
    const folder = tempDir();
    const video = await makeCameraVideo(folder, texts(2, 'UDP'));
    const server = keep(await startRtspServer(video.mp4));
    const config = join(folder, 'config.json');
    writeFileSync(config, JSON.stringify({ lanes: [{ id: 'gate', name: 'Cổng', source: server.url, rtspTransport: 'udp' }] }));
    const run = stationRun(join(folder, 'data'), ['--config', config]);
    await until(() => run.passages.length >= 2, (secondsOf(video.manifest.frameCount, video.manifest.fps) + 15) * 1000);
    await run.stop();
    expect(run.passages.map((passage) => passage.text)).toEqual(video.manifest.codes.map((code) => code.text));
  });

  it('an MJPEG camera whose server is killed mid-stream and comes back: every code once, in order', { timeout: 120_000 }, async () => {
    const folder = tempDir();
    const video = await makeCameraVideo(folder, texts(4, 'RESTART'));
    const port = await freePort();
    const run = stationRun(join(folder, 'data'), ['--source', `http://127.0.0.1:${port}/camera.mjpg`]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const first = keep(startMjpegServer(video.y4m, port));
    await until(() => run.passages.length >= 2, 60_000);
    await first.kill();
    // The camera's server back, from where the second code ended.
    const second = keep(startMjpegServer(video.y4m, port, { fromSeconds: secondsOf(video.manifest.codes[1]!.lastFrame + 1, video.manifest.fps) }));
    await until(() => second.child.exitCode !== null, 60_000);
    await until(() => run.passages.length >= 4, 3000);
    await run.stop();
    expect(run.passages.map((passage) => passage.text)).toEqual(video.manifest.codes.map((code) => code.text));
  });

  it('a camera with an 8 s keyframe interval, joined mid-stream, waits for its first picture instead of restarting', { timeout: 120_000 }, async () => {
    const folder = tempDir();
    const video = await makeCameraVideo(folder, texts(10, 'GOP'), { keyframeSeconds: 8 });
    const server = keep(await startRtspServer(video.mp4, { shared: true }));
    // Another viewer started the stream: the lane joins 3 s in, 5 s before the next keyframe.
    const viewer = spawn('ffmpeg', ['-loglevel', 'error', '-nostdin', '-rtsp_transport', 'tcp', '-i', server.url, '-f', 'null', '-'], { stdio: 'ignore' });
    running.push({ stop: () => void viewer.kill('SIGKILL') });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const joinedAt = Date.now();
    const codes: FoundCode[] = [];
    const phases = new Set<string>();
    // The runner reports its first change while it is being made.
    const lane: { runner?: LaneRunner } = {};
    const runner = startLaneRunner({
      source: sourceForUri(server.url)!,
      startDecoder: () => createDecoderEngine('zxing-wasm'),
      onCode: (code) => codes.push(code),
      onChange: () => phases.add(String(lane.runner?.status().phase)),
    });
    lane.runner = runner;
    running.push({ stop: () => runner.stop() });
    // Until it streams (its first picture can take until the next keyframe), then until the codes after that keyframe are read.
    await until(() => runner.status().phase === 'streaming', 25_000);
    const atFirstPicture = runner.status();
    const shownAfterKeyframe = video.manifest.codes.filter((code) => secondsOf(code.firstFrame, video.manifest.fps) > 8.5).map((code) => code.text);
    expect(shownAfterKeyframe.length).toBeGreaterThan(1);
    await until(() => shownAfterKeyframe.every((text) => codes.some((code) => code.text === text)), 20_000);
    expect(atFirstPicture, `first picture ${Date.now() - joinedAt} ms after joining`).toMatchObject({ phase: 'streaming', restarts: 0, lastError: null });
    expect([...phases]).toEqual(expect.arrayContaining(['waiting-for-picture', 'streaming']));
    expect([...new Set(codes.map((code) => code.text))]).toEqual(expect.arrayContaining(shownAfterKeyframe));
  });

  it('a camera that never sends a picture: a clear error, retries that slow down, no restart storm, no password shown or logged', { timeout: 60_000 }, async () => {
    const camera = await startSilentCamera();
    running.push({ stop: () => camera.close() });
    const url = camera.url.replace('rtsp://', 'rtsp://admin:s3cret-camera-pass@');
    const runner = startLaneRunner({
      source: sourceForUri(url)!,
      startDecoder: () => createDecoderEngine('zxing-wasm'),
      onCode() {},
      onChange() {},
      timeouts: { connectMs: 1500 },
      backoff: { baseMs: 500, capMs: 4000 },
    });
    running.push({ stop: () => runner.stop() });
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    const status = runner.status();
    expect(status.lastError).toBe('the camera did not answer within 1.5 s');
    // 1.5 s to answer, then 0.5 → 1 → 2 → 4 s between attempts (full jitter: at most that): no more than 6 calls in 12 s.
    expect(camera.connections()).toBeGreaterThanOrEqual(3);
    expect(camera.connections()).toBeLessThanOrEqual(6);
    expect(JSON.stringify(status)).not.toContain('s3cret');

    // The whole station on it: nothing of the password in its status, its log files or its output.
    const folder = tempDir();
    const config = join(folder, 'config.json');
    writeFileSync(config, JSON.stringify({ lanes: [{ id: 'gate', name: 'Cổng', source: url, timeouts: { connectMs: 1000 } }] }));
    const run = stationRun(join(folder, 'data'), ['--config', config]);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await run.stop();
    const logs = readdirSync(join(folder, 'data', 'logs')).map((file) => readFileSync(join(folder, 'data', 'logs', file), 'utf8')).join('');
    expect(logs).toContain('lane source restarting');
    expect(logs + run.stderr()).not.toContain('s3cret');
  });
});

