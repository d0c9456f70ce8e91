import { useEffect } from 'react';
import { api } from '../api.ts';

/** How often the points gathered are sent: a minute's walk, few requests on a weak signal. */
const SEND_EVERY_MS = 60_000;

/**
 * Records the track of the caller's patrol under way, only when the county keeps tracks (`tracked` came from the
 * server when it started). Positions are gathered while this screen is open and sent once a minute and on leaving.
 */
export function usePatrolTrack(patrol: { id: string; tracked: boolean; endedAt: string | null } | null | undefined) {
  const id = patrol && patrol.tracked && !patrol.endedAt ? patrol.id : null;
  useEffect(() => {
    if (!id || !('geolocation' in navigator)) return;
    let points: { at: string; lng: number; lat: number }[] = [];
    const send = () => {
      if (points.length === 0) return;
      const body = { points };
      points = [];
      api.POST('/api/patrols/{id}/points', { params: { path: { id } }, body }).catch(() => {
        points = [...body.points, ...points]; // no signal: tried again with the next batch
      });
    };
    const watch = navigator.geolocation.watchPosition(
      (p) => points.push({ at: new Date(p.timestamp).toISOString(), lng: p.coords.longitude, lat: p.coords.latitude }),
      () => {},
      { enableHighAccuracy: true, maximumAge: 30_000 },
    );
    const timer = setInterval(send, SEND_EVERY_MS);
    return () => {
      navigator.geolocation.clearWatch(watch);
      clearInterval(timer);
      send();
    };
  }, [id]);
}
