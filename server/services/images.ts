import { createHash } from 'node:crypto';
import exifr from 'exifr';
import decodeHeic from 'heic-decode';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { type PhotoImage, type PhotoMediaType, photoMediaTypes } from '../../src/domain/model';
import { differenceHash, gridHeight, gridWidth } from '../../src/domain/perceptualHash';
import { ApiError, invalid, notFound } from '../errors';
import { type MediaStorage, mediaKeys } from '../storage';
import { heifExifBlock } from './heif';
import { acceptUpload, mediaTypeOf } from './uploads';

/**
 * One photo upload, from its bytes to what Verity keeps: checked (kind, size, pixel count,
 * decodable) before anything is stored, EXIF read from the original bytes before any processing,
 * fingerprinted (SHA-256, the perceptual hash and its mirror), and derived into a display version
 * and a thumbnail that carry no metadata at all: GPS and the rest of EXIF stay in the original,
 * which is kept byte for byte and never served.
 */

export const maxPhotoBytes = 25 * 1024 * 1024;
/** 100 megapixels: any phone or clinic camera, far short of what a decompression bomb declares. */
export const maxPhotoPixels = 100_000_000;
/** The versions served in place of the original: longest side and WebP quality. */
export const imageVersions = {
  display: { size: 1600, quality: 82 },
  thumbnail: { size: 320, quality: 76 },
} as const;
export type ImageVersion = keyof typeof imageVersions;

/** A version is written without any metadata: sharp keeps none unless told to. */
const version = (image: Sharp, name: ImageVersion) =>
  image
    .resize(imageVersions[name].size, imageVersions[name].size, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: imageVersions[name].quality })
    .toBuffer();

/** What the photo rules need to know about one image, read from its original bytes. */
export type ImageFingerprint = Omit<PhotoImage, 'url' | 'thumbnailUrl'> & { mirroredPhash: string };

export interface PreparedImage {
  fingerprint: ImageFingerprint;
  original: Buffer;
  display: Buffer;
  thumbnail: Buffer;
}

/** What heic-decode's `all` answers: the images with their sizes, decoded only when asked. */
type HeicImages = {
  width: number;
  height: number;
  decode(): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}[] & {
  dispose(): void;
};

const tooManyPixels = (what: string, width: number, height: number) =>
  new ApiError(
    413,
    'too_many_pixels',
    `${what} is ${width} × ${height} pixels; at most ${maxPhotoPixels / 1_000_000} megapixels are accepted`,
  );

const unreadable = (what: string, field: string, why: string) =>
  invalid(`${what} cannot be read as an image: ${why}`, [{ path: field, message: 'unreadable image' }]);

/**
 * The decoder of an accepted upload, with its size known and checked. JPEG, PNG and WebP go to
 * sharp, which refuses an image past the pixel limit from its header (limitInputPixels) before
 * decoding a pixel; HEIC (HEVC, which sharp's own libheif cannot decode) goes through libheif
 * built for WebAssembly, whose container is read for the size before its image is decoded.
 */
async function openImage(bytes: Buffer, mediaType: PhotoMediaType, what: string, field: string) {
  if (mediaType === 'image/heic') {
    let images: HeicImages;
    try {
      images = (await decodeHeic.all({ buffer: bytes })) as HeicImages;
    } catch (error) {
      throw unreadable(what, field, (error as Error).message);
    }
    try {
      const [primary] = images;
      if (!primary) throw unreadable(what, field, 'the HEIC file holds no image');
      if (primary.width * primary.height > maxPhotoPixels)
        throw tooManyPixels(what, primary.width, primary.height);
      const { data, width, height } = await primary.decode();
      const raw = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      return { width, height, pipeline: () => sharp(raw, { raw: { width, height, channels: 4 } }) };
    } finally {
      images.dispose();
    }
  }
  const pipeline = () => sharp(bytes, { limitInputPixels: maxPhotoPixels, failOn: 'error' }).autoOrient();
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: maxPhotoPixels }).metadata();
  } catch (error) {
    if (!/pixel limit/.test((error as Error).message))
      throw unreadable(what, field, (error as Error).message);
    // Refused from the header alone; read it again without the limit only to say how large it claims to be.
    const declared = await sharp(bytes, { limitInputPixels: false }).metadata();
    throw tooManyPixels(what, declared.width, declared.height);
  }
  return { width: metadata.autoOrient.width, height: metadata.autoOrient.height, pipeline };
}

/** Decodes the pixels: a file whose header reads but whose pixels do not is refused here. */
async function decoded<T>(work: () => Promise<T>, what: string, field: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unreadable(what, field, (error as Error).message);
  }
}

/**
 * Checks and reads one image: its kind and size, its EXIF, its fingerprint. Throws a 413, 415 or
 * 422 ApiError for a bad one. The versions are derived separately (prepareImage).
 */
