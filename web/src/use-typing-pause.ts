import { useEffect, useState } from 'react';

const TYPING_PAUSE_MS = 300;

/** What was typed, trimmed, once the typing has paused: a search-as-you-type box asks the server only then. */
export function useTypingPause(typed: string): string {
  const [settled, setSettled] = useState(typed.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(typed.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return settled;
}
