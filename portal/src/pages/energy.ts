// Energy dashboard: each site's production today against what its PV peak would give, battery state of
// charge and inverter faults, from the sites' latest state.
import { api } from '../api';
import type { Context } from '../context';
import { ago, escapeHtml, number, power } from '../format';
import type { Device, DeviceState, Page } from '../model';
import { routeHash } from '../router';
import { empty, failure, loading, page } from '../ui';

/** Rough expected daily yield: peak power × equivalent full-sun hours (a conservative 3 h). */
export const FULL_SUN_HOURS = 3;

export function expectedKwh(device: Device): number | undefined {
  const peak = (device.energy?.pvPeakKwp as number | undefined) ?? (device.energy?.ratedPowerKw as number | undefined);
  return peak ? peak * FULL_SUN_HOURS : undefined;
}

export function renderEnergy(context: Context): void {
  const main = page('Energy', '<div id="energy-body"></div>');
  const body = main.querySelector<HTMLElement>('#energy-body')!;
  loading(body);
  api
    .get<Page<Device>>('/api/v1/devices?size=200')
    .then((devices) => {
      const sites = devices.items.filter((device) => device.type !== 'VEHICLE');
      if (sites.length === 0) {
        empty(body, 'No energy sites in your fleet.');
        return;
      }
      const cards = sites.map((device) => {
        const state: DeviceState | undefined = context.states.get(device.id);
        const today = state?.metrics?.dailyYieldKwh as number | undefined;
        const expected = expectedKwh(device);
        const ratio = today !== undefined && expected ? Math.min(100, Math.round((today / expected) * 100)) : undefined;
        const fault = state?.metrics?.faultCode as number | undefined;
        return `<article class="card energy-card" data-device="${escapeHtml(device.id)}">
          <h2><a href="${routeHash('devices', device.id)}">${escapeHtml(device.name ?? device.id)}</a></h2>
          <dl><dt>PV power</dt><dd>${power(state?.pvPowerW)}</dd>
          <dt>Today</dt><dd>${number(today, 1, 'kWh')}${expected ? ` of ~${number(expected, 1, 'kWh')} expected` : ' (no PV peak on record)'}</dd>
          <dt>Battery</dt><dd>${number(state?.batterySocPct, 0, '%')}</dd>
          <dt>Inverter</dt><dd class="${fault ? 'error' : ''}">${fault ? `Fault ${escapeHtml(fault)}` : state ? 'No fault' : '—'}</dd>
          <dt>Last seen</dt><dd>${ago(state?.lastSeen)}</dd></dl>
          ${ratio !== undefined ? `<progress max="100" value="${ratio}" aria-label="Production today against expected">${ratio}%</progress>` : ''}
        </article>`;
      });
      body.innerHTML = `<section class="cards">${cards.join('')}</section>`;
    })
    .catch((error) => failure(body, error));
}