/** The steps of an upload, as a benchmark times them. */
export type IngestStage = 'validation' | 'exif' | 'hashing' | 'derivatives';
export type StageTimer = (stage: IngestStage, ms: number) => void;

async function timed<T>(stage: IngestStage, onStage: StageTimer | undefined, work: () => Promise<T> | T) {
  const started = performance.now();
  const result = await work();
  onStage?.(stage, performance.now() - started);
  return result;
}

export async function readImage(
  bytes: Uint8Array | null,
  field: string,
  onStage?: StageTimer,
): Promise<{ fingerprint: ImageFingerprint; original: Buffer; pipeline: () => Sharp }> {
  const what = `the ${field} image`;
  const original = Buffer.from(bytes ?? []);
  const mediaType = acceptUpload(bytes, {
    field,
    what,
    maxBytes: maxPhotoBytes,
    accepted: photoMediaTypes,
    kinds: 'a JPEG, PNG, WebP or HEIC photo',
  });
  // Read before anything else touches the bytes: every derived version is written without EXIF.
  const exif = await timed('exif', onStage, () => readExif(original, mediaType));
  const image = await timed('validation', onStage, () => openImage(original, mediaType, what, field));
  const fingerprint = await timed('hashing', onStage, async () => {
    const grid = await decoded(
      () => image.pipeline().greyscale().resize(gridWidth, gridHeight, { fit: 'fill' }).raw().toBuffer(),
      what,
      field,
    );
    return {
      mediaType,
      byteLength: original.length,
      width: image.width,
      height: image.height,
      sha256: createHash('sha256').update(original).digest('hex'),
      phash: differenceHash(grid),
      mirroredPhash: differenceHash(grid, true),
      exif,
    };
  });
  return { pipeline: image.pipeline, fingerprint, original };
}

/** Checks, reads and derives one uploaded image, every version made before anything is stored. */
export async function prepareImage(
  bytes: Uint8Array | null,
  field: string,
  onStage?: StageTimer,
): Promise<PreparedImage> {
  const what = `the ${field} image`;
  const { fingerprint, original, pipeline } = await readImage(bytes, field, onStage);
  const [display, thumbnail] = await timed('derivatives', onStage, () =>
    decoded(
      () => Promise.all([version(pipeline(), 'display'), version(pipeline(), 'thumbnail')]),
      what,
      field,
    ),
  );
  return { fingerprint, original, display, thumbnail };
}

/** The image as a pair record shows it, its derived versions served by the media route. */
export function photoImage(fingerprint: ImageFingerprint): PhotoImage {
  return {
    url: `/api/images/${fingerprint.sha256}/display`,
    thumbnailUrl: `/api/images/${fingerprint.sha256}/thumbnail`,
    ...fingerprint,
  };
}

/**
 * A derived version of a stored photo. Versions missing from the storage (photos kept before
 * versions were derived at upload) are derived from the original now and kept for next time.
 */
export async function imageVersion(
  storage: MediaStorage,
  sha256: string,
  name: ImageVersion,
): Promise<Buffer> {
  const key = name === 'display' ? mediaKeys.display(sha256) : mediaKeys.thumbnail(sha256);
  const stored = await storage.get(key);
  if (stored) return stored;
  const original = await storage.get(mediaKeys.original(sha256));
  const mediaType = original && mediaTypeOf(original);
  if (!original || !mediaType || !(photoMediaTypes as readonly string[]).includes(mediaType))
    throw notFound(`no image ${sha256}`);
  const image = await openImage(original, mediaType as PhotoMediaType, 'the stored image', 'image');
  const derived = await version(image.pipeline(), name);
  await storage.put(key, derived);
  return derived;
}

/** The storage keys and bytes an upload writes: the original and its two derived versions. */
export const storedFiles = ({ fingerprint, original, display, thumbnail }: PreparedImage) => [
  { key: mediaKeys.original(fingerprint.sha256), bytes: original },
  { key: mediaKeys.display(fingerprint.sha256), bytes: display },
  { key: mediaKeys.thumbnail(fingerprint.sha256), bytes: thumbnail },
];

export const originalFile = ({
  fingerprint,
  original,
}: {
  fingerprint: ImageFingerprint;
  original: Buffer;
}) => ({
  key: mediaKeys.original(fingerprint.sha256),
  bytes: original,
});

/** The EXIF fields the photo rules read; the rest (GPS, maker notes, thumbnails) stays in the original. */
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
export async function readExif(
  bytes: Buffer,
  mediaType: PhotoMediaType | string = 'image/jpeg',
): Promise<Record<string, string | number> | null> {
  const source = mediaType === 'image/heic' ? heifExifBlock(bytes) : bytes;
  if (!source) return null;
  let tags: Record<string, unknown> | undefined;
  try {
    // A plain Uint8Array: exifr refuses a Buffer where the globals are a browser's (the UI tests).
    tags = await exifr.parse(new Uint8Array(source.buffer, source.byteOffset, source.byteLength), {
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
