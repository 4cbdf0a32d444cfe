import { describe, expect, it } from 'vitest';
import { pathData, scale } from './chart';
import { hasRole } from './context';
import type { Alert } from './model';
import { matches, upsert } from './pages/alerts';
import { geofenceBody } from './pages/geofences';
import { series } from './pages/devices';

function alert(alertId: string, version: number, ts: string, status: Alert['status'] = 'RAISED'): Alert {
  return { alertId, deviceId: 'truck-1', type: 'OVERSPEED', severity: 'WARNING', status, startedAt: ts, ts, version };
}

describe('roles', () => {
  it('follows the hierarchy ADMIN > FLEET_MANAGER > USER', () => {
    expect(hasRole(['ADMIN'], 'FLEET_MANAGER')).toBe(true);
    expect(hasRole(['FLEET_MANAGER'], 'USER')).toBe(true);
    expect(hasRole(['FLEET_MANAGER'], 'ADMIN')).toBe(false);
    expect(hasRole(['USER'], 'FLEET_MANAGER')).toBe(false);
    expect(hasRole(['OPERATOR'], 'USER')).toBe(false);
  });
});

describe('alerts inbox', () => {
  it('replaces an alert by a newer version and keeps the newest first', () => {
    let list = upsert([], alert('a', 1, '2026-11-24T10:00:00Z'));
    list = upsert(list, alert('b', 1, '2026-11-24T10:01:00Z'));
    list = upsert(list, alert('a', 2, '2026-11-24T10:02:00Z', 'ACKNOWLEDGED'));

    expect(list.map((a) => `${a.alertId}${a.version}`)).toEqual(['a2', 'b1']);
    expect(upsert(list, alert('a', 1, '2026-11-24T10:00:00Z'))[0].status).toBe('ACKNOWLEDGED');
  });

  it('applies the filters to live alerts', () => {
    expect(matches(alert('a', 1, '2026-11-24T10:00:00Z'), { severity: 'WARNING', status: '', type: '' })).toBe(true);
    expect(matches(alert('a', 1, '2026-11-24T10:00:00Z'), { severity: 'CRITICAL' })).toBe(false);
    expect(matches(alert('a', 1, '2026-11-24T10:00:00Z'), { type: 'OVERSPEED', status: 'RAISED' })).toBe(true);
  });
});

describe('geofence drawing', () => {
  it('closes a polygon ring in GeoJSON [lon, lat] order', () => {
    const body = geofenceBody('Depot', '30', 'polygon', [
      { lat: 52.0, lon: 13.0 },
      { lat: 52.1, lon: 13.0 },
      { lat: 52.1, lon: 13.1 },
    ]);
    expect(body).toEqual({
      name: 'Depot',
      geometry: { type: 'Polygon', coordinates: [[[13.0, 52.0], [13.0, 52.1], [13.1, 52.1], [13.0, 52.0]]] },
      speedLimitKph: 30,
    });
  });

  it('turns a centre and an edge point into a circle radius', () => {
    const body = geofenceBody('Yard', '', 'circle', [{ lat: 0, lon: 0 }, { lat: 0.001, lon: 0 }]);
    expect(body).toMatchObject({ name: 'Yard', center: { lat: 0, lon: 0 }, speedLimitKph: null });
    expect(body.radiusM).toBeCloseTo(111, 0);
  });
});

describe('charts', () => {
  it('draws a series left to right with the largest value on top', () => {
    const points = [{ t: 0, v: 10 }, { t: 50, v: 20 }, { t: 100, v: 15 }];
    expect(scale(points)).toEqual({ min: 10, max: 20 });
    expect(pathData(points, 100, 10)).toBe('M0.0,10.0 L50.0,0.0 L100.0,5.0');
  });

  it('builds a series from rollups, skipping windows without the value, in time order', () => {
    const rollups = [
      { windowStart: '2026-11-24T10:01:00Z', avgSpeedKph: 40 },
      { windowStart: '2026-11-24T10:00:00Z', avgSpeedKph: 30 },
      { windowStart: '2026-11-24T10:02:00Z', avgSpeedKph: null },
    ] as unknown as Parameters<typeof series>[0];
    expect(series(rollups, (r) => r.avgSpeedKph).map((p) => p.v)).toEqual([30, 40]);
  });
});
