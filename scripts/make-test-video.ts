// Writes a y4m "camera" video of N distinct ID-card QR codes, each held in front of the lens for a
// few frames, with empty stretches between them, plus a JSON sidecar listing the codes in order.
// The payloads are made up (random names, numbers and places), never real people.
//
//   npx tsx scripts/make-test-video.ts [--out test-artifacts/lane.y4m] [--codes 6] [--seed 1]
//     [--width 1280] [--height 720] [--fps 15] [--mono]
import { open, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';

import { createRandom, type Random } from '../shared/random/prng';

/** A seeded generator, so a seed always gives the same video. */
export type Rng = Random;
export const createRng = createRandom;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const between = (rng: Rng, low: number, high: number) => low + rng() * (high - low);
const digits = (rng: Rng, count: number) => Array.from({ length: count }, () => Math.floor(rng() * 10)).join('');
const ddmmyyyy = (rng: Rng, fromYear: number, toYear: number) =>
  `${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}${Math.floor(between(rng, fromYear, toYear + 1))}`;

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh'];
const middleNames = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thanh', 'Quốc', 'Thu', 'Xuân', 'Bảo'];
const givenNames = ['An', 'Bình', 'Cường', 'Dũng', 'Đông', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Huyền', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Quân', 'Thảo', 'Trung', 'Tuấn', 'Yến'];
const places = [
  'Khánh Vân, Khánh Hà, Thường Tín, Hà Nội',
  'Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh',
  'Xã Đông Hưng, Huyện Tiên Lãng, Hải Phòng',
  'Thôn Phú Mỹ, Xã Hòa Tiến, Huyện Hòa Vang, Đà Nẵng',
  'Tổ 5, Phường Quyết Thắng, TP. Sơn La, Sơn La',
  'Ấp Mỹ Hòa, Xã Mỹ Thạnh, Huyện Giồng Trôm, Bến Tre',
];

/** A made-up chip ID card payload: `id|old id|name|birth|sex|address|issued`, as on real cards. */
export function cardPayload(rng: Rng): string {
  const sex = rng() < 0.5 ? 'Nam' : 'Nữ';
  const name = `${pick(rng, familyNames)} ${pick(rng, middleNames)} ${pick(rng, givenNames)}`;
  const oldId = rng() < 0.6 ? digits(rng, 9) : '';
  return [`0${digits(rng, 11)}`, oldId, name, ddmmyyyy(rng, 1950, 2005), sex, pick(rng, places), ddmmyyyy(rng, 2021, 2024)].join('|');
}

export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface QrPlacement {
  /** Centre of the symbol in pixels. */
  cx: number;
  cy: number;
  /** Pixels per module; fractional sizes are sampled, like a camera would. */
  moduleSize: number;
  /** Rotation in degrees. */
  angle?: number;
  /** Light modules on a dark background. */
  inverted?: boolean;
  /** Grey levels of a dark and a light module (low contrast for glare or a dim screen). */
  dark?: number;
  light?: number;
}

/** Draws a QR code (with its 4-module quiet zone) into the image; byte-mode text is UTF-8, no ECI. */
export function drawQrCode(image: GreyImage, text: string, placement: QrPlacement): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const { cx, cy, moduleSize, angle = 0, inverted = false, dark = 20, light = 235 } = placement;
  const [ink, paper] = inverted ? [light, dark] : [dark, light];
  const cos = Math.cos((angle * Math.PI) / 180);
  const sin = Math.sin((angle * Math.PI) / 180);
  const half = ((size + 8) * moduleSize * Math.SQRT2) / 2;
  for (let y = Math.max(0, Math.floor(cy - half)); y < Math.min(image.height, Math.ceil(cy + half)); y++) {
    for (let x = Math.max(0, Math.floor(cx - half)); x < Math.min(image.width, Math.ceil(cx + half)); x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      const u = Math.floor((dx * cos + dy * sin) / moduleSize + size / 2);
      const v = Math.floor((-dx * sin + dy * cos) / moduleSize + size / 2);
      if (u < -4 || v < -4 || u >= size + 4 || v >= size + 4) continue;
      const isDark = u >= 0 && v >= 0 && u < size && v < size && modules.get(v, u);
      image.data[y * image.width + x] = isDark ? ink : paper;
    }
  }
}

/** A camera-like empty scene: soft gradients and blocks of shade, the same for every frame of a video. */
export function makeBackground(width: number, height: number, rng: Rng): GreyImage {
  const data = new Uint8Array(width * height);
  const phase = rng() * 6;
  const across = Array.from({ length: width }, (_, x) => 50 * Math.sin(x / 230 + phase));
  for (let y = 0; y < height; y++) {
    const down = Math.cos(y / 170);
    for (let x = 0; x < width; x++) data[y * width + x] = 110 + across[x]! * down;
  }
  for (let k = 0; k < 25; k++) {
    const [x0, y0] = [Math.floor(rng() * width), Math.floor(rng() * height)];
    const [w, h, shade] = [Math.floor(rng() * width * 0.2), Math.floor(rng() * height * 0.2), Math.floor(rng() * 256)];
    for (let y = y0; y < Math.min(height, y0 + h); y++) {
      for (let x = x0; x < Math.min(width, x0 + w); x++) data[y * width + x] = (data[y * width + x]! + shade) >> 1;
    }
  }
  return { width, height, data };
}

