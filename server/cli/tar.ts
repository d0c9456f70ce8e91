/**
 * The few regular files of a backup archive as a ustar tarball (POSIX.1-1988): a 512-byte header per file, its
 * bytes padded to 512, two empty blocks at the end. Reading checks each header's checksum, so a damaged archive is
 * refused by name rather than half read.
 */
const BLOCK = 512;

export interface TarEntry {
  name: string;
  data: Buffer;
}

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(BLOCK);
  const octal = (value: number, offset: number, length: number) =>
    h.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
  if (Buffer.byteLength(name) > 99) throw new RangeError(`tar: name too long: ${name}`);
  h.write(name, 0, 100, 'utf8');
  octal(0o600, 100, 8);
  octal(0, 108, 8);
  octal(0, 116, 8);
  octal(size, 124, 12);
  octal(Math.floor(mtime.getTime() / 1000), 136, 12);
  h.write('        ', 148, 8, 'ascii');
  h.write('0', 156, 1, 'ascii');
  h.write('ustar\u000000', 257, 8, 'ascii');
  octal(checksum(h), 148, 7);
  return h;
}

const checksum = (h: Buffer) => {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i];
  return sum;
};

export function writeTar(entries: TarEntry[], mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(header(e.name, e.data.length, mtime), e.data, Buffer.alloc((BLOCK - (e.data.length % BLOCK)) % BLOCK));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

/** The archive's files by name; throws TarError on a bad checksum, a truncated file or a missing end. */
export function readTar(tar: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (let at = 0; ; ) {
    if (at + BLOCK > tar.length) throw new TarError('the archive ends in the middle (truncated)');
    const h = tar.subarray(at, at + BLOCK);
    if (h.every((b) => b === 0)) return files;
    const field = (offset: number, length: number) => h.toString('utf8', offset, offset + length).replace(/\0.*$/s, '');
    if (Number.parseInt(field(148, 8).trim(), 8) !== checksum(h)) throw new TarError(`a header at byte ${at} is damaged (checksum)`);
    const size = Number.parseInt(field(124, 12).trim(), 8);
    const start = at + BLOCK;
    if (start + size > tar.length) throw new TarError(`${field(0, 100)} is cut short (truncated)`);
    if (field(156, 1) === '0' || field(156, 1) === '') files.set(field(0, 100), tar.subarray(start, start + size));
    at = start + Math.ceil(size / BLOCK) * BLOCK;
  }
}

export class TarError extends Error {}
