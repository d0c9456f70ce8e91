import fs from 'node:fs';
import path from 'node:path';

/**
 * Runs `work` while holding a lock directory (mkdir is atomic), so test files started in parallel do a shared
 * costly step one at a time and the later ones find it done. A lock left by a run killed midway is taken over
 * after `staleMs`.
 */
export async function withFileLock<T>(lock: string, work: () => Promise<T>, staleMs = 300_000): Promise<T> {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const since = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > staleMs) fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}
