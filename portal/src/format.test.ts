import { describe, expect, it } from 'vitest';
import { ago, dateTime, detailValue, duration, escapeHtml, label, number, power } from './format';

describe('format', () => {
  it('shows alert details readably: positions as lat, lon and lists joined', () => {
    expect(detailValue({ lat: 52.536, lon: 13.42 })).toBe('52.53600, 13.42000');
    expect(detailValue(['P0301', 'P0420'])).toBe('P0301, P0420');
    expect(detailValue(120)).toBe('120');
    expect(detailValue({ code: 7 })).toBe('{"code":7}');
    expect(detailValue(null)).toBe('—');
  });

  it('shows numbers with a unit and a dash for missing values', () => {
    expect(number(87.456, 1, 'km/h')).toBe('87.5 km/h');
    expect(number(1234567)).toBe('1,234,567');
    expect(number(undefined, 0, '%')).toBe('—');
    expect(number(null)).toBe('—');
  });

  it('switches to kW from 1000 W', () => {
    expect(power(950)).toBe('950 W');
    expect(power(4200)).toBe('4.2 kW');
    expect(power(-1500)).toBe('-1.5 kW');
  });

  it('shows times in UTC and relative ages', () => {
    expect(dateTime('2026-11-24T10:15:30.123Z')).toBe('2026-11-24 10:15:30 UTC');
    expect(dateTime('not a date')).toBe('—');
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(ago('2026-11-24T09:59:40Z', now)).toBe('just now');
    expect(ago('2026-11-24T09:55:00Z', now)).toBe('5 min ago');
    expect(ago('2026-11-24T07:00:00Z', now)).toBe('3 h ago');
    expect(ago('2026-11-20T10:00:00Z', now)).toBe('4 d ago');
    expect(ago(null, now)).toBe('never');
  });

  it('formats durations and constants', () => {
    expect(duration('2026-11-24T10:00:00Z', '2026-11-24T10:42:00Z')).toBe('42 min');
    expect(duration('2026-11-24T10:00:00Z', '2026-11-24T12:05:00Z')).toBe('2 h 5 min');
    expect(label('GEOFENCE_ENTER')).toBe('Geofence enter');
  });

  it('escapes HTML', () => {
    expect(escapeHtml('<img src=x onerror="a">&\'')).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });
});
