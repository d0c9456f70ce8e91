import { useEffect, useState } from 'react';
import type { AreaRef, Outline } from '../api/replies.ts';
import { api } from '../api.ts';

/** The outline of the user's own grid or area: the backdrop of the tap-on-the-map fallback. */
export function useHomeOutline(area: AreaRef | undefined): Outline | null {
  const [geometry, setGeometry] = useState<Outline | null>(null);
  const code = area?.code;
  const isGrid = area?.level === 'grid';
  useEffect(() => {
    if (!code) return;
    let live = true;
    const params = { path: { code } };
    (isGrid ? api.GET('/api/territory/grids/{code}', { params }) : api.GET('/api/territory/areas/{code}', { params }))
      .then((a) => live && setGeometry(a.geometry))
      .catch(() => {}); // a backdrop only
    return () => {
      live = false;
    };
  }, [code, isGrid]);
  return geometry;
}
