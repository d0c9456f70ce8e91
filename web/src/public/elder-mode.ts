import { createContext, useCallback, useContext, useState } from 'react';

/** 长辈模式 is remembered on this device (no account to keep it on). */
const KEY = 'gezhi.public.elder';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage switched off: the standard page
  }
}

/** Elder mode on or off, and a setter that remembers the choice on the device. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(remembered);
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? '1' : '0');
    } catch {
      // private browsing may refuse storage: the mode holds for this visit
    }
  }, []);
  return [on, set];
}

export const ElderMode = createContext(false);
/** Whether the citizen chose 长辈模式: large text, fewer steps, labels that read as spoken. */
export const useElder = () => useContext(ElderMode);
