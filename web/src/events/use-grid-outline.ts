import type { Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { GridDetail } from '../types.ts';

/** A grid's outline and name for a small map; null while loading or when the caller may not read the grid. */
export function useGridOutline(code: string | null): { geometry: Geometry | null; name: string | null } {
  const [grid, setGrid] = useState<GridDetail | null>(null);
  useEffect(() => {
    setGrid(null);
    if (!code) return;
    let live = true;
    // Only a backdrop: without it the point still shows, so a refusal is not worth an error message.
    api<GridDetail>(`/api/territory/grids/${encodeURIComponent(code)}`)
      .then((g) => live && setGrid(g))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [code]);
  return { geometry: grid?.geometry ?? null, name: grid?.name ?? null };
}
