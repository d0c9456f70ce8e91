import { useCallback, useEffect, useRef } from 'react';
import type { EntryKind } from '../../../shared/field-settings.ts';
import { ApiError, api } from '../api.ts';

/** Entry times not yet on the server (no signal when the entry was made): sent with the next one. */
const PENDING = 'gezhi:entry-times';

interface EntryTime {
  kind: EntryKind;
  key: string;
  openedAt: string;
  submittedAt: string;
}

const read = (): EntryTime[] => {
  try {
    return JSON.parse(localStorage.getItem(PENDING) ?? '[]') as EntryTime[];
  } catch {
    return [];
  }
};

/** Sends what waits, oldest first; an entry time the server refuses is dropped, one without signal waits. */
async function sendPending(): Promise<void> {
  const left: EntryTime[] = [];
  for (const e of read()) {
    try {
      await api.POST('/api/burden/entries', { body: e });
    } catch (err) {
      if (!(err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401)) left.push(e);
    }
  }
  localStorage.setItem(PENDING, JSON.stringify(left));
}

/**
 * Measures one form: from when it opened (or the last entry was submitted) to each submission, kept per entry by its
 * key. What the worker sees as "this week's entries took…" on the home; never a score. A form that stays mounted
 * while closed (a drawer) passes `open`, and the clock starts when it opens.
 */
export function useEntryTimer(kind: EntryKind, open = true) {
  const opened = useRef(new Date());
  useEffect(() => {
    if (open) opened.current = new Date();
  }, [open]);
  return useCallback(
    (key: string) => {
      const entry = { kind, key, openedAt: opened.current.toISOString(), submittedAt: new Date().toISOString() };
      opened.current = new Date();
      localStorage.setItem(PENDING, JSON.stringify([...read(), entry]));
      void sendPending();
    },
    [kind],
  );
}
