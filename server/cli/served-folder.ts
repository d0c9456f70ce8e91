/**
 * PGlite is one process: while `gezhi start` serves the embedded database, its data folder names the process
 * (`server.pid`), and a command that would open the same database (backup, restore, key rotation) is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import { CommandRefused } from './command-refused.ts';

export const serverPidFile = (dataDir: string) => path.join(dataDir, 'server.pid');

/** Names this process in the data folder; answers the function that removes the name again. */
export function markServing(dataDir: string): () => void {
  const file = serverPidFile(dataDir);
  fs.writeFileSync(file, String(process.pid));
  return () => fs.rmSync(file, { force: true });
}

/** Throws when a live server serves the embedded database of this folder (a file left by a killed one is ignored). */
export function refuseServedFolder(config: Config) {
  if (config.databaseUrl) return;
  const pidFile = serverPidFile(config.dataDir);
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
  } catch {
    return;
  }
  throw new CommandRefused(
    `a server (process ${pid}) is running on ${config.dataDir}: the embedded database is one process, stop the server first`,
  );
}
