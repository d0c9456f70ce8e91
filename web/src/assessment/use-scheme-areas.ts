import { useAuth } from '../auth/auth-context.tsx';

/**
 * The cities and counties whose schemes and months the caller works with: their own (a county or city centre,
 * a leader), or the county above the township or village they are bound to.
 */
export function useSchemeAreas() {
  const { me } = useAuth();
  const seen = new Map<string, string>();
  for (const a of me?.areas ?? []) {
    if (a.level === 'city' || a.level === 'county') seen.set(a.code, a.name);
    else if (!seen.has(a.code.slice(0, 6))) seen.set(a.code.slice(0, 6), a.code.slice(0, 6));
  }
  const options = [...seen].map(([value, label]) => ({ value, label: label === value ? value : `${label} ${value}` }));
  return { first: options[0]?.value, options };
}
