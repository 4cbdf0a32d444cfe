// The latest state of every visible device, fed by the initial load and the live stream. Older updates
// (by updatedAt) never replace newer ones, so a late snapshot cannot move a marker back in time.
import type { DeviceState } from './model';

export type Listener = (state: DeviceState) => void;

export class DeviceStateStore {
  private readonly states = new Map<string, DeviceState>();

  private readonly listeners = new Set<Listener>();

  /** Applies an update; returns whether it was newer than what the store held. */
  put(state: DeviceState): boolean {
    const current = this.states.get(state.deviceId);
    if (current && Date.parse(current.updatedAt) > Date.parse(state.updatedAt)) {
      return false;
    }
    this.states.set(state.deviceId, state);
    this.listeners.forEach((listener) => listener(state));
    return true;
  }

  get(deviceId: string): DeviceState | undefined {
    return this.states.get(deviceId);
  }

  all(): DeviceState[] {
    return [...this.states.values()].sort((a, b) => a.deviceId.localeCompare(b.deviceId));
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.states.clear();
  }
}
