// Devices: a searchable, filterable, paged list, and the device page (state, charts, trips with route
// replay, alert history, maintenance).
import L from 'leaflet';
import { api, query } from '../api';
import { lineChart, type Point } from '../chart';
import type { Context } from '../context';
import { ago, dateTime, duration, escapeHtml, label, number, power } from '../format';
import { createMap, disposeMap } from '../map';
import type { Alert, Device, DeviceState, Page, Rollup, Trip } from '../model';
import { RouteReplay } from '../replay';
import { routeHash } from '../router';
import { deviceStatus, STATUS_LABEL } from '../status';
import { empty, failure, html, loading, message, option, page, showSecret, toast } from '../ui';

const PAGE_SIZE = 20;

export function renderDevices(context: Context, params: Record<string, string>): void {
  const current = Number(params.page ?? '0');
  const main = page(
    'Devices',
    `<form id="device-filter" class="filters" role="search">
       <label>Search <input name="q" type="search" value="${escapeHtml(params.q ?? '')}" placeholder="id, name or tag"></label>
       <label>Type <select name="type">${option('', 'All', params.type)}${['VEHICLE', 'INVERTER', 'BATTERY', 'METER'].map((t) => option(t, label(t), params.type)).join('')}</select></label>
       <label>Status <select name="active">${option('', 'All', params.active)}${option('true', 'Active', params.active)}${option('false', 'Deactivated', params.active)}</select></label>
       <button type="submit">Search</button>
     </form>
     <div id="device-results"></div>`,
  );
  const form = main.querySelector<HTMLFormElement>('#device-filter')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    window.location.hash = routeHash('devices', undefined, {
      q: String(data.get('q') ?? ''),
      type: String(data.get('type') ?? ''),
      active: String(data.get('active') ?? ''),
    });
  });
  const results = main.querySelector<HTMLElement>('#device-results')!;
  loading(results);
  api
    .get<Page<Device>>(`/api/v1/devices${query({ q: params.q, type: params.type, active: params.active, page: current, size: PAGE_SIZE })}`)
    .then((result) => {
      if (result.items.length === 0) {
        empty(results, 'No devices match.');
        return;
      }
      const rows = result.items
        .map((device) => {
          const state = context.states.get(device.id);
          const status = state ? STATUS_LABEL[deviceStatus(state)] : 'No data';
          return html`<tr data-device="${device.id}"><td><a href="${routeHash('devices', device.id)}">${device.id}</a></td><td>${device.name ?? ''}</td>
            <td>${label(device.type)}</td><td>${device.active ? 'Active' : 'Deactivated'}</td><td>${status}</td><td>${ago(device.lastSeenAt ?? state?.lastSeen)}</td></tr>`;
        })
        .join('');
      const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
      const link = (target: number, text: string) =>
        `<a href="${routeHash('devices', undefined, { ...params, page: target })}">${text}</a>`;
      results.innerHTML = `<table class="table"><caption>${result.total} devices</caption>
        <thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Registration</th><th scope="col">Status</th><th scope="col">Last seen</th></tr></thead>
        <tbody>${rows}</tbody></table>
        <nav class="pager" aria-label="Pages">${current > 0 ? link(current - 1, '‹ Previous') : ''}
        <span>Page ${current + 1} of ${pages}</span>${current + 1 < pages ? link(current + 1, 'Next ›') : ''}</nav>`;
    })
    .catch((error) => failure(results, error));
}

export function series(rollups: Rollup[], pick: (rollup: Rollup) => number | null | undefined): Point[] {
  return rollups
    .map((rollup) => ({ t: Date.parse(rollup.windowStart), v: pick(rollup) }))
    .filter((point): point is Point => point.v !== null && point.v !== undefined && !Number.isNaN(point.v))
    .sort((a, b) => a.t - b.t);
}

function charts(device: Device, rollups: Rollup[]): string {
  if (device.type === 'VEHICLE') {
    return [
      lineChart('Average speed', 'km/h', series(rollups, (r) => r.avgSpeedKph)),
      lineChart('Fuel level', '%', series(rollups, (r) => r.metrics.fuelLevelPct?.last)),
      lineChart('Coolant (max)', '°C', series(rollups, (r) => r.maxCoolantTempC)),
    ].join('');
  }
  return [
    lineChart('PV power (avg)', 'W', series(rollups, (r) => (r.metrics.pvPowerW ? r.metrics.pvPowerW.sum / Math.max(1, r.metrics.pvPowerW.count) : null))),
    lineChart('Battery SoC (min)', '%', series(rollups, (r) => r.minBatterySocPct)),
    lineChart('Energy per window', 'kWh', series(rollups, (r) => r.pvEnergyKwh)),
  ].join('');
}

