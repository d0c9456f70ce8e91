import { describe, expect, it } from 'vitest';
import { boxAround, distanceMeters } from './distance.core.ts';

describe('distance', () => {
  it('measures metres on the ground, and the box holds every point within the radius', () => {
    const a = { lng: 113.01, lat: 31.01 };
    expect(distanceMeters(a, { lng: 113.01, lat: 31.01 + 1 / 1000 })).toBeCloseTo(111.2, 0);
    expect(distanceMeters(a, { lng: 113.01 + 1 / 1000, lat: 31.01 })).toBeCloseTo(95.3, 0);
    const box = boxAround(a, 50);
    for (let deg = 0; deg < 360; deg += 15) {
      const r = (deg * Math.PI) / 180;
      const p = { lng: a.lng + (49.9 / 95_300) * Math.cos(r), lat: a.lat + (49.9 / 111_200) * Math.sin(r) }; // 1 m in degrees here
      expect(distanceMeters(a, p)).toBeLessThan(50);
      expect(p.lng >= box.minLng && p.lng <= box.maxLng && p.lat >= box.minLat && p.lat <= box.maxLat).toBe(true);
    }
  });
});
