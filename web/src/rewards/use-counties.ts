import { useAuth } from '../auth/auth-context.tsx';

/** The counties whose rewards the caller reads: their own, or (a city centre) none until one is typed in the box. */
export function useCounties() {
  const { me } = useAuth();
  const options = (me?.areas ?? []).filter((a) => a.level === 'county').map((a) => ({ value: a.code, label: `${a.name} ${a.code}` }));
  return { first: options[0]?.value, options };
}
