import { ApiError, api, apiUpload } from '../../api.ts';
import { type OutboxReport, putReport, reportsOf } from './outbox-db.ts';

/** Tells the screens showing the outbox that an item changed. */
export const OUTBOX_CHANGED = 'gezhi:outbox-changed';
const changed = () => window.dispatchEvent(new Event(OUTBOX_CHANGED));

/**
 * A reply that will not change by sending again: the report itself is wrong (bad place, unknown item, out of
 * scope). No signal, a server error, a lapsed session or a rate limit leave the item waiting for the next pass.
 */
const isRefusal = (err: unknown): err is ApiError =>
  err instanceof ApiError && err.status >= 400 && err.status < 500 && ![401, 408, 429].includes(err.status);

const extension = (type: string) => (type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg');

/** Uploads the photos still on the device (each upload is keyed by its content, so a repeat is harmless). */
async function uploadPhotos(item: OutboxReport): Promise<OutboxReport> {
  if (item.photos.length === 0) return item;
  const keys = [...item.photoKeys];
  for (const [i, photo] of item.photos.entries()) {
    const form = new FormData();
    form.append('file', photo, `photo-${i + 1}.${extension(photo.type)}`);
    keys.push((await apiUpload('/api/files/photos', form)).key);
  }
  const uploaded = { ...item, photos: [], photoKeys: keys };
  await putReport(uploaded);
  return uploaded;
}

/** Sends one item; answers whether the pass may go on (false: no signal or no session, try later). */
async function sendOne(item: OutboxReport): Promise<boolean> {
  try {
    const ready = await uploadPhotos(item);
    const reply = await api.POST('/api/events', {
      body: { ...ready.body, photos: ready.photoKeys, idempotencyKey: ready.key },
    });
    await putReport({ ...ready, state: 'sent', reply, refusal: undefined });
    return true;
  } catch (err) {
    if (!isRefusal(err)) return false;
    // The refused item keeps its place and its reason; the rest of the outbox is still sent.
    const { code, message, details } = err.body;
    await putReport({ ...item, state: 'refused', refusal: { code, message, field: details[0]?.field } });
    return true;
  }
}

let running: Promise<void> | null = null;

/** One pass over the account's waiting items, oldest first; a second call while one runs joins it. */
export function syncOutbox(username: string): Promise<void> {
  running ??= (async () => {
    try {
      for (const item of await reportsOf(username)) {
        if (item.state !== 'waiting') continue;
        const goOn = await sendOne(item);
        changed();
        if (!goOn) break;
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Puts a new report in the outbox and tries to send it at once. */
export async function enqueueReport(item: Omit<OutboxReport, 'state' | 'photoKeys' | 'createdAt'>): Promise<OutboxReport> {
  const queued: OutboxReport = { ...item, state: 'waiting', photoKeys: [], createdAt: new Date().toISOString() };
  await putReport(queued);
  changed();
  const current = async () => (await reportsOf(item.username)).find((r) => r.key === item.key) ?? queued;
  await syncOutbox(item.username);
  // A pass already running when it was queued may have passed it by: one more try.
  if ((await current()).state === 'waiting') await syncOutbox(item.username);
  return current();
}