/** Sensor noise of ±amplitude grey levels, in place. */
export function addNoise(image: GreyImage, rng: Rng, amplitude: number): void {
  for (let i = 0; i < image.data.length; i++) {
    image.data[i] = Math.min(255, Math.max(0, image.data[i]! + (rng() - 0.5) * 2 * amplitude));
  }
}

export interface TestVideoOptions {
  /** The .y4m to write; the sidecar goes next to it as `<name>.json`. */
  path: string;
  codes?: number;
  /** These texts, in this order, instead of `codes` made-up card payloads. */
  texts?: string[];
  seed?: number;
  width?: number;
  height?: number;
  fps?: number;
  /** Cmono (the Y plane only) instead of C420jpeg, which Chromium's fake camera needs. */
  mono?: boolean;
  /** Pixels per module for every code, instead of 0.5–0.8 % of the short side. */
  moduleSize?: number;
  /** Empty frames after the last code, instead of 4–9 (Chromium loops its fake camera: a long tail keeps loops apart). */
  tailFrames?: number;
}

export interface TestVideoManifest {
  width: number;
  height: number;
  fps: number;
  frameCount: number;
  /** In the order they appear; frames are 0-based and inclusive. */
  codes: { text: string; firstFrame: number; lastFrame: number }[];
}

export async function writeTestVideo(options: TestVideoOptions): Promise<TestVideoManifest> {
  const { path, codes = 6, seed = 1, width = 1280, height = 720, fps = 15, mono = false, tailFrames } = options;
  const rng = createRng(seed);
  const background = makeBackground(width, height, rng);
  const chroma = mono ? new Uint8Array(0) : new Uint8Array(2 * Math.ceil(width / 2) * Math.ceil(height / 2)).fill(128);
  const manifest: TestVideoManifest = { width, height, fps, frameCount: 0, codes: [] };
  const file = await open(path, 'w');
  try {
    await file.write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 ${mono ? 'Cmono' : 'C420jpeg'}\n`);
    const writeFrame = async (draw?: (image: GreyImage) => void) => {
      const image = { width, height, data: background.data.slice() };
      draw?.(image);
      addNoise(image, rng, 6);
      await file.write('FRAME\n');
      await file.write(image.data);
      if (chroma.length > 0) await file.write(chroma);
      manifest.frameCount++;
    };
    const texts = new Set<string>(options.texts);
    while (options.texts === undefined && texts.size < codes) texts.add(cardPayload(rng));
    for (const text of texts) {
      for (let i = Math.floor(between(rng, 4, 10)); i > 0; i--) await writeFrame();
      // Each code is shown a little differently: where, how big, how tilted; the hand shakes a bit.
      const minSide = Math.min(width, height);
      const base = { cx: width / 2 + between(rng, -0.15, 0.15) * width, cy: height / 2 + between(rng, -0.1, 0.1) * height };
      // 3.6–5.8 px per module at 720p, never under 3 px in the small videos tests make.
      const moduleSize = options.moduleSize ?? Math.max(3, between(rng, 0.005, 0.008) * minSide);
      const angle = between(rng, -8, 8);
      const firstFrame = manifest.frameCount;
      for (let i = Math.floor(between(rng, 6, 16)); i > 0; i--) {
        const jitter = { cx: base.cx + between(rng, -2, 2), cy: base.cy + between(rng, -2, 2) };
        await writeFrame((image) => drawQrCode(image, text, { ...jitter, moduleSize, angle }));
      }
      manifest.codes.push({ text, firstFrame, lastFrame: manifest.frameCount - 1 });
    }
    for (let i = tailFrames ?? Math.floor(between(rng, 4, 10)); i > 0; i--) await writeFrame();
  } finally {
    await file.close();
  }
  await writeFile(path.replace(/(\.y4m)?$/, '.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: 'test-artifacts/lane.y4m' },
      codes: { type: 'string', default: '6' },
      seed: { type: 'string', default: '1' },
      width: { type: 'string', default: '1280' },
      height: { type: 'string', default: '720' },
      fps: { type: 'string', default: '15' },
      mono: { type: 'boolean', default: false },
    },
  });
  const manifest = await writeTestVideo({
    path: values.out,
    codes: Number(values.codes),
    seed: Number(values.seed),
    width: Number(values.width),
    height: Number(values.height),
    fps: Number(values.fps),
    mono: values.mono,
  });
  process.stdout.write(`${values.out}: ${manifest.frameCount} frames, ${manifest.codes.length} codes\n`);
}
