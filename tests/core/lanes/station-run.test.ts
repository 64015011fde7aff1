import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatabaseKey } from '../../../electron/core/db/database-key';
import { closeDatabase, openDatabase } from '../../../electron/core/db/open-database';
import { searchPassages } from '../../../electron/core/store/passage-queries';
import { writeTestVideo } from '../../../scripts/make-test-video';
import { runStationAsync } from '../../helpers/station-cli';
import { execFileSync } from 'node:child_process';
import QRCode from 'qrcode';
import { makeDcc, makeSigner, VACCINATED } from '../../helpers/dcc-fixtures';
import { useTempDirs } from '../../helpers/temp-dir';
import { nodeDatabaseDriver } from '../../../electron/core/node-platform';

const tempDir = useTempDirs();

const lines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('station run', () => {
  it('reads dense vaccine passports (QR version 10+) from a 1080p y4m and from an H.264 file through ffmpeg', async () => {
    const signer = await makeSigner();
    const names = ['Nguyễn Văn Bình', 'Trần Thị Mai', 'Lê Quốc Hải'];
    const texts = names.map((name, index) => makeDcc(signer, { request: { ...VACCINATED, familyName: name.split(' ')[0]!, givenName: name.split(' ').slice(1).join(' '), dose: index + 1 } }));
    expect(Math.min(...texts.map((text) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version))).toBeGreaterThanOrEqual(10);
    const folder = tempDir();
    const y4m = join(folder, 'passports.y4m');
    // 2.5-pixel modules on a 1080p frame: a passport held up at a metre or so from the lane camera.
    const manifest = await writeTestVideo({ path: y4m, texts, seed: 3, width: 1920, height: 1080, fps: 10, moduleSize: 2.5 });
    const mp4 = join(folder, 'passports.mp4');
    execFileSync('ffmpeg', ['-loglevel', 'error', '-i', y4m, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', mp4]);
    for (const video of [y4m, mp4]) {
      const run = await runStationAsync(['run', '--data', join(folder, `data-${video.slice(-3)}`), '--source', `file:${video}`, '--show-payload']);
      expect(run.code, run.stderr).toBe(0);
      const printed = lines(run.stdout);
      expect(printed.map((line) => line.text), video).toEqual(manifest.codes.map((code) => code.text));
      // No trust list in a fresh data folder: read as vaccine passports, refused as unverifiable.
      expect(printed.every((line) => line.kind === 'eu-dcc' && line.verdict === 'invalid')).toBe(true);
    }
  });

  it('a video of N codes held for varying times, with empty stretches, gives exactly N passages in order, each printed once stored', async () => {
    const folder = tempDir();
    const video = join(folder, 'lane.y4m');
    const manifest = await writeTestVideo({ path: video, codes: 6, seed: 11, width: 640, height: 360 });
    const dataDir = join(folder, 'data');
    const run = await runStationAsync(['run', '--data', dataDir, '--source', `file:${video}`, '--show-payload']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const printed = lines(run.stdout);
    expect(printed.map((line) => line.text)).toEqual(manifest.codes.map((code) => code.text));
    for (const [index, line] of printed.entries()) {
      const { firstFrame, lastFrame } = manifest.codes[index]!;
      expect(line).toMatchObject({ id: expect.any(String), lane: 'lane-1', kind: 'chip-card', verdict: expect.stringMatching(/^(pass|check)$/) });
      expect(line.frame).toBeGreaterThanOrEqual(firstFrame);
      expect(line.frame).toBeLessThanOrEqual(lastFrame);
    }

    // Every printed id is in the database, in the same order (the station has stopped: nothing pending).
    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    const stored = searchPassages(database.db, { limit: 500 }).reverse();
    closeDatabase(database);
    expect(stored.map((passage) => passage.id)).toEqual(printed.map((line) => line.id));
    expect(stored.every((passage) => passage.laneId === 'lane-1')).toBe(true);
  });

  it('without --show-payload no decoded text is printed; the dedupe window is taken from --dedupe-ms', async () => {
    const folder = tempDir();
    const video = join(folder, 'lane.y4m');
    const manifest = await writeTestVideo({ path: video, codes: 2, seed: 4, width: 480, height: 360 });
    const run = await runStationAsync(['run', '--data', join(folder, 'data'), '--source', `file:${video}`, '--dedupe-ms', '0']);
    expect(run.code).toBe(0);
    const printed = lines(run.stdout);
    // A zero window makes every frame showing a code its own passage.
    const framesWithCodes = manifest.codes.reduce((sum, code) => sum + code.lastFrame - code.firstFrame + 1, 0);
    expect(printed).toHaveLength(framesWithCodes);
    expect(Object.keys(printed[0]!).sort()).toEqual(['frame', 'id', 'kind', 'lane', 'verdict']);
    expect(run.stdout).not.toContain('|');
  });

  it('exits 1, saying so, when codes it was shown could not be recorded', async () => {
    const folder = tempDir();
    const video = join(folder, 'lane.y4m');
    await writeTestVideo({ path: video, codes: 2, seed: 5, width: 480, height: 360 });
    const dataDir = join(folder, 'data');
    const database = openDatabase(join(dataDir, 'station.db'), { driver: nodeDatabaseDriver, key: await loadDatabaseKey({ dataDir, environmentKey: undefined }) });
    // Every passage write fails, as on a failing disk (a real SQLite error, raised by the database itself).
    database.db.exec("CREATE TRIGGER refuse_passages BEFORE INSERT ON passages BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END");
    closeDatabase(database);
    const run = await runStationAsync(['run', '--data', dataDir, '--source', `file:${video}`]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/"recorded":false/);
    expect(run.stderr).toMatch(/station: \d+ passage\(s\) shown were NOT RECORDED\n$/);
    expect(run.code).toBe(1);
  });

  it('refuses sources it cannot run headless, in one line (exit 2), and a missing file fails its lane (exit 1)', async () => {
    const dataDir = tempDir();
    const webcam = await runStationAsync(['run', '--data', dataDir, '--source', 'webcam:default']);
    expect(webcam.code).toBe(2);
    expect(webcam.stderr).toBe('station: webcam:default: webcam and keyboard lanes are read by the app window, not headless\n');
    const missing = await runStationAsync(['run', '--data', dataDir, '--source', `file:${join(dataDir, 'nope.y4m')}`]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^station: lane lane-1 \(file:.*nope\.y4m\): .*no such file/i);
  });
});
