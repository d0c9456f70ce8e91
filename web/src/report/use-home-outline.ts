import type { Geometry } from 'geojson';
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import type { AreaDetail, AreaRef, GridDetail } from '../types.ts';

/** The outline of the user's own grid or area: the backdrop of the tap-on-the-map fallback. */
export function useHomeOutline(area: AreaRef | undefined): Geometry | null {
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  const code = area?.code;
  const isGrid = area?.level === 'grid';
  useEffect(() => {
    if (!code) return;
    let live = true;
    const path = isGrid ? `/api/territory/grids/${encodeURIComponent(code)}` : `/api/territory/areas/${encodeURIComponent(code)}`;
    api<GridDetail | AreaDetail>(path)
      .then((a) => live && setGeometry(a.geometry))
      .catch(() => {}); // a backdrop only
    return () => {
      live = false;
    };
  }, [code, isGrid]);
  return geometry;
}
