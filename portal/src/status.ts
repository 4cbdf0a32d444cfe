// A device's status on the map, from its latest state.
import type { DeviceState } from './model';

export type DeviceStatus = 'alerting' | 'offline' | 'moving' | 'idle';

/** No telemetry for this long: offline. */
export const OFFLINE_AFTER_MS = 10 * 60 * 1000;

/** Above this speed a vehicle is moving. */
export const MOVING_KPH = 2;

export function deviceStatus(state: DeviceState, now: number = Date.now()): DeviceStatus {
  if (state.activeAlerts && state.activeAlerts.length > 0) {
    return 'alerting';
  }
  const lastSeen = Date.parse(state.lastSeen);
  if (Number.isNaN(lastSeen) || now - lastSeen > OFFLINE_AFTER_MS) {
    return 'offline';
  }
  if ((state.speedKph ?? 0) > MOVING_KPH) {
    return 'moving';
  }
  if (state.deviceType !== 'VEHICLE' && (state.pvPowerW ?? 0) > 0) {
    return 'moving';
  }
  return 'idle';
}

export const STATUS_LABEL: Record<DeviceStatus, string> = {
  alerting: 'Alerting',
  offline: 'Offline',
  moving: 'Moving / producing',
  idle: 'Idle',
};

/** Colours with at least 3:1 contrast against the map's light background. */
export const STATUS_COLOUR: Record<DeviceStatus, string> = {
  alerting: '#c62828',
  offline: '#616161',
  moving: '#1b7d32',
  idle: '#b26a00',
};
