import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase } from '../server/platform/db.ts';

const name = 'gezhi_fig_dev';
const url = `postgres://postgres@127.0.0.1:5432/${name}`;
const database = await openDatabase({ url, dataDir: null });
const q = async (label: string, text: string) => {
  const t0 = performance.now();
  const r = await database.db.execute(sql.raw(`explain (analyze, buffers) ${text}`));
  const ms = performance.now() - t0;
  console.log(`--- ${label}: ${ms.toFixed(1)} ms`);
  for (const row of (r as any).rows ?? r) console.log((row as any)['QUERY PLAN']);
};
const arg = process.argv[2];
await q('arg', arg);
await database.close();
