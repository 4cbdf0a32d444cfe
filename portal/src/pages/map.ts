// Fleet map: every device at its last known position, coloured by status, moving live.
import L from 'leaflet';
import type { Context } from '../context';
import { ago, escapeHtml, label, number, power } from '../format';
import { createMap, disposeMap } from '../map';
import type { DeviceState } from '../model';
import { routeHash } from '../router';
import { deviceStatus, STATUS_COLOUR, STATUS_LABEL, type DeviceStatus } from '../status';
import { page } from '../ui';

export function summary(state: DeviceState): string {
  const status = deviceStatus(state);
  const lines = [
    `<strong>${escapeHtml(state.deviceId)}</strong> <span class="status status-${status}">${STATUS_LABEL[status]}</span>`,
    `${label(state.deviceType)} · seen ${ago(state.lastSeen)}`,
  ];
  if (state.deviceType === 'VEHICLE') {
    lines.push(`Speed ${number(state.speedKph, 0, 'km/h')} · fuel ${number(state.fuelLevelPct, 0, '%')}`);
  } else {
    lines.push(`PV ${power(state.pvPowerW)} · SoC ${number(state.batterySocPct, 0, '%')}`);
  }
  if (state.activeAlerts.length > 0) {
    lines.push(`Alerts: ${state.activeAlerts.map(label).map(escapeHtml).join(', ')}`);
  }
  lines.push(`<a href="${routeHash('devices', state.deviceId)}">Open device</a>`);
  return lines.join('<br>');
}

export function renderMap(context: Context): void {
  const legend = (Object.keys(STATUS_LABEL) as DeviceStatus[])
    .map((status) => `<li><span class="dot" style="background:${STATUS_COLOUR[status]}"></span>${STATUS_LABEL[status]}</li>`)
    .join('');
  const main = page(
    'Fleet map',
    `<div class="map-layout">
       <div id="fleet-map" class="map" role="region" aria-label="Map of the fleet"></div>
       <aside class="map-side">
         <h2>Legend</h2><ul class="legend">${legend}</ul>
         <h2 id="device-list-title">Devices</h2>
         <ul id="device-list" class="device-list" aria-labelledby="device-list-title"></ul>
       </aside>
     </div>`,
  );
  const map = createMap(main.querySelector<HTMLElement>('#fleet-map')!, context.config);
  context.onLeave(() => disposeMap(map));
  const markers = new Map<string, L.CircleMarker>();
  const list = main.querySelector<HTMLUListElement>('#device-list')!;
  let fitted = false;

  const draw = (state: DeviceState) => {
    const status = deviceStatus(state);
    if (state.position) {
      const at: L.LatLngExpression = [state.position.lat, state.position.lon];
      let marker = markers.get(state.deviceId);
      if (!marker) {
        marker = L.circleMarker(at, { radius: 9, weight: 2, color: '#ffffff', fillOpacity: 0.95 }).addTo(map);
        marker.bindPopup('');
        markers.set(state.deviceId, marker);
      }
      marker.setLatLng(at);
      marker.setStyle({ fillColor: STATUS_COLOUR[status], className: `marker marker-${status}` });
      marker.setPopupContent(summary(state));
      marker.bindTooltip(`${state.deviceId}: ${STATUS_LABEL[status]}`);
    }
    let item = list.querySelector<HTMLLIElement>(`li[data-device="${CSS.escape(state.deviceId)}"]`);
    if (!item) {
      item = document.createElement('li');
      item.dataset.device = state.deviceId;
      list.appendChild(item);
    }
    item.dataset.status = status;
    item.dataset.lat = state.position ? String(state.position.lat) : '';
    item.dataset.lon = state.position ? String(state.position.lon) : '';
    item.innerHTML = `<button type="button" class="linkish"><span class="dot" style="background:${STATUS_COLOUR[status]}"></span>${escapeHtml(state.deviceId)}</button>
      <span class="muted">${STATUS_LABEL[status]}${state.speedKph != null ? ` · ${number(state.speedKph, 0, 'km/h')}` : ''}</span>`;
    item.querySelector('button')!.addEventListener('click', () => {
      const marker = markers.get(state.deviceId);
      if (marker) {
        map.setView(marker.getLatLng(), Math.max(map.getZoom(), 13));
        marker.openPopup();
      }
    });
  };

  const states = context.states.all();
  states.forEach(draw);
  if (states.length === 0) {
    list.innerHTML = '<li class="empty">No devices with a position yet.</li>';
  }
  const fit = () => {
    const points = [...markers.values()].map((marker) => marker.getLatLng());
    if (points.length > 0 && !fitted) {
      map.fitBounds(L.latLngBounds(points).pad(0.2), { maxZoom: 14 });
      fitted = true;
    }
  };
  fit();
  const unsubscribe = context.states.subscribe((state) => {
    list.querySelector('li.empty')?.remove();
    draw(state);
    fit();
  });
  context.onLeave(unsubscribe);
  // Statuses age (moving → offline) without new events.
  const timer = window.setInterval(() => context.states.all().forEach(draw), 30_000);
  context.onLeave(() => window.clearInterval(timer));
}