function maintenance(device: Device, state: DeviceState | undefined): string {
  const vehicle = device.vehicle as Record<string, number | string | null> | null | undefined;
  if (!vehicle) {
    return '<p class="empty">No maintenance plan for this device.</p>';
  }
  const odometer = (state?.metrics?.odometerKm as number | undefined) ?? undefined;
  const interval = vehicle.serviceIntervalKm as number | null;
  const lastKm = vehicle.lastServiceOdometerKm as number | null;
  const items: string[] = [];
  if (interval && lastKm !== null && lastKm !== undefined) {
    const due = lastKm + interval;
    items.push(`Next service at ${number(due, 0, 'km')}${odometer !== undefined ? ` (${number(due - odometer, 0, 'km')} to go)` : ''}`);
  }
  if (vehicle.lastServiceDate) {
    items.push(html`Last service on ${String(vehicle.lastServiceDate)}`);
  }
  if (vehicle.serviceIntervalMonths) {
    items.push(html`Service every ${String(vehicle.serviceIntervalMonths)} months`);
  }
  const dtc = state?.metrics?.dtcCodes;
  if (Array.isArray(dtc) && dtc.length > 0) {
    items.push(html`Suggestion: diagnostic codes ${dtc.join(', ')} reported — book a workshop check`);
  }
  if (state?.activeAlerts.includes('SERVICE_DUE')) {
    items.push('Suggestion: service is due now');
  }
  return items.length > 0 ? `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>` : '<p class="empty">No maintenance data.</p>';
}

