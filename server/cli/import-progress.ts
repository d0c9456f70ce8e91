import type { ImportProgress } from '../registry/index.ts';

/**
 * Progress lines of an import at the console: at most one a second, each with the rate so far. On a terminal
 * the line is rewritten in place; into a file or a pipe (a log) every line is kept.
 */
export function importProgressLines(write: (s: string) => void, opts: { tty: boolean; now?: () => number; everyMs?: number }) {
  const now = opts.now ?? Date.now;
  const everyMs = opts.everyMs ?? 1000;
  const started = now();
  // The first batch is shown at once, so even a short import shows that it moves.
  let last = -Infinity;
  const rate = (p: ImportProgress) => Math.round(p.read / Math.max((now() - started) / 1000, 0.001));
  const line = (p: ImportProgress) =>
    `read ${p.read}  imported ${p.created + p.updated} (created ${p.created}, updated ${p.updated})  unchanged ${p.unchanged}  refused ${p.rejected}  ${rate(p)} rows/s`;

  return {
    update(p: ImportProgress) {
      if (now() - last < everyMs) return;
      last = now();
      write(opts.tty ? `\r  ${line(p)}` : `  ${line(p)}\n`);
    },
    /** The summary once the file is through. */
    summary(p: ImportProgress) {
      if (opts.tty) write('\n');
      return `${line(p)} in ${((now() - started) / 1000).toFixed(1)} s`;
    },
  };
}
