// The portal's entry point: who is logged in, role-aware navigation, live feeds and the hash router.
import './style.css';
import { api, cookie } from './api';
import { Context } from './context';
import { label } from './format';
import { loadStates, startAlertStream, startDeviceStream } from './live';
import type { PortalConfig, Session } from './model';
import { parseRoute } from './router';
import { page, toast } from './ui';
import { renderAdmin } from './pages/admin';
import { renderAlerts } from './pages/alerts';
import { renderDevice, renderDevices } from './pages/devices';
import { renderEnergy } from './pages/energy';
import { renderGeofences } from './pages/geofences';
import { renderMap } from './pages/map';
import { renderSettings } from './pages/settings';

const DEFAULT_CONFIG: PortalConfig = { mapTileUrl: '', mapTileAttribution: '', mapCenter: [52.52, 13.405], mapZoom: 11 };

interface NavItem {
  page: string;
  text: string;
  role: 'USER' | 'FLEET_MANAGER' | 'ADMIN';
}

const NAV: NavItem[] = [
  { page: 'map', text: 'Map', role: 'USER' },
  { page: 'devices', text: 'Devices', role: 'USER' },
  { page: 'alerts', text: 'Alerts', role: 'USER' },
  { page: 'geofences', text: 'Geofences', role: 'USER' },
  { page: 'energy', text: 'Energy', role: 'USER' },
  { page: 'settings', text: 'Settings', role: 'USER' },
  { page: 'admin', text: 'Administration', role: 'ADMIN' },
];

let unseenAlerts = 0;

function renderNav(context: Context, current: string): void {
  const nav = document.getElementById('nav')!;
  nav.innerHTML = NAV.filter((item) => context.can(item.role))
    .map((item) => {
      const badge = item.page === 'alerts' && unseenAlerts > 0 ? ` <span class="badge" aria-label="${unseenAlerts} new">${unseenAlerts}</span>` : '';
      const currentAttr = item.page === current ? ' aria-current="page"' : '';
      return `<a href="#/${item.page}" data-nav="${item.page}"${currentAttr}>${item.text}${badge}</a>`;
    })
    .join('');
}

/** Updates the new-alerts counter in place (re-rendering the links would take focus from them). */
function updateBadge(): void {
  const link = document.querySelector<HTMLAnchorElement>('#nav a[data-nav=alerts]');
  if (!link) {
    return;
  }
  let badge = link.querySelector<HTMLElement>('.badge');
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'badge';
    link.append(' ', badge);
  }
  badge.textContent = String(unseenAlerts);
  badge.setAttribute('aria-label', `${unseenAlerts} new`);
}

function route(context: Context): void {
  context.leave();
  const current = parseRoute(window.location.hash);
  if (current.page === 'alerts') {
    unseenAlerts = 0;
  }
  renderNav(context, current.page);
  const main = document.getElementById('content')!;
  main.className = `page-${current.page}`;
  switch (current.page) {
    case 'map':
      renderMap(context);
      break;
    case 'devices':
      if (current.id) {
        renderDevice(context, current.id);
      } else {
        renderDevices(context, current.params);
      }
      break;
    case 'alerts':
      renderAlerts(context, current.params, current.id);
      break;
    case 'geofences':
      renderGeofences(context);
      break;
    case 'energy':
      renderEnergy(context);
      break;
    case 'settings':
      renderSettings(context);
      break;
    case 'admin':
      if (context.can('ADMIN')) {
        renderAdmin(context, current.id ?? 'users', current.params);
      } else {
        page('Administration', '<p class="error" role="alert">Administration is for administrators only.</p>');
      }
      break;
    default:
      page('Not found', '<p class="empty">There is no such page. <a href="#/map">Back to the map</a>.</p>');
  }
}

async function start(): Promise<void> {
  (document.getElementById('csrf') as HTMLInputElement).value = cookie('XSRF-TOKEN');
  const response = await fetch('/api/v1/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    window.location.assign('/oauth2/authorization/fleetgrid');
    return;
  }
  const session = (await response.json()) as Session;
  const config = await api.get<PortalConfig>('/api/v1/portal/config').catch(() => DEFAULT_CONFIG);
  const context = new Context(session, { ...DEFAULT_CONFIG, ...config });
  const who = document.getElementById('who')!;
  who.textContent = `${session.name ?? session.email ?? session.subject} · ${session.roles.map(label).join(', ')}`;
  who.dataset.roles = session.roles.join(',');
  // The logout form reads the token when it is sent (the cookie may have been refreshed meanwhile).
  document.getElementById('logout')!.addEventListener('submit', () => {
    (document.getElementById('csrf') as HTMLInputElement).value = cookie('XSRF-TOKEN');
  });
  window.addEventListener('hashchange', () => {
    route(context);
    // Screen readers and keyboard users continue at the new page's content.
    document.getElementById('content')?.focus({ preventScroll: true });
  });
  await loadStates(context).catch(() => undefined);
  startDeviceStream(context);
  startAlertStream(context, (alert, transition) => {
    if (transition === 'RAISED' || alert.status === 'RAISED') {
      toast(`${label(alert.severity)}: ${label(alert.type)} on ${alert.deviceId}`);
      if (parseRoute(window.location.hash).page !== 'alerts') {
        unseenAlerts++;
        updateBadge();
      }
    }
  });
  route(context);
}

start().catch((error: unknown) => {
  page('FleetGrid', `<p class="error" role="alert">The portal could not start: ${String(error)}</p>`);
});
