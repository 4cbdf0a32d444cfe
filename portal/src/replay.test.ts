import { describe, expect, it } from 'vitest';
import { distanceM, RouteReplay } from './replay';

describe('RouteReplay', () => {
  const route = [
    { lat: 52.0, lon: 13.0 },
    { lat: 52.0, lon: 13.1 },
    { lat: 52.0, lon: 13.3 },
  ];

  it('measures the route along its points', () => {
    const replay = new RouteReplay(route);
    expect(replay.lengthM).toBeCloseTo(distanceM(route[0], route[2]), 0);
    expect(distanceM({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111_195, -2);
  });

  it('moves at an even speed by distance, not by point count', () => {
    const replay = new RouteReplay(route);
    expect(replay.at(0)).toEqual(route[0]);
    expect(replay.at(1)!.lon).toBeCloseTo(13.3, 6);
    // The first segment is a third of the length: half-way is inside the second segment.
    expect(replay.at(0.5)!.lon).toBeCloseTo(13.15, 3);
    expect(replay.at(1 / 6)!.lon).toBeCloseTo(13.05, 3);
  });

  it('clamps fractions and copes with empty and single-point routes', () => {
    expect(new RouteReplay([]).at(0.5)).toBeUndefined();
    expect(new RouteReplay([route[0]]).at(0.7)).toEqual(route[0]);
    expect(new RouteReplay(route).at(2)!.lon).toBeCloseTo(13.3, 6);
    expect(new RouteReplay(route).at(-1)).toEqual(route[0]);
  });
});
