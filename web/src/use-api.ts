import { useCallback, useEffect, useState } from 'react';
import { api } from './api.ts';
import { useShowError } from './use-show-error.tsx';

interface Loaded<T> {
  data: T | null;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (nothing when null), again on reload(); errors are shown and leave data null. */
export function useApi<T>(path: string | null): Loaded<T> {
  const showError = useShowError();
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (path === null) {
      setData(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    api<T>(path)
      .then((reply) => live && setData(reply))
      .catch((err: unknown) => {
        if (!live) return;
        setData(null);
        showError(err);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, version, showError]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, reload };
}
