/**
 * Imports run as jobs so that a large file shows its progress: the upload answers at once with the job's id
 * and the console asks for the counts while the rows are written.
 *
 * The registry is kept in this server's memory, deliberately: with several servers behind a balancer the
 * progress is only answered by the server that runs the import (the balancer must keep a user on one server,
 * or the console sees "no such import"), and a restart forgets every job, a running one included. Nothing is
 * lost by that: rows are written in batches of their own transactions and matched on their natural keys, so
 * the user simply imports the same file again and the rows already written come back "unchanged".
 */
import crypto from 'node:crypto';
import type { ErrorCode } from '../../../shared/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import type { ImportProgress } from './registry-import.service.ts';

export type ImportJobState = 'running' | 'done' | 'failed';

export interface ImportJobOutcome {
  counts: ImportProgress;
  /** FileStore key of the Excel report of refused rows; null when no row was refused. */
  reportKey: string | null;
}

export interface ImportJobWork {
  template: string;
  /** How far through the file the reading is, 0–1 (bytes read of the stored upload). */
  fraction(): number;
  run(onProgress: (p: ImportProgress) => void): Promise<ImportJobOutcome>;
}

interface Job {
  id: string;
  ownerId: string;
  template: string;
  state: ImportJobState;
  counts: ImportProgress;
  startedAt: Date;
  finishedAt: Date | null;
  reportKey: string | null;
  failure: ErrorCode | null;
  fraction(): number;
  settled: Promise<void>;
}

/** A finished job is kept this long for its owner to read the outcome and fetch the report. */
const KEEP_FINISHED_MS = 24 * 3600_000;

export function createImportJobs({ clock, onFailure }: { clock: Clock; onFailure?: (err: unknown) => void }) {
  const jobs = new Map<string, Job>();

  const forget = () => {
    const before = clock().getTime() - KEEP_FINISHED_MS;
    for (const [id, job] of jobs) if (job.finishedAt && job.finishedAt.getTime() < before) jobs.delete(id);
  };

  const view = (job: Job) => ({
    id: job.id,
    template: job.template,
    state: job.state,
    ...job.counts,
    // Reading the file is the whole of the work, so bytes read is the share done; 100 only once finished.
    percent: job.state === 'running' ? Math.min(99, Math.floor(job.fraction() * 100)) : 100,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    reportReady: job.reportKey !== null,
    failure: job.failure,
  });

  /** A job only its owner sees; anyone else gets the same 404 as for an id that never existed. */
  const owned = (ownerId: string, id: string) => {
    const job = jobs.get(id);
    if (!job || job.ownerId !== ownerId) throw new AppError('registry.import_not_found');
    return job;
  };

  return {
    start(ownerId: string, work: ImportJobWork) {
      forget();
      const job: Job = {
        // 122 random bits: the id is the handle to the job and is not guessable.
        id: crypto.randomUUID(),
        ownerId,
        template: work.template,
        state: 'running',
        counts: { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
        startedAt: clock(),
        finishedAt: null,
        reportKey: null,
        failure: null,
        fraction: work.fraction,
        settled: Promise.resolve(),
      };
      jobs.set(job.id, job);
      job.settled = work
        .run((p) => (job.counts = { ...p }))
        .then(
          (outcome) => {
            Object.assign(job, { counts: outcome.counts, reportKey: outcome.reportKey, state: 'done' });
          },
          (err: unknown) => {
            // The batches written so far stay; the message tells the user to import the same file again.
            job.state = 'failed';
            job.failure = err instanceof AppError ? err.code : 'registry.import_failed';
            if (!(err instanceof AppError)) onFailure?.(err);
          },
        )
        .finally(() => {
          job.finishedAt = clock();
        });
      return view(job);
    },

    progress(ownerId: string, id: string) {
      return view(owned(ownerId, id));
    },

    /** The report's FileStore key, once the job is done. */
    reportKey(ownerId: string, id: string): string {
      const job = owned(ownerId, id);
      if (job.state === 'running') throw new AppError('registry.import_running');
      if (!job.reportKey) throw new AppError('file.not_found');
      return job.reportKey;
    },

    /** Waits for the running jobs, so a server shutting down does not close the database under them. */
    async settle() {
      await Promise.all([...jobs.values()].map((j) => j.settled));
    },
  };
}

export type ImportJobs = ReturnType<typeof createImportJobs>;
export type ImportJobView = ReturnType<ReturnType<typeof createImportJobs>['progress']>;
