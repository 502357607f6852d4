/**
 * Where uploaded bytes live: photo originals and the versions derived from them, and doctors'
 * credential documents. Everything is content-addressed (the key holds the SHA-256 of the
 * original), so writing the same bytes twice stores them once and a key never changes meaning.
 * Adapters: a directory under DATA_DIR (the default), the database (several instances sharing one
 * PostgreSQL and no shared disk), and any S3-compatible bucket would fit the same four methods.
 */
export interface MediaStorage {
  /** What holds the bytes, for logs and the health check. */
  readonly kind: string;
  /** Keeps the bytes under `key`; answers false when the key already held them. */
  put(key: string, bytes: Uint8Array): Promise<boolean>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;

const check = (sha256: string) => {
  if (!sha256Pattern.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
  return sha256;
};

/** The only keys Verity writes, so an adapter can trust a key to be a safe relative path. */
export const mediaKeys = {
  original: (sha256: string) => `originals/${check(sha256)}`,
  display: (sha256: string) => `display/${check(sha256)}.webp`,
  thumbnail: (sha256: string) => `thumbnails/${check(sha256)}.webp`,
  document: (sha256: string) => `documents/${check(sha256)}`,
};

export const isMediaKey = (key: string) =>
  /^(originals|documents)\/[0-9a-f]{64}$|^(display|thumbnails)\/[0-9a-f]{64}\.webp$/.test(key);
