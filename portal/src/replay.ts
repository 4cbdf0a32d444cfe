// Route replay: where a trip's vehicle was at a fraction of the trip. The route's points are spread over
// the trip by distance (the trip record has positions, not times), so the replay moves at an even speed.
import type { GeoPoint } from './model';

const EARTH_RADIUS_M = 6_371_000;

export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const toRad = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export class RouteReplay {
  private readonly cumulative: number[];

  constructor(private readonly route: GeoPoint[]) {
    this.cumulative = [0];
    for (let i = 1; i < route.length; i++) {
      this.cumulative.push(this.cumulative[i - 1] + distanceM(route[i - 1], route[i]));
    }
  }

  get lengthM(): number {
    return this.cumulative[this.cumulative.length - 1] ?? 0;
  }

  /** The position at {@code fraction} (0..1, clamped) of the route's length; undefined for an empty route. */
  at(fraction: number): GeoPoint | undefined {
    if (this.route.length === 0) {
      return undefined;
    }
    const clamped = Math.min(1, Math.max(0, fraction));
    const target = clamped * this.lengthM;
    if (this.lengthM === 0 || clamped === 0) {
      return this.route[0];
    }
    let i = 1;
    while (i < this.cumulative.length - 1 && this.cumulative[i] < target) {
      i++;
    }
    const start = this.cumulative[i - 1];
    const segment = this.cumulative[i] - start;
    const t = segment === 0 ? 0 : (target - start) / segment;
    const a = this.route[i - 1];
    const b = this.route[i];
    return { lat: a.lat + (b.lat - a.lat) * t, lon: a.lon + (b.lon - a.lon) * t };
  }
}
