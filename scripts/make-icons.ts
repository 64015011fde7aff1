import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';

/**
 * Renders the app icon (resources/icon.svg) into what electron-builder takes: PNGs for Linux
 * (resources/icons/<size>x<size>.png), a 512 px resources/icon.png, and a Windows .ico holding
 * PNG images (the format Windows Vista and later read; 256 px is what the installer needs).
 * Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the outputs are committed.
 */
const svg = new URL('../resources/icon.svg', import.meta.url);
const linuxSizes = [16, 32, 48, 64, 128, 256, 512];
const icoSizes = [16, 24, 32, 48, 64, 128, 256];

// The SVG renders at its 512 px viewBox; each size is a downscale of that.
const render = (size: number) => sharp(svg.pathname).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

mkdirSync(new URL('../resources/icons/', import.meta.url), { recursive: true });
for (const size of linuxSizes) writeFileSync(new URL(`../resources/icons/${size}x${size}.png`, import.meta.url), await render(size));
writeFileSync(new URL('../resources/icon.png', import.meta.url), await render(512));
writeFileSync(new URL('../resources/icon.ico', import.meta.url), icoFile(await Promise.all(icoSizes.map(async (size) => ({ size, png: await render(size) })))));

/** ICONDIR, one ICONDIRENTRY per image, then the PNG data; a size of 256 is written as 0. */
function icoFile(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}
