import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallArgs, InitOf, PathOf, ReplyOf } from './api/paths.ts';
import { ApiError, api } from './api.ts';
import { useShowError } from './use-show-error.tsx';

interface Loaded<T> {
  data: T | null;
  loading: boolean;
  reload(): void;
}

/**
 * GETs `path` with its params, again when they change or on reload(); nothing while the path or the params are
 * null (what they need is not known yet). Errors are shown and leave data null.
 */
export function useApi<P extends PathOf<'get'>, Init extends InitOf<P, 'get'>>(
  path: P | null,
  ...init: CallArgs<Init> | [init: null]
): Loaded<ReplyOf<P, 'get', Init>> {
  const showError = useShowError();
  const [data, setData] = useState<ReplyOf<P, 'get', Init> | null>(null);
  const wanted = path !== null && init[0] !== null;
  const [loading, setLoading] = useState(wanted);
  const [version, setVersion] = useState(0);
  // Callers build the params afresh on each render: what they say, not which object, decides a new GET.
  const key = wanted ? JSON.stringify([path, init[0] ?? null]) : null;
  const latest = useRef(init);
  latest.current = init;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for path and params (read through latest), version for reload
  useEffect(() => {
    if (!wanted) {
      setData(null);
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    // The signature checked path and params against each other; the call itself needs no more.
    const get = api.GET as (path: string, init?: object) => Promise<ReplyOf<P, 'get', Init>>;
    get(path as string, latest.current[0] ?? undefined)
      .then((reply) => live && setData(reply))
      .catch((err: unknown) => {
        if (!live) return;
        setData(null);
        // Without signal every read fails at once: the phone's bar says so once, not a message per read.
        if (err instanceof ApiError || navigator.onLine) showError(err);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [key, version, showError]); // key stands for path and params

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, loading, reload };
}
