import { useCallback, useEffect, useState } from 'react';
import { useAuth } from '../../auth/auth-context.tsx';
import { type OutboxReport, removeReport, reportsOf } from './outbox-db.ts';
import { OUTBOX_CHANGED, syncOutbox } from './outbox-sync.ts';

/** While something waits, the outbox tries again this often (the `online` event is not fired on every network). */
const RETRY_MS = 30_000;

/** The signed-in user's outbox, kept current; sends what waits when the signal returns. */
export function useOutbox() {
  const { me } = useAuth();
  const username = me?.username ?? '';
  const [items, setItems] = useState<OutboxReport[]>([]);

  const reload = useCallback(() => {
    if (username) void reportsOf(username).then(setItems);
  }, [username]);

  useEffect(() => {
    if (!username) return;
    const sync = () => void syncOutbox(username);
    reload();
    sync();
    const timer = setInterval(sync, RETRY_MS);
    window.addEventListener(OUTBOX_CHANGED, reload);
    window.addEventListener('online', sync);
    return () => {
      clearInterval(timer);
      window.removeEventListener(OUTBOX_CHANGED, reload);
      window.removeEventListener('online', sync);
    };
  }, [username, reload]);

  const remove = useCallback(async (key: string) => {
    await removeReport(key);
    window.dispatchEvent(new Event(OUTBOX_CHANGED));
  }, []);

  return { items, remove, sync: () => syncOutbox(username) };
}
