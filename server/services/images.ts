import { createHash } from 'node:crypto';
import exifr from 'exifr';
import sharp from 'sharp';
import type { PhotoImage } from '../../src/domain/model';

/** What the photo rules need to know about one image, read from its original bytes. */
export type ImageFingerprint = Omit<PhotoImage, 'url'> & {
  mediaType: string;
  /** The perceptual hash of the image flipped left to right: a mirrored copy has this as its phash. */
  mirroredPhash: string;
};

export async function fingerprintImage(bytes: Buffer): Promise<ImageFingerprint> {
  const metadata = await sharp(bytes).metadata();
  const [hashes, exif] = await Promise.all([perceptualHashes(bytes), readExif(bytes)]);
  return {
    mediaType: metadata.mediaType ?? `image/${metadata.format}`,
    // As displayed: a portrait phone photo is stored landscape with an Orientation tag.
    width: metadata.autoOrient.width,
    height: metadata.autoOrient.height,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    phash: hashes.phash,
    mirroredPhash: hashes.mirroredPhash,
    exif,
  };
}

/**
 * The 64-bit difference hash (dHash) as 16 hex digits: the upright image in grey, shrunk to 9x8,
 * one bit per pair of horizontal neighbours (1 when the right one is brighter), rows top to bottom.
 * Re-encoding, resizing and light edits move few bits; another picture moves about half of them.
 * The mirrored hash reads each row of the same 9x8 grid right to left, as a mirrored copy shows it.
 */
export async function perceptualHashes(bytes: Buffer): Promise<{ phash: string; mirroredPhash: string }> {
  const grid = await sharp(bytes).rotate().greyscale().resize(9, 8, { fit: 'fill' }).raw().toBuffer();
  return { phash: differenceHash(grid, false), mirroredPhash: differenceHash(grid, true) };
}

function differenceHash(grid: Buffer, mirrored: boolean): string {
  const at = (row: number, column: number) => grid[row * 9 + (mirrored ? 8 - column : column)];
  let hex = '';
  for (let row = 0; row < 8; row++) {
    let byte = 0;
    for (let column = 0; column < 8; column++)
      byte = (byte << 1) | (at(row, column + 1) > at(row, column) ? 1 : 0);
    hex += byte.toString(16).padStart(2, '0');
  }
  return hex;
}

/** The EXIF fields the photo rules read; the rest (maker notes, thumbnails) stays in the bytes. */
const exifFields = [
  'Make',
  'Model',
  'LensModel',
  'Software',
  'DateTimeOriginal',
  'CreateDate',
  'ModifyDate',
  'OffsetTimeOriginal',
  'Orientation',
];
const exifDates = new Set(['DateTimeOriginal', 'CreateDate', 'ModifyDate']);

/** A flat record of the EXIF fields above, or null when the image carries none. */
export async function readExif(bytes: Buffer): Promise<Record<string, string | number> | null> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(bytes, {
      tiff: true,
      exif: true,
      ifd1: false,
      gps: false,
      interop: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      pick: exifFields,
      reviveValues: false,
      translateValues: false,
    });
  } catch {
    // A damaged EXIF block is treated like a missing one: the upload itself is still a valid image.
    return null;
  }
  if (!tags) return null;
  const record: Record<string, string | number> = {};
  for (const field of exifFields) {
    const value = tags[field];
    if (typeof value === 'number') record[field] = value;
    else if (typeof value === 'string' && value.trim() !== '') {
      record[field] = exifDates.has(field)
        ? exifDateToIso(value.trim())
        : value.replace(/\0+$/, '').trim().slice(0, 200);
    }
  }
  return Object.keys(record).length > 0 ? record : null;
}

/**
 * "2025:03:04 10:22:31" -> "2025-03-04T10:22:31": ISO-8601 in the camera's local time, with no
 * zone, because EXIF records none (OffsetTimeOriginal, when present, is kept as its own field).
 */
function exifDateToIso(value: string): string {
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value);
  return match
    ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}`
    : value.slice(0, 200);
}
