/**
 * Case serials handed out in order, one counter statement for every report of a county and day that asks
 * while the one before is in flight (decision 0032): under load a county's reports share a statement instead
 * of queueing on the counter row one by one; alone, a report's statement starts at once. Each report gets its
 * own number of the batch; a failed statement fails the reports of its batch, and the next batch starts anew.
 */

import type { Db } from '../../platform/db.ts';
import { takeCaseSerials } from './events.store.ts';

interface Waiting {
  resolve(serial: number): void;
  reject(err: unknown): void;
}

export function createCaseSerials(db: Db) {
  const queues = new Map<string, Waiting[]>();

  async function drain(key: string, countyCode: string, day: string, waiting: Waiting[]) {
    while (waiting.length > 0) {
      const batch = waiting.splice(0);
      try {
        const last = await takeCaseSerials(db, countyCode, day, batch.length);
        for (const [i, w] of batch.entries()) w.resolve(last - batch.length + 1 + i);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    queues.delete(key);
  }

  /** The next serial of a county and China day (`YYYYMMDD`). */
  return function nextCaseSerial(countyCode: string, day: string): Promise<number> {
    const key = `${countyCode}:${day}`;
    return new Promise((resolve, reject) => {
      const waiting = queues.get(key);
      if (waiting) {
        waiting.push({ resolve, reject });
        return;
      }
      const started = [{ resolve, reject }];
      queues.set(key, started);
      void drain(key, countyCode, day, started);
    });
  };
}
