import { useEffect, useState } from 'react';
import type { GridDetail, Outline } from '../api/replies.ts';
import { api } from '../api.ts';

/** A grid's outline and name for a small map; null while loading or when the caller may not read the grid. */
export function useGridOutline(code: string | null): { geometry: Outline | null; name: string | null } {
  const [grid, setGrid] = useState<GridDetail | null>(null);
  useEffect(() => {
    setGrid(null);
    if (!code) return;
    let live = true;
    // Only a backdrop: without it the point still shows, so a refusal is not worth an error message.
    api
      .GET('/api/territory/grids/{code}', { params: { path: { code } } })
      .then((g) => live && setGrid(g))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [code]);
  return { geometry: grid?.geometry ?? null, name: grid?.name ?? null };
}
