import { useAuth } from '../auth/auth-context.tsx';
import { useApi } from '../use-api.ts';

/** The counties whose rewards the caller reads: their own county, or the counties of the city they are bound to. */
export function useCounties() {
  const { me } = useAuth();
  const areas = me?.areas ?? [];
  const city = areas.find((a) => a.level === 'city')?.code ?? null;
  const children = useApi('/api/territory/areas/{code}/children', city ? { params: { path: { code: city } } } : null);
  const counties = [...areas.filter((a) => a.level === 'county'), ...(children.data?.items ?? []).filter((a) => a.level === 'county')];
  const options = counties.map((a) => ({ value: a.code, label: `${a.name} ${a.code}` }));
  return { first: options[0]?.value, options };
}
