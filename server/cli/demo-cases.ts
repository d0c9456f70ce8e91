import path from 'node:path';
import { buildApp } from '../app.ts';
import { loadDemoCases } from '../demo/index.ts';
import { createDiskFileStore } from '../files/index.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db.ts';

/**
 * The demo's few months of cases, driven through a second composition of the app on a clock the demo moves
 * through the past (as tests move theirs), so every deadline, light, warning and figure is the product's own.
 */
export async function loadDemoCasesOnClock(opts: { config: Config; database: Database; now: Date; count?: number }) {
  let now = opts.now;
  const clock: Clock = () => now;
  const files = createDiskFileStore(path.join(opts.config.dataDir, 'files'));
  const { app, services } = await buildApp({ config: { ...opts.config, logLevel: 'silent' }, database: opts.database, clock, files });
  try {
    return await loadDemoCases({
      db: opts.database.db,
      services,
      setNow: (at) => {
        now = at;
      },
      now: opts.now,
      putPhoto: (bytes) => files.put(bytes),
      count: opts.count,
    });
  } finally {
    await app.close();
  }
}
