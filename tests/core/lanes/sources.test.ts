import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { startLaneRunner } from '../../../electron/core/lanes/lane-runner';
import { ffmpegCameraSource } from '../../../electron/core/lanes/sources/ffmpeg-source';
import { sourceForUri } from '../../../electron/core/lanes/sources/open-source';
import { openWithSerialport, scannedLines, serialScannerSource, type SerialPortStream } from '../../../electron/core/lanes/sources/serial-source';
import type { SourceItem } from '../../../electron/core/lanes/sources/source';
import { fakeDecoder } from './fake-lanes';

const ffmpegChildren = () =>
  execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('ffmpeg'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));

async function collect(items: AsyncIterable<SourceItem>): Promise<string[]> {
  const texts: string[] = [];
  for await (const item of items) if (item.kind === 'code') texts.push(item.text);
  return texts;
}

/** A serial port fed by the test: what the scanner sends, then an unplug (end or error). */
function fakePort(chunks: (string | Uint8Array)[], end: 'close' | Error = 'close') {
  const port = { closed: false };
  const stream: SerialPortStream = {
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      if (end instanceof Error) throw end;
    },
    close: async () => void (port.closed = true),
  };
  return Object.assign(port, { stream });
}

describe('lane sources', () => {
  it('maps every lane URI to its adapter; webcam and keyboard lanes belong to the app window', () => {
    expect(sourceForUri('webcam:default')).toBeNull();
    expect(sourceForUri('keyboard:')).toBeNull();
    expect(sourceForUri('file:/videos/lane.y4m')?.kind).toBe('file');
    expect(sourceForUri('file:///videos/lane.y4m')?.kind).toBe('file');
    expect(sourceForUri('rtsp://127.0.0.1:9/stream1')?.kind).toBe('camera');
    expect(sourceForUri('http://127.0.0.1:9/mjpeg')?.kind).toBe('camera');
    expect(sourceForUri('v4l2:/dev/video0')?.kind).toBe('camera');
    expect(sourceForUri('serial:/dev/ttyACM0?baud=115200')?.kind).toBe('scanner');
    expect(() => sourceForUri('ftp://x')).toThrow('unsupported lane source: ftp:');
  });

  it('an ffmpeg camera whose child is killed is restarted by the watchdog, and the status says so', async () => {
    // ffmpeg's own test pattern at 15 fps in real time stands in for an RTSP camera.
    const camera = ffmpegCameraSource('testsrc2=size=320x240:rate=15', ['-re', '-f', 'lavfi']);
    const runner = startLaneRunner({ source: camera, startDecoder: async () => fakeDecoder(), onCode() {}, onChange() {}, backoff: { baseMs: 50, capMs: 200 } });
    try {
      await vi.waitFor(() => expect(runner.status()).toMatchObject({ state: 'running', fpsIn: expect.any(Number) }), { timeout: 10_000 });
      await vi.waitFor(() => expect(ffmpegChildren()).toHaveLength(1));
      const [first] = ffmpegChildren();
      process.kill(first!, 'SIGKILL');
      await vi.waitFor(() => expect(runner.status()).toMatchObject({ restarts: 1, lastError: expect.stringMatching(/ffmpeg/) }), { timeout: 10_000 });
      await vi.waitFor(() => expect(runner.status().state).toBe('running'), { timeout: 10_000 });
      await vi.waitFor(() => expect(runner.status().fpsIn).toBeGreaterThan(5), { timeout: 10_000 });
      expect(ffmpegChildren()).not.toContain(first);
    } finally {
      await runner.stop();
    }
    // Stopping the lane leaves no ffmpeg behind.
    await vi.waitFor(() => expect(ffmpegChildren()).toEqual([]));
  });

  it('a serial scanner payload ends at CR/LF, even split across reads and inside a UTF-8 character', async () => {
    const name = new TextEncoder().encode('Đinh Thị Huyền');
    const payload = ['001158024485|110419092|', name.slice(0, 1), name.slice(1, 9), name.slice(9), '|08101958\r', '\n', 'second\r\nthird\n', 'incomplete'];
    expect(await collect(scannedLines(fakePort(payload).stream))).toEqual(['001158024485|110419092|Đinh Thị Huyền|08101958', 'second', 'third']);
  });

  it('an unplugged serial scanner is reopened and keeps feeding the lane', async () => {
    const opened: string[] = [];
    const ports = [fakePort(['A1\r\n'], new Error('read ENXIO')), fakePort(['B2\r\n', 'C3\r\n'])];
    const source = serialScannerSource('/dev/ttyACM0', 9600, async (path, baud) => {
      opened.push(`${path}@${baud}`);
      return (ports.shift() ?? fakePort([])).stream;
    });
    const texts: string[] = [];
    const runner = startLaneRunner({ source, startDecoder: async () => fakeDecoder(), onCode: (code) => texts.push(code.text), onChange() {}, backoff: { baseMs: 10, capMs: 20 } });
    await vi.waitFor(() => expect(texts).toEqual(['A1', 'B2', 'C3']));
    await vi.waitFor(() => expect(runner.status().restarts).toBeGreaterThanOrEqual(2));
    expect(runner.status().lastError).toMatch(/read ENXIO|the source ended/);
    expect(opened.slice(0, 2)).toEqual(['/dev/ttyACM0@9600', '/dev/ttyACM0@9600']);
    await runner.stop();
  });
});

describe('serialport', () => {
  it('opens a real port through the installed package, and a missing device is a clear error', async () => {
    await expect(openWithSerialport('/dev/no-such-scanner', 9600, new AbortController().signal)).rejects.toThrow(/no-such-scanner|No such file/);
  });
});
