import { ApiError, invalid } from '../errors';
import type { MediaStorage } from '../storage';

/**
 * What every upload goes through before anything is stored: a file that is there, no larger than
 * its limit, and of an accepted kind judged by its first bytes (never by its name or the type the
 * client declares). Doctors' documents and photo pairs both come this way.
 */

export const sniffedTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
] as const;
export type SniffedType = (typeof sniffedTypes)[number];

/** HEIF major brands of still images coded with HEVC (what phones write) and of HEIF in general. */
const heicBrands = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const heifBrands = new Set(['mif1', 'msf1']);

/** What the bytes are, by their first bytes. */
export function mediaTypeOf(bytes: Uint8Array): SniffedType | null {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (offset: number, length: number) =>
    String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (ascii(0, 5) === '%PDF-') return 'application/pdf';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 4) === 'WEBP') return 'image/webp';
  if (ascii(4, 4) === 'ftyp') {
    const major = ascii(8, 4);
    const boxLength = (bytes[0] << 24) | (bytes[1] << 16) | (bytes[2] << 8) | bytes[3];
    const compatible = Array.from({ length: Math.max(0, (Math.min(boxLength, 64) - 16) / 4) }, (_, i) =>
      ascii(16 + i * 4, 4),
    );
    if (heicBrands.has(major)) return 'image/heic';
    if (heifBrands.has(major) && compatible.some((brand) => heicBrands.has(brand))) return 'image/heic';
  }
  return null;
}

const mebibytes = (bytes: number) => `${bytes / 1024 / 1024} MiB`;

/**
 * Checks one uploaded file and answers its type: 422 when it is missing or empty, 413 when it is
 * larger than `maxBytes`, 415 when its bytes are none of `accepted`.
 */
export function acceptUpload<T extends SniffedType>(
  file: Uint8Array | null,
  options: { field: string; what: string; maxBytes: number; accepted: readonly T[]; kinds: string },
): T {
  if (!file) {
    throw invalid(`the upload has no ${options.what}: send it in the field "${options.field}"`, [
      { path: options.field, message: 'required' },
    ]);
  }
  if (file.length === 0)
    throw invalid(`${options.what} is an empty file`, [{ path: options.field, message: 'empty' }]);
  if (file.length > options.maxBytes) {
    throw new ApiError(
      413,
      'payload_too_large',
      `${options.what} may be at most ${mebibytes(options.maxBytes)}`,
      [{ path: options.field, message: `${file.length} bytes` }],
    );
  }
  const type = mediaTypeOf(file);
  if (!type || !(options.accepted as readonly string[]).includes(type)) {
    throw new ApiError(415, 'unsupported_media_type', `${options.what} must be ${options.kinds}`, [
      { path: options.field, message: type ? `a ${type} file` : 'not a recognised file type' },
    ]);
  }
  return type as T;
}

/**
 * Writes files to the storage, then does `work` (the database transaction that refers to them).
 * Files are content-addressed, so one already stored stays as it is; when `work` fails, the
 * files this call added are removed again, and a refused upload leaves nothing behind.
 */
export async function keepFiles<T>(
  storage: MediaStorage,
  files: readonly { key: string; bytes: Uint8Array }[],
  work: () => Promise<T>,
): Promise<T> {
  const added: string[] = [];
  try {
    for (const file of files) if (await storage.put(file.key, file.bytes)) added.push(file.key);
    return await work();
  } catch (error) {
    await Promise.all(added.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  }
}