function alertRows(alerts: Alert[]): string {
  if (alerts.length === 0) {
    return '<p class="empty">No alerts.</p>';
  }
  return `<table class="table"><thead><tr><th scope="col">When</th><th scope="col">Type</th><th scope="col">Severity</th><th scope="col">Status</th></tr></thead><tbody>${alerts
    .map((alert) => html`<tr><td>${dateTime(alert.startedAt)}</td><td><a href="${routeHash('alerts', alert.alertId)}">${label(alert.type)}</a></td><td>${label(alert.severity)}</td><td>${label(alert.status)}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function renderDevice(context: Context, id: string): void {
  const main = page(`Device ${id}`, '<div id="device-body"></div>');
  const body = main.querySelector<HTMLElement>('#device-body')!;
  loading(body);
  const base = `/api/v1/devices/${encodeURIComponent(id)}`;
  api
    .get<Device>(base)
    .then(async (device) => {
      const state = await api.get<DeviceState>(`${base}/state`).catch(() => context.states.get(id));
      const manager = context.can('FLEET_MANAGER');
      body.innerHTML = html`<section class="cards">
          <div class="card"><h2>Registration</h2><dl>
            <dt>Name</dt><dd>${device.name ?? '—'}</dd><dt>Type</dt><dd>${label(device.type)}</dd>
            <dt>Group</dt><dd>${device.groupId ?? '—'}</dd><dt>Registration</dt><dd>${device.active ? 'Active' : 'Deactivated'}</dd></dl></div>
          <div class="card"><h2>Latest state</h2><div id="state"></div></div>
          <div class="card"><h2>Maintenance</h2><div id="maintenance"></div></div>
        </section>` +
        (manager
          ? `<p class="actions"><button type="button" id="toggle-active">${device.active ? 'Deactivate' : 'Activate'}</button>
             <button type="button" id="rotate">Rotate credentials</button></p>`
          : '') +
        `<section><h2>Telemetry</h2><label>Period <select id="period"><option value="6h">Last 6 hours (per minute)</option><option value="7d">Last 7 days (per hour)</option></select></label><div id="charts" class="charts"></div></section>
         <section><h2>Trips</h2><div class="trip-layout"><div id="trips"></div><div id="trip-map" class="map small" role="region" aria-label="Trip route"></div></div></section>
         <section><h2>Alert history</h2><div id="device-alerts"></div></section>`;
      const stateBox = body.querySelector<HTMLElement>('#state')!;
      stateBox.innerHTML = state
        ? html`<dl><dt>Status</dt><dd>${STATUS_LABEL[deviceStatus(state)]}</dd><dt>Last seen</dt><dd>${ago(state.lastSeen)}</dd>` +
          (state.deviceType === 'VEHICLE'
            ? html`<dt>Speed</dt><dd>${number(state.speedKph, 0, 'km/h')}</dd><dt>Fuel</dt><dd>${number(state.fuelLevelPct, 0, '%')}</dd><dt>Ignition</dt><dd>${state.ignition == null ? '—' : state.ignition ? 'On' : 'Off'}</dd>`
            : html`<dt>PV power</dt><dd>${power(state.pvPowerW)}</dd><dt>Battery</dt><dd>${number(state.batterySocPct, 0, '%')}</dd>`) +
          html`<dt>Position</dt><dd>${state.position ? `${state.position.lat.toFixed(5)}, ${state.position.lon.toFixed(5)}` : '—'}</dd></dl>`
        : '<p class="empty">No telemetry received yet.</p>';
      body.querySelector<HTMLElement>('#maintenance')!.innerHTML = maintenance(device, state);
      wireActions(body, device, base);
      const chartBox = body.querySelector<HTMLElement>('#charts')!;
      const loadCharts = (period: string) => {
        loading(chartBox);
        const hours = period === '7d' ? 168 : 6;
        const to = new Date();
        const from = new Date(to.getTime() - hours * 3600_000);
        api
          .get<Rollup[]>(`${base}/telemetry${query({ from: from.toISOString(), to: to.toISOString(), resolution: period === '7d' ? 'HOUR' : 'MINUTE' })}`)
          .then((rollups) => {
            chartBox.innerHTML = charts(device, rollups);
          })
          .catch((error) => failure(chartBox, error));
      };
      const periodSelect = body.querySelector<HTMLSelectElement>('#period')!;
      periodSelect.addEventListener('change', () => loadCharts(periodSelect.value));
      loadCharts('6h');
      renderTrips(context, body, base);
      const alertBox = body.querySelector<HTMLElement>('#device-alerts')!;
      loading(alertBox);
      api
        .get<Alert[]>(`${base}/alerts?size=20`)
        .then((alerts) => {
          alertBox.innerHTML = alertRows(alerts);
        })
        .catch((error) => failure(alertBox, error));
    })
    .catch((error) => failure(body, error));
}

function wireActions(body: HTMLElement, device: Device, base: string): void {
  body.querySelector('#toggle-active')?.addEventListener('click', () => {
    api
      .post(`${base}/${device.active ? 'deactivate' : 'activate'}`)
      .then(() => {
        toast(device.active ? 'Device deactivated' : 'Device activated');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
      })
      .catch((error) => toast(message(error), 'error'));
  });
  body.querySelector('#rotate')?.addEventListener('click', () => {
    if (!window.confirm('Issue a new device token? The old one stops working.')) {
      return;
    }
    api
      .post<{ token: string }>(`${base}/credentials`)
      .then((issued) => showSecret(`New token for ${device.id}`, issued.token))
      .catch((error) => toast(message(error), 'error'));
  });
}

function renderTrips(context: Context, body: HTMLElement, base: string): void {
  const box = body.querySelector<HTMLElement>('#trips')!;
  const mapElement = body.querySelector<HTMLElement>('#trip-map')!;
  const map = createMap(mapElement, context.config);
  context.onLeave(() => disposeMap(map));
  const layer = L.layerGroup().addTo(map);
  let timer: number | undefined;
  context.onLeave(() => window.clearInterval(timer));
  loading(box);
  api
    .get<Trip[]>(`${base}/trips?size=20`)
    .then((trips) => {
      if (trips.length === 0) {
        empty(box, 'No completed trips yet.');
        return;
      }
      box.innerHTML = `<ul class="trips">${trips
        .map(
          (trip, i) =>
            html`<li>${dateTime(trip.startedAt)} · ${duration(trip.startedAt, trip.endedAt)} · ${number(trip.distanceKm, 1, 'km')} · max ${number(trip.maxSpeedKph, 0, 'km/h')}
            <button type="button" data-trip="${i}">Replay</button></li>`,
        )
        .join('')}</ul>`;
      box.querySelectorAll<HTMLButtonElement>('button[data-trip]').forEach((button) => {
        button.addEventListener('click', () => {
          const trip = trips[Number(button.dataset.trip)];
          window.clearInterval(timer);
          layer.clearLayers();
          if (trip.route.length === 0) {
            toast('This trip has no recorded route');
            return;
          }
          const line = L.polyline(trip.route.map((p) => [p.lat, p.lon] as L.LatLngTuple), { color: '#1565c0', weight: 4 }).addTo(layer);
          map.fitBounds(line.getBounds().pad(0.2));
          const replay = new RouteReplay(trip.route);
          const start = trip.route[0];
          const marker = L.circleMarker([start.lat, start.lon], { radius: 8, fillColor: '#1b7d32', color: '#fff', fillOpacity: 1 }).addTo(layer);
          let fraction = 0;
          timer = window.setInterval(() => {
            fraction += 0.01;
            const at = replay.at(fraction);
            if (at) {
              marker.setLatLng([at.lat, at.lon]);
            }
            if (fraction >= 1) {
              window.clearInterval(timer);
            }
          }, 50);
        });
      });
    })
    .catch((error) => failure(box, error));
}
