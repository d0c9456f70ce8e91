/**
 * The outbox's store on the device: one IndexedDB object store of reports keyed by their idempotency key, so a
 * report made without signal survives a closed tab and is sent exactly once when the signal returns.
 */
import type { BodyOf, ReportReply } from '../../api/replies.ts';

const DB_NAME = 'gezhi-outbox';
const STORE = 'reports';

/** waiting: not yet accepted (no signal, or the server was busy); sent: filed; refused: the server said why not. */
export type OutboxState = 'waiting' | 'sent' | 'refused';

export interface OutboxReport {
  /** The idempotency key: a resend of the same item is the same case. */
  key: string;
  /** Whose report it is: the outbox of one account is not sent as another. */
  username: string;
  createdAt: string;
  state: OutboxState;
  /** The report as the server takes it, but for the photos (on the device until sent) and the key (above). */
  body: Omit<BodyOf<'/api/events', 'post'>, 'photos' | 'idempotencyKey'>;
  /** Photos taken offline, uploaded before the report; their server keys once uploaded. */
  photos: Blob[];
  photoKeys: string[];
  reply?: ReportReply;
  /** Why the server refused it, in the user's language, and the field it names. */
  refusal?: { code: string; message: string; field?: string };
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'key' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const putReport = (item: OutboxReport) => run('readwrite', (s) => s.put(item)).then(() => undefined);
export const removeReport = (key: string) => run('readwrite', (s) => s.delete(key)).then(() => undefined);

/** One account's items, oldest first. */
export async function reportsOf(username: string): Promise<OutboxReport[]> {
  const all = await run<OutboxReport[]>('readonly', (s) => s.getAll());
  return all.filter((r) => r.username === username).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
