// Hash routes: #/map, #/devices, #/devices/{id}, #/alerts, #/alerts/{id}, #/geofences, #/energy, #/settings,
// #/admin, #/admin/{tab}. The query part (#/devices?q=x&page=2) carries list filters.

export interface Route {
  page: string;
  id?: string;
  params: Record<string, string>;
}

export const PAGES = ['map', 'devices', 'alerts', 'geofences', 'energy', 'settings', 'admin'] as const;

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path, queryText = ''] = text.split('?', 2);
  const parts = path.split('/').filter((part) => part.length > 0).map(decodeURIComponent);
  const params: Record<string, string> = {};
  new URLSearchParams(queryText).forEach((value, key) => {
    params[key] = value;
  });
  const page = parts[0] && (PAGES as readonly string[]).includes(parts[0]) ? parts[0] : parts.length === 0 ? 'map' : 'not-found';
  return parts[1] !== undefined ? { page, id: parts[1], params } : { page, params };
}

export function routeHash(page: string, id?: string, params: Record<string, string | number | undefined> = {}): string {
  let hash = `#/${page}`;
  if (id !== undefined) {
    hash += `/${encodeURIComponent(id)}`;
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `${hash}?${text}` : hash;
}
