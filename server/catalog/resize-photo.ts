import sharp from 'sharp';
import { AppError } from '../http/errors.ts';

/** WhatsApp shows pictures small; 1200 px keeps them sharp on any phone and well under Meta's 5 MB. */
const maxSide = 1200;

export interface ResizedPhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
  mimeType: 'image/jpeg';
}

/**
 * Any image a browser uploads (JPEG, PNG, WebP, GIF, HEIC where libvips reads it) becomes an
 * upright JPEG at most `maxSide` wide or tall: one type Meta accepts, small to download.
 * Anything that is not an image is a 400, not a crash.
 */
export async function resizePhoto(input: Uint8Array): Promise<ResizedPhoto> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: 50_000_000 })
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data), width: info.width, height: info.height, mimeType: 'image/jpeg' };
  } catch {
    throw new AppError(400, 'invalid_image', 'O arquivo não é uma imagem que conseguimos ler (use JPEG, PNG ou WebP).');
  }
}
