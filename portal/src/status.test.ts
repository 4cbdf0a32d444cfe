import { describe, expect, it } from 'vitest';
import type { DeviceState } from './model';
import { deviceStatus, OFFLINE_AFTER_MS } from './status';

const NOW = Date.parse('2026-11-24T10:00:00Z');

function state(overrides: Partial<DeviceState>): DeviceState {
  return {
    deviceId: 'truck-1',
    deviceType: 'VEHICLE',
    lastSeen: '2026-11-24T09:59:30Z',
    activeAlerts: [],
    metrics: {},
    updatedAt: '2026-11-24T09:59:30Z',
    ...overrides,
  };
}

describe('deviceStatus', () => {
  it('is alerting while an alert is active, whatever the speed', () => {
    expect(deviceStatus(state({ speedKph: 80, activeAlerts: ['OVERSPEED'] }), NOW)).toBe('alerting');
  });

  it('is offline when nothing arrived for longer than the offline limit', () => {
    const old = new Date(NOW - OFFLINE_AFTER_MS - 1000).toISOString();
    expect(deviceStatus(state({ speedKph: 50, lastSeen: old }), NOW)).toBe('offline');
  });

  it('is moving above walking pace and idle when standing', () => {
    expect(deviceStatus(state({ speedKph: 30 }), NOW)).toBe('moving');
    expect(deviceStatus(state({ speedKph: 0 }), NOW)).toBe('idle');
  });

  it('counts an energy site that produces as active', () => {
    expect(deviceStatus(state({ deviceType: 'INVERTER', pvPowerW: 1200 }), NOW)).toBe('moving');
    expect(deviceStatus(state({ deviceType: 'INVERTER', pvPowerW: 0 }), NOW)).toBe('idle');
  });
});
