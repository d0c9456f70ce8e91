import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { createImportJobs } from './import-jobs.ts';
import type { ImportProgress } from './registry-import.service.ts';

const counts = (read: number, rejected = 0): ImportProgress => ({ read, created: read - rejected, updated: 0, unchanged: 0, rejected });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return 'no error';
};

describe('import jobs', () => {
  it('shows the counts and the share of the file read while running, then the outcome; only to the owner', async () => {
    let now = new Date('2026-11-02T09:00:00Z');
    const jobs = createImportJobs({ clock: () => now });
    let release!: () => void;
    let report!: (p: ImportProgress) => void;
    let fraction = 0;
    const started = jobs.start('owner', {
      template: 'house',
      fraction: () => fraction,
      async run(onProgress) {
        report = onProgress;
        await new Promise<void>((resolve) => (release = resolve));
        return { counts: counts(2500, 2), reportKey: 'report-key' };
      },
    });
    expect(started).toMatchObject({ state: 'running', read: 0, percent: 0, reportReady: false, failure: null, finishedAt: null });

    report(counts(1000, 1));
    fraction = 0.42;
    expect(jobs.progress('owner', started.id)).toMatchObject({ state: 'running', read: 1000, rejected: 1, percent: 42 });
    expect(codeOf(() => jobs.reportKey('owner', started.id))).toBe('registry.import_running');
    expect(codeOf(() => jobs.progress('someone else', started.id))).toBe('registry.import_not_found');
    expect(codeOf(() => jobs.progress('owner', crypto.randomUUID()))).toBe('registry.import_not_found');

    fraction = 1; // read to the end, but not finished: never shown as 100 before it is done
    expect(jobs.progress('owner', started.id).percent).toBe(99);
    release();
    await jobs.settle();
    expect(jobs.progress('owner', started.id)).toMatchObject({ state: 'done', read: 2500, rejected: 2, percent: 100, reportReady: true });
    expect(jobs.reportKey('owner', started.id)).toBe('report-key');
    expect(codeOf(() => jobs.reportKey('someone else', started.id))).toBe('registry.import_not_found');

    // A finished job is forgotten a day later (when the next import starts).
    now = new Date(now.getTime() + 25 * 3600_000);
    jobs.start('owner', { template: 'house', fraction: () => 1, run: async () => ({ counts: counts(0), reportKey: null }) });
    expect(codeOf(() => jobs.progress('owner', started.id))).toBe('registry.import_not_found');
  });

  it('a failed import says why; an unexpected error is handed to the log, a known one is not', async () => {
    const logged: unknown[] = [];
    const jobs = createImportJobs({ clock: () => new Date(), onFailure: (e) => logged.push(e) });
    const crashed = jobs.start('owner', {
      template: 'person',
      fraction: () => 0.5,
      run: async () => {
        throw new Error('connection lost');
      },
    });
    const unreadable = jobs.start('owner', {
      template: 'person',
      fraction: () => 0.5,
      run: async () => {
        throw new AppError('registry.import_unreadable');
      },
    });
    const clean = jobs.start('owner', { template: 'person', fraction: () => 1, run: async () => ({ counts: counts(3), reportKey: null }) });
    await jobs.settle();
    expect(jobs.progress('owner', crashed.id)).toMatchObject({ state: 'failed', failure: 'registry.import_failed', percent: 100 });
    expect(jobs.progress('owner', unreadable.id)).toMatchObject({ state: 'failed', failure: 'registry.import_unreadable' });
    expect(logged.map((e) => (e as Error).message)).toEqual(['connection lost']);
    expect(codeOf(() => jobs.reportKey('owner', clean.id))).toBe('file.not_found');
    expect(jobs.progress('owner', clean.id)).toMatchObject({ state: 'done', reportReady: false });
  });
});
