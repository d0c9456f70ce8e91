import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';

/** The areas a figure may be read over: the caller's own, and the ones just below the first. */
export function useAreaOptions() {
  const { me } = useAuth();
  const roots = me?.areas ?? [];
  const children = useApi('/api/territory/areas/{code}/children', roots[0] ? { params: { path: { code: roots[0].code } } } : null);
  return {
    first: roots[0]?.code,
    options: [
      ...roots.map((a) => ({ value: a.code, label: a.name })),
      ...(children.data?.items ?? []).map((a) => ({ value: a.code, label: `— ${a.name}` })),
    ],
  };
}
