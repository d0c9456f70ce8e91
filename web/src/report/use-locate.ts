import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { LocateResult } from '../types.ts';

/** Which grid a point is in; null while unknown. */
export function useLocate(point: [number, number] | null): LocateResult | null {
  const [result, setResult] = useState<LocateResult | null>(null);
  const lng = point?.[0];
  const lat = point?.[1];
  useEffect(() => {
    setResult(null);
    if (lng === undefined || lat === undefined) return;
    let live = true;
    api<LocateResult>(`/api/territory/locate?${new URLSearchParams({ lng: lng.toFixed(7), lat: lat.toFixed(7) })}`)
      .then((r) => live && setResult(r))
      .catch(() => live && setResult({ found: false }));
    return () => {
      live = false;
    };
  }, [lng, lat]);
  return result;
}
