import { describe, expect, it } from 'vitest';
import { importProgressLines } from './import-progress.ts';

const at = (read: number, rejected = 0) => ({ read, created: read - rejected, updated: 0, unchanged: 0, rejected });

describe('import progress lines', () => {
  it('shows the first batch at once, then at most a line a second, each with the rate so far', () => {
    let t = 0;
    const out: string[] = [];
    const lines = importProgressLines((s) => out.push(s), { tty: false, now: () => t });
    t = 500;
    lines.update(at(1000, 1));
    t = 900;
    lines.update(at(2000, 1)); // within the second: skipped
    t = 2000;
    lines.update(at(4000, 3));
    expect(out).toEqual([
      '  read 1000  imported 999 (created 999, updated 0)  unchanged 0  refused 1  2000 rows/s\n',
      '  read 4000  imported 3997 (created 3997, updated 0)  unchanged 0  refused 3  2000 rows/s\n',
    ]);
    t = 2500;
    expect(lines.summary(at(4500, 3))).toBe(
      'read 4500  imported 4497 (created 4497, updated 0)  unchanged 0  refused 3  1800 rows/s in 2.5 s',
    );
  });

  it('rewrites one line on a terminal and ends it before the summary', () => {
    const out: string[] = [];
    const lines = importProgressLines((s) => out.push(s), { tty: true, now: () => 1000 });
    lines.update(at(1000));
    lines.summary(at(1000));
    expect(out).toEqual(['\r  read 1000  imported 1000 (created 1000, updated 0)  unchanged 0  refused 0  1000000 rows/s', '\n']);
  });
});
