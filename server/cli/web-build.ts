import fs from 'node:fs';
import path from 'node:path';
import { webDist } from '../app.ts';

const webRoot = path.resolve(webDist, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web console when web/dist is missing or older than its sources, so `npm start` serves the current UI. */
export async function ensureWebBuilt(log: (s: string) => void): Promise<void> {
  const index = path.join(webDist, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(webRoot, 'src')),
    fs.statSync(path.join(webRoot, 'index.html')).mtimeMs,
    newestMtime(path.resolve(webRoot, '../shared')),
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  log('building the web console (first start, or its sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(webRoot, 'vite.config.ts'), logLevel: 'warn' });
}
