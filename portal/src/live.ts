// Live feeds over Server-Sent Events (the session cookie authenticates them): device states from
// stream-processor and alerts from notification-service. If the device-state stream is not available the
// portal polls instead, so the map stays live.
import { api } from './api';
import type { Context } from './context';
import type { Alert, Device, DeviceState, Page } from './model';

const POLL_MS = 5000;

export async function loadStates(context: Context): Promise<void> {
  try {
    const states = await api.get<DeviceState[]>('/api/v1/device-states');
    states.forEach((state) => context.states.put(state));
  } catch {
    // Older stream-processor without the list endpoint: one request per visible device.
    const devices = await api.get<Page<Device>>('/api/v1/devices?size=200');
    await Promise.all(
      devices.items.map((device) =>
        api
          .get<DeviceState>(`/api/v1/devices/${encodeURIComponent(device.id)}/state`)
          .then((state) => context.states.put(state))
          .catch(() => undefined),
      ),
    );
  }
}

export function startDeviceStream(context: Context): void {
  let opened = false;
  let poller: number | undefined;
  const source = new EventSource('/api/v1/device-states/stream');
  source.addEventListener('open', () => {
    opened = true;
  });
  source.addEventListener('state', (event) => {
    try {
      context.states.put(JSON.parse((event as MessageEvent<string>).data) as DeviceState);
    } catch {
      // ignore a malformed event
    }
  });
  source.addEventListener('error', () => {
    if (!opened && poller === undefined) {
      source.close();
      poller = window.setInterval(() => {
        loadStates(context).catch(() => undefined);
      }, POLL_MS);
    }
  });
}

export function startAlertStream(context: Context, onAny: (alert: Alert, transition: string) => void): void {
  const source = new EventSource('/api/v1/alerts/stream');
  source.addEventListener('alert', (event) => {
    try {
      const data = JSON.parse((event as MessageEvent<string>).data) as { transition: string; alert: Alert };
      onAny(data.alert, data.transition);
      context.alertListeners.forEach((listener) => listener(data.alert, data.transition));
    } catch {
      // ignore a malformed event
    }
  });
}
