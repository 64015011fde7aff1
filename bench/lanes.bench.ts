// Lane benchmark (issue 4): frame-to-verdict-event latency, offline, through the whole lane pipeline
// (newest-frame-wins hand-off → worker decoder (zxing-wasm) → dedupe → classify → verdict → durable
// record → `scan` event), with a live 1280×720 (or 1920×1080) camera at 15 fps per lane, and the share
// of the machine's cores the process took once every lane's decoder is up (start-up timed apart).
// Figures are printed, not asserted.
//   npm run bench lanes [-- --quick] [--codes 30] [--lanes 1,4,8] [--height 720|1080]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { stationConfigSchema } from '../shared/config/station-config';
import type { DecodeOptions, EngineName, LuminanceFrame } from '../shared/decoding/types';
import { startWorkerDecoder } from '../electron/core/decoding/worker-decoder';
import type { DatabaseKey } from '../electron/core/db/database-key';
import type { LaneSource, SourceItem } from '../electron/core/lanes/sources/source';
import { createLogger } from '../electron/core/logging/logger';
import { takeFrameBuffer } from '../electron/core/media/frame-buffers';
import { createStation } from '../electron/core/station';
import { addNoise, cardPayload, createRng, drawQrCode, makeBackground } from '../scripts/make-test-video';
import { fixed, quantile, table } from './lib/stats';
import { nodeDatabaseDriver } from '../electron/core/node-platform';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, codes: { type: 'string' }, lanes: { type: 'string', default: '1,4,8' }, height: { type: 'string', default: '720' } } });
const height = Number(values.height);
const width = Math.round((height * 16) / 9);
/** The card's modules scale with the picture: the same card at the same distance. */
const moduleScale = height / 720;
const codeCount = Number(values.codes ?? (values.quick ? 10 : 30));
const laneCounts = values.lanes.split(',').map(Number);
const fps = 15;
/** Each code is held up for 8 frames (0.53 s), after 5 empty ones: a brisk queue at a checkpoint. */
const emptyFrames = 5;
const codeFrames = 8;
const leadInFrames = 2 * fps;

/** One frame per code (a card held at arm's length: 4–6 px per module at 720p) and one empty scene. */
function makeScenes(seed: number): { empty: LuminanceFrame; withCode: LuminanceFrame[] } {
  const rng = createRng(seed);
  const background = makeBackground(width, height, rng);
  const empty = { ...background, data: background.data.slice() };
  addNoise(empty, rng, 6);
  const withCode = Array.from({ length: codeCount }, () => {
    const image = { ...background, data: background.data.slice() };
    drawQrCode(image, cardPayload(rng), { cx: (500 + rng() * 280) * moduleScale, cy: (300 + rng() * 120) * moduleScale, moduleSize: (4 + rng() * 2) * moduleScale, angle: rng() * 16 - 8 });
    addNoise(image, rng, 6);
    return image;
  });
  return { empty, withCode };
}

/**
 * A live camera replaying the scenes in real time. Each frame is copied into a buffer of its own
 * (the decoder takes it over) from the frame buffers, as the real sources' y4m reader does.
 */
function benchCamera(scenes: ReturnType<typeof makeScenes>, decoding: () => boolean, done: () => void): LaneSource {
  const schedule = scenes.withCode.flatMap((frame) => [...Array<LuminanceFrame>(emptyFrames).fill(scenes.empty), ...Array<LuminanceFrame>(codeFrames).fill(frame)]);
  return {
    kind: 'camera',
    async open(signal) {
      async function* frames(): AsyncGenerator<SourceItem, void> {
        const started = performance.now();
        // Empty road first, two seconds at least and until every lane's decoder has started, as it
        // would have long before the first car (start-up is reported apart, not in the figures).
        let first: number | null = null;
        for (let index = 0; ; index++) {
          if (first === null && index >= leadInFrames && decoding()) first = index;
          const frame = first === null ? scenes.empty : schedule[index - first];
          if (frame === undefined) break;
          const due = started + (index * 1000) / fps;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
          const data = takeFrameBuffer(frame.data.length);
          data.set(frame.data);
          yield { kind: 'frame', frame: { ...frame, data }, capturedAt: Date.now() };
        }
        done();
        // A camera does not end: it waits to be stopped.
        await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      }
      const items = frames();
      return { items, close: async () => void (await items.return(undefined)) };
    },
  };
}

