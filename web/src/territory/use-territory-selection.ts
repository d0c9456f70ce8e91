import { useCallback } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/** The area shown on the map and the selected grid, kept in the URL so a view can be reloaded or shared. */
export function useTerritorySelection() {
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const areaCode = params.get('area');
  const gridCode = params.get('grid');

  const update = useCallback(
    (change: (area: string | null, grid: string | null) => { area: string | null; grid: string | null }, replace = false) => {
      // Navigations are transitions: while the next page loads this one stays mounted, and the browser is already
      // elsewhere. Writing this page's URL then (the first area, once loaded) would take the user back here.
      if (window.location.pathname !== pathname) return;
      setParams(
        (prev) => {
          const next = change(prev.get('area'), prev.get('grid'));
          const out = new URLSearchParams();
          if (next.area) out.set('area', next.area);
          if (next.grid) out.set('grid', next.grid);
          return out;
        },
        { replace },
      );
    },
    [setParams, pathname],
  );

  const openArea = useCallback((code: string) => update(() => ({ area: code, grid: null })), [update]);
  const selectGrid = useCallback((code: string) => update((area) => ({ area, grid: code })), [update]);
  /** Moves the map to `fallback` unless the shown area already contains the grid (its ancestors hold the area). */
  const showGridArea = useCallback(
    (ancestors: string[], fallback: string | null) =>
      update((area, grid) => ({ area: area && ancestors.includes(area) ? area : fallback, grid }), true),
    [update],
  );

  return { areaCode, gridCode, openArea, selectGrid, showGridArea, update };
}
