import sharp from 'sharp';
import type { LuminanceFrame } from '../../../shared/decoding/types';
import { MediaError } from './media-error';

export const imageExtensions = new Set(['.png', '.jpg', '.jpeg', '.webp', '.gif', '.tif', '.tiff', '.avif', '.bmp']);

/** An image file (PNG, JPEG, WebP…) as one grey frame; transparency is read as white paper. */
export async function readImage(file: string): Promise<LuminanceFrame> {
  try {
    const { data, info } = await sharp(file).flatten({ background: '#ffffff' }).greyscale().raw().toBuffer({ resolveWithObject: true });
    // A fresh buffer of exactly the frame: sharp's is native memory, which a worker cannot take over.
    return { width: info.width, height: info.height, data: new Uint8Array(data) };
  } catch (error) {
    throw new MediaError(`not a readable image: ${(error as Error).message}`);
  }
}
