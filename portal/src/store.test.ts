import { describe, expect, it } from 'vitest';
import type { DeviceState } from './model';
import { DeviceStateStore } from './store';

function state(deviceId: string, updatedAt: string, lat: number): DeviceState {
  return { deviceId, deviceType: 'VEHICLE', lastSeen: updatedAt, position: { lat, lon: 13 }, activeAlerts: [], metrics: {}, updatedAt };
}

describe('DeviceStateStore', () => {
  it('keeps the newest state per device and tells listeners', () => {
    const store = new DeviceStateStore();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.position!.lat));

    expect(store.put(state('a', '2026-11-24T10:00:00Z', 52.0))).toBe(true);
    expect(store.put(state('a', '2026-11-24T10:00:05Z', 52.1))).toBe(true);

    expect(store.get('a')!.position!.lat).toBe(52.1);
    expect(seen).toEqual([52.0, 52.1]);
  });

  it('ignores an update older than what it holds', () => {
    const store = new DeviceStateStore();
    store.put(state('a', '2026-11-24T10:00:05Z', 52.1));

    expect(store.put(state('a', '2026-11-24T10:00:00Z', 52.0))).toBe(false);
    expect(store.get('a')!.position!.lat).toBe(52.1);
  });

  it('lists devices sorted by id and stops notifying after unsubscribe', () => {
    const store = new DeviceStateStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.put(state('b', '2026-11-24T10:00:00Z', 1));
    unsubscribe();
    store.put(state('a', '2026-11-24T10:00:00Z', 2));

    expect(store.all().map((s) => s.deviceId)).toEqual(['a', 'b']);
    expect(calls).toBe(1);
  });
});
