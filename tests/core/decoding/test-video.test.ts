import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDecoderEngine } from '../../../electron/core/decoding/create-engine';
import { readY4mFile } from '../../../electron/core/media/y4m-reader';
import { writeTestVideo } from '../../../scripts/make-test-video';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

describe('test video generator', () => {
  it.each([false, true])('writes a y4m (mono: %s) whose every frame decodes to what its sidecar says', async (mono) => {
    const path = join(tempDir(), 'lane.y4m');
    const manifest = await writeTestVideo({ path, codes: 3, width: 480, height: 360, seed: 5, mono });
    expect(JSON.parse(readFileSync(join(path, '..', 'lane.json'), 'utf8'))).toEqual(manifest);
    expect(manifest.codes).toHaveLength(3);
    expect(new Set(manifest.codes.map((code) => code.text)).size).toBe(3);
    for (const code of manifest.codes) expect(code.text).toMatch(/^0\d{11}\|(\d{9})?\|[^|]+\|\d{8}\|(Nam|Nữ)\|[^|]+\|\d{8}$/);

    const video = await readY4mFile(path);
    expect(video).toMatchObject({ width: 480, height: 360, fps: 15 });
    const engine = await createDecoderEngine('zxing-wasm');
    const seen: string[][] = [];
    for await (const frame of video.frames) seen.push((await engine.decode(frame)).map((code) => code.text));
    engine.close();

    const expected = Array.from({ length: manifest.frameCount }, (_, frame) =>
      manifest.codes.filter((code) => frame >= code.firstFrame && frame <= code.lastFrame).map((code) => code.text),
    );
    expect(seen).toEqual(expected);
    // Empty stretches before, between and after the codes.
    expect(manifest.codes[0]!.firstFrame).toBeGreaterThan(0);
    expect(manifest.codes[1]!.firstFrame).toBeGreaterThan(manifest.codes[0]!.lastFrame + 1);
    expect(manifest.frameCount).toBeGreaterThan(manifest.codes[2]!.lastFrame + 1);
  });
});
