import { useMemo } from 'react';
import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';

/** The departments the caller may see (dispatch targets), and a code → name lookup; empty without org.read. */
export function useDepartments() {
  const { can } = useAuth();
  const { data, loading } = useApi(can('org.read') ? '/api/org/departments' : null);
  return useMemo(() => {
    const items = data?.items ?? [];
    const names = new Map(items.map((d) => [d.code, d.name]));
    return { items, loading, unitName: (code: string) => names.get(code) ?? code };
  }, [data, loading]);
}
