// Display formatting: numbers with units, times, durations. Missing values show as an em dash.

const DASH = '—';

export function number(value: number | null | undefined, digits = 0, unit = ''): string {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return DASH;
  }
  const text = value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return unit ? `${text} ${unit}` : text;
}

export function power(watts: number | null | undefined): string {
  if (watts === null || watts === undefined) {
    return DASH;
  }
  return Math.abs(watts) >= 1000 ? number(watts / 1000, 1, 'kW') : number(watts, 0, 'W');
}

export function dateTime(iso: string | null | undefined): string {
  if (!iso) {
    return DASH;
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return DASH;
  }
  return date.toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
}

/** "just now", "5 min ago", "3 h ago", "2 d ago". */
export function ago(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) {
    return 'never';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return DASH;
  }
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) {
    return 'just now';
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ago`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ago`;
  }
  return `${Math.floor(hours / 24)} d ago`;
}

export function duration(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (Number.isNaN(ms) || ms < 0) {
    return DASH;
  }
  const minutes = Math.round(ms / 60000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** OVERSPEED → Overspeed, GEOFENCE_ENTER → Geofence enter. */
export function label(constant: string | null | undefined): string {
  if (!constant) {
    return DASH;
  }
  const text = constant.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.substring(1);
}

/** A value of an alert's details: a position as "lat, lon", a list joined, anything else as text. */
export function detailValue(value: unknown): string {
  if (value === null || value === undefined) {
    return DASH;
  }
  if (Array.isArray(value)) {
    return value.map(detailValue).join(', ');
  }
  if (typeof value === 'object') {
    const point = value as { lat?: unknown; lon?: unknown };
    if (typeof point.lat === 'number' && typeof point.lon === 'number') {
      return `${point.lat.toFixed(5)}, ${point.lon.toFixed(5)}`;
    }
    return JSON.stringify(value);
  }
  return String(value);
}

export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
