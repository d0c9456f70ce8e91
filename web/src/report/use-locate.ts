import { useEffect, useState } from 'react';
import type { LocateResult } from '../api/replies.ts';
import { ApiError, api } from '../api.ts';
import { roundCoordinate } from './use-position.ts';

/** Which grid a point is in; null while unknown; 'offline' without signal (the server places the report when it is sent). */
export function useLocate(point: [number, number] | null): LocateResult | 'offline' | null {
  const [result, setResult] = useState<LocateResult | 'offline' | null>(null);
  const lng = point?.[0];
  const lat = point?.[1];
  useEffect(() => {
    setResult(null);
    if (lng === undefined || lat === undefined) return;
    let live = true;
    api
      .GET('/api/territory/locate', { params: { query: { lng: roundCoordinate(lng), lat: roundCoordinate(lat) } } })
      .then((r) => live && setResult(r))
      .catch((err: unknown) => live && setResult(err instanceof ApiError ? { found: false } : 'offline'));
    return () => {
      live = false;
    };
  }, [lng, lat]);
  return result;
}
