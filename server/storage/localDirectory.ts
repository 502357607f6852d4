import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isMediaKey, type MediaStorage } from './storage';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException)?.code;

/**
 * Files in a directory, two levels of the hash deep (originals/ab/abcd...) so that no directory
 * grows past a few thousand entries. A file is written beside its place and renamed into it, so
 * a reader never sees half of one, and a crash leaves at most a stray temporary file.
 */
export class LocalDirectoryStorage implements MediaStorage {
  readonly kind = 'local directory';

  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!isMediaKey(key)) throw new Error(`not a media key: ${key.slice(0, 80)}`);
    const [folder, name] = key.split('/');
    return join(this.root, folder, name.slice(0, 2), name);
  }

  async put(key: string, bytes: Uint8Array): Promise<boolean> {
    const path = this.pathOf(key);
    if ((await this.get(key)) !== null) return false;
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
