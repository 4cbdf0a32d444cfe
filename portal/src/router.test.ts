import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './router';

describe('router', () => {
  it('opens the map by default', () => {
    expect(parseRoute('')).toEqual({ page: 'map', params: {} });
    expect(parseRoute('#/')).toEqual({ page: 'map', params: {} });
  });

  it('reads a page, an id and the query', () => {
    expect(parseRoute('#/alerts/a%2F1')).toEqual({ page: 'alerts', id: 'a/1', params: {} });
    expect(parseRoute('#/devices?q=truck&page=2')).toEqual({ page: 'devices', params: { q: 'truck', page: '2' } });
  });

  it('answers not-found for unknown pages', () => {
    expect(parseRoute('#/nowhere').page).toBe('not-found');
  });

  it('builds hashes that parse back, leaving out empty parameters', () => {
    const hash = routeHash('devices', undefined, { q: 'van 7', type: '', page: 1 });
    expect(hash).toBe('#/devices?q=van+7&page=1');
    expect(parseRoute(hash).params).toEqual({ q: 'van 7', page: '1' });
    expect(routeHash('alerts', 'x y')).toBe('#/alerts/x%20y');
  });
});
