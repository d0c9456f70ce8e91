import { useEffect, useState } from 'react';

export interface Position {
  status: 'locating' | 'located' | 'failed';
  point: [number, number] | null;
  /** Metres, from the device. */
  accuracy: number | null;
}

/** A coordinate to 7 decimals (about a centimetre), as the console sends points. */
export const roundCoordinate = (x: number) => Number(x.toFixed(7));

/** The device's position, once; 'failed' when there is no geolocation or the user refused it. */
export function usePosition(): Position {
  const [position, setPosition] = useState<Position>({ status: 'locating', point: null, accuracy: null });
  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setPosition({ status: 'failed', point: null, accuracy: null });
      return;
    }
    let live = true;
    navigator.geolocation.getCurrentPosition(
      (p) => live && setPosition({ status: 'located', point: [p.coords.longitude, p.coords.latitude], accuracy: p.coords.accuracy }),
      () => live && setPosition({ status: 'failed', point: null, accuracy: null }),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
    return () => {
      live = false;
    };
  }, []);
  return position;
}
