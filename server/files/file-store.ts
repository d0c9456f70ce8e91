import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where photos and other evidence are kept. The disk store is the working default; an S3-compatible one can replace it. */
export interface FileStore {
  /** Stores the bytes and returns their key (the SHA-256 of the content, so a retried upload stores nothing new). */
  put(bytes: Buffer): Promise<string>;
  /** The bytes under a key, or null when there are none. */
  get(key: string): Promise<Buffer | null>;
}

const KEY = /^[0-9a-f]{64}$/;

export function createDiskFileStore(root: string): FileStore {
  const fileOf = (key: string) => path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  return {
    async put(bytes) {
      const key = crypto.createHash('sha256').update(bytes).digest('hex');
      const file = fileOf(key);
      if (!fs.existsSync(file)) {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        const partial = `${file}.${process.pid}.part`;
        await fs.promises.writeFile(partial, bytes);
        await fs.promises.rename(partial, file); // never a half-written file under a key
      }
      return key;
    },
    async get(key) {
      if (!KEY.test(key)) return null;
      return fs.promises.readFile(fileOf(key)).catch(() => null);
    },
  };
}
