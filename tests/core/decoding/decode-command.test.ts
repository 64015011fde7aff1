import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawQrCode, writeTestVideo } from '../../../scripts/make-test-video';
import { runStation } from '../../helpers/station-cli';
import { useTempDirs } from '../../helpers/temp-dir';

const tempDir = useTempDirs();

async function pngWith(dir: string, texts: string[]): Promise<string> {
  const frame = { width: 400, height: 200, data: new Uint8Array(400 * 200).fill(200) };
  texts.forEach((text, i) => drawQrCode(frame, text, { cx: 100 + 200 * i, cy: 100, moduleSize: 3 }));
  const file = join(dir, 'codes.png');
  await sharp(frame.data, { raw: { width: 400, height: 200, channels: 1 } }).png().toFile(file);
  return file;
}

const lines = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('station decode', () => {
  it('prints one JSON line per code found in images and videos (exit 0)', async () => {
    const dir = tempDir();
    const image = await pngWith(dir, ['Nguyễn Văn Đông', 'Hoàng Thị Lan']);
    const video = join(dir, 'lane.y4m');
    const manifest = await writeTestVideo({ path: video, codes: 2, width: 480, height: 360, seed: 9 });
    const { code, stdout, stderr } = runStation(['decode', '--data', dir, image, video]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const printed = lines(stdout);
    for (const line of printed) {
      expect(Object.keys(line)).toEqual(['file', 'frame', 'text', 'engine', 'ms']);
      expect(line.engine).toBe('zxing-wasm');
      expect(line.ms).toEqual(expect.any(Number));
    }
    const fromImage = printed.filter((line) => line.file === image);
    expect(fromImage.map((line) => line.text).sort()).toEqual(['Hoàng Thị Lan', 'Nguyễn Văn Đông']);
    expect(fromImage.every((line) => line.frame === 0)).toBe(true);
    const expected = manifest.codes.flatMap((c) => Array.from({ length: c.lastFrame - c.firstFrame + 1 }, (_, i) => ({ frame: c.firstFrame + i, text: c.text })));
    expect(printed.filter((line) => line.file === video).map(({ frame, text }) => ({ frame, text }))).toEqual(expected);
  });

  it('--engine picks the engine', async () => {
    const dir = tempDir();
    const { code, stdout } = runStation(['decode', '--engine', 'zxing-js', '--data', dir, await pngWith(dir, ['Lý Quốc Cường'])]);
    expect(code).toBe(0);
    expect(lines(stdout)).toMatchObject([{ frame: 0, text: 'Lý Quốc Cường', engine: 'zxing-js' }]);
  });

  it('a missing file is one plain line on stderr, exit 2, before anything is decoded', () => {
    const dir = tempDir();
    const { code, stdout, stderr } = runStation(['decode', '--data', dir, join(dir, 'missing.png')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`station: cannot read ${join(dir, 'missing.png')}: no such file\n`);
  });

  it('a corrupt video is one plain line naming the file and the fault, exit 1', () => {
    const dir = tempDir();
    const file = join(dir, 'broken.y4m');
    writeFileSync(file, 'YUV4MPEG2 W4 H2 C420p12\nFRAME\n');
    const { code, stderr } = runStation(['decode', '--data', dir, file]);
    expect(code).toBe(1);
    expect(stderr).toBe(`station: ${file}: y4m: colour space C420p12 is not supported (8-bit 4:2:0, 4:1:1, 4:2:2, 4:4:4 and mono are)\n`);
  });
});