async function runLanes(laneCount: number) {
  const folder = mkdtempSync(join(tmpdir(), 'lanes-bench-'));
  const lanes = Array.from({ length: laneCount }, (_, i) => ({ id: `lane-${i + 1}`, name: `Làn ${i + 1}`, source: `rtsp://bench/${i + 1}` }));
  let markDone = () => {};
  const allDone = new Promise<void>((resolve) => (markDone = resolve));
  let finished = 0;
  let started = 0;
  let markDecoding = () => {};
  const allDecoding = new Promise<void>((resolve) => (markDecoding = resolve));
  const sources = new Map(lanes.map((lane, i) => [lane.source, benchCamera(makeScenes(100 + i), () => started >= laneCount, () => ++finished === laneCount && markDone())]));
  // The lanes' own worker decoders, counted as they come up.
  const startDecoder = async (engine: EngineName, options: DecodeOptions) => {
    const decoder = await startWorkerDecoder({ ...options, engine });
    if (++started === laneCount) markDecoding();
    return decoder;
  };
  const station = createStation({
    databaseDriver: nodeDatabaseDriver,
    config: stationConfigSchema.parse({ lanes }),
    dataDir: folder,
    host: 'headless',
    logger: createLogger(new Writable({ write: (_chunk, _encoding, callback) => callback() })),
    databaseKey: 'd4'.repeat(32) as DatabaseKey,
    enrolment: null,
    lanes: { sourceFor: (lane) => sources.get(lane.source) ?? null, startDecoder },
  });
  const latencies: number[] = [];
  let notRecorded = 0;
  station.lanes.onScan((scan) => {
    latencies.push(Date.now() - scan.capturedAt);
    if (scan.result.passageId === null) notRecorded++;
  });
  const opened = performance.now();
  station.lanes.start();
  await allDecoding;
  const startUpMs = performance.now() - opened;
  // From here on the lanes run as they would all day: CPU and drops are counted from now.
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const dropsBefore = station.status().lanes.reduce((sum, lane) => sum + lane.drops, 0);
  await allDone;
  // Worker threads included: process.cpuUsage counts the whole process.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuShare = (cpu.user + cpu.system) / 1000 / (performance.now() - wallBefore) / cpus().length;
  await new Promise((resolve) => setTimeout(resolve, 500)); // the last code's scan
  const drops = station.status().lanes.reduce((sum, lane) => sum + lane.drops, 0) - dropsBefore;
  await station.close();
  rmSync(folder, { recursive: true, force: true });
  return { latencies, notRecorded, drops, cpuShare, startUpMs, frames: laneCount * codeCount * (emptyFrames + codeFrames) };
}

process.stdout.write(`${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${codeCount} codes per lane, each held ${codeFrames} frames at ${fps} fps\n\n`);
const rows: string[][] = [];
for (const laneCount of laneCounts) {
  const { latencies, notRecorded, drops, frames, cpuShare, startUpMs } = await runLanes(laneCount);
  rows.push([
    `${laneCount} × ${height}p @ ${fps} fps`,
    `${latencies.length} / ${laneCount * codeCount}`,
    fixed(quantile(latencies, 0.5), 0),
    fixed(quantile(latencies, 0.95), 0),
    fixed(Math.max(...latencies), 0),
    `${drops} of ${frames}`,
    `${fixed(cpuShare * 100, 0)} %`,
    String(notRecorded),
    fixed(startUpMs / 1000, 1),
  ]);
}
process.stdout.write(`${table(['lanes', 'passages / codes shown', 'median ms', 'p95 ms (target ≤ 100)', 'max ms', 'frames dropped', `CPU (share of ${cpus().length} cores)`, 'not recorded', 'decoders up after (s)'], rows)}\n`);
