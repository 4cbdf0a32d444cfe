// Alerts inbox: live, filterable by severity, type and status; an alert's page (#/alerts/{id}, the link in
// notification e-mails) shows its details and lets a fleet manager acknowledge it with a comment.
import { api, query } from '../api';
import type { Context } from '../context';
import { dateTime, detailValue, escapeHtml, label } from '../format';
import type { Alert } from '../model';
import { routeHash } from '../router';
import { empty, failure, formValues, html, loading, message, option, page, toast } from '../ui';

export const ALERT_TYPES = ['OVERSPEED', 'HARSH_BRAKING', 'HARSH_ACCELERATION', 'GEOFENCE_ENTER', 'GEOFENCE_EXIT', 'ENGINE_OVERHEAT',
  'LOW_OIL_PRESSURE', 'LOW_TIRE_PRESSURE', 'LOW_FUEL', 'DTC', 'SERVICE_DUE', 'INVERTER_FAULT', 'INVERTER_OVERTEMP', 'LOW_BATTERY',
  'PRODUCTION_DROP', 'GRID_ANOMALY', 'DEVICE_OFFLINE'];

/** Whether a live alert passes the inbox's filters. */
export function matches(alert: Alert, filters: Record<string, string>): boolean {
  return (!filters.status || alert.status === filters.status)
    && (!filters.severity || alert.severity === filters.severity)
    && (!filters.type || alert.type === filters.type);
}

/** Inserts or replaces (same alertId, newer version) an alert in a list kept newest first. */
export function upsert(alerts: Alert[], alert: Alert): Alert[] {
  const existing = alerts.find((candidate) => candidate.alertId === alert.alertId);
  if (existing && existing.version > alert.version) {
    return alerts;
  }
  const rest = alerts.filter((candidate) => candidate.alertId !== alert.alertId);
  return [alert, ...rest].sort((a, b) => Date.parse(b.ts) - Date.parse(a.ts));
}

function row(alert: Alert): string {
  return html`<tr data-alert="${alert.alertId}" data-status="${alert.status}" class="severity-${alert.severity.toLowerCase()}">
    <td>${dateTime(alert.ts)}</td><td><a href="${routeHash('alerts', alert.alertId)}">${label(alert.type)}</a></td>
    <td><span class="severity">${label(alert.severity)}</span></td><td>${label(alert.status)}</td>
    <td><a href="${routeHash('devices', alert.deviceId)}">${alert.deviceId}</a></td><td>${alert.message ?? ''}</td></tr>`;
}

export function renderAlerts(context: Context, params: Record<string, string>, id?: string): void {
  const main = page(
    'Alerts',
    `<form id="alert-filter" class="filters">
       <label>Status <select name="status">${option('', 'Any', params.status)}${['RAISED', 'UPDATED', 'ACKNOWLEDGED', 'CLEARED'].map((s) => option(s, label(s), params.status)).join('')}</select></label>
       <label>Severity <select name="severity">${option('', 'Any', params.severity)}${['CRITICAL', 'WARNING', 'INFO'].map((s) => option(s, label(s), params.severity)).join('')}</select></label>
       <label>Type <select name="type">${option('', 'Any', params.type)}${ALERT_TYPES.map((t) => option(t, label(t), params.type)).join('')}</select></label>
       <button type="submit">Filter</button>
     </form>
     <div class="alerts-layout"><div id="alert-list"></div><section id="alert-detail" aria-live="polite"></section></div>`,
  );
  const form = main.querySelector<HTMLFormElement>('#alert-filter')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = routeHash('alerts', undefined, formValues(form));
  });
  const listBox = main.querySelector<HTMLElement>('#alert-list')!;
  let alerts: Alert[] = [];
  const draw = () => {
    if (alerts.length === 0) {
      empty(listBox, 'No alerts match. New ones appear here as they happen.');
      return;
    }
    listBox.innerHTML = `<table class="table" id="alerts-table"><caption>Newest first, live</caption>
      <thead><tr><th scope="col">When</th><th scope="col">Type</th><th scope="col">Severity</th><th scope="col">Status</th><th scope="col">Device</th><th scope="col">Message</th></tr></thead>
      <tbody>${alerts.map(row).join('')}</tbody></table>`;
  };
  loading(listBox);
  const filters = { status: params.status ?? '', severity: params.severity ?? '', type: params.type ?? '' };
  api
    .get<Alert[]>(`/api/v1/alerts${query({ ...filters, size: 100 })}`)
    .then((loaded) => {
      loaded.forEach((alert) => {
        alerts = upsert(alerts, alert);
      });
      draw();
    })
    .catch((error) => failure(listBox, error));
  context.onAlert((alert) => {
    if (matches(alert, filters)) {
      alerts = upsert(alerts, alert);
      draw();
    }
    if (id === alert.alertId) {
      const box = main.querySelector<HTMLElement>('#alert-detail')!;
      const stillOpen = alert.status === 'RAISED' || alert.status === 'UPDATED';
      if (stillOpen && box.querySelector('#ack-form')) {
        // Keep the acknowledgement form (and a half-typed comment) while the alert only updates.
        const status = box.querySelector('#alert-status');
        if (status) {
          status.textContent = label(alert.status);
        }
      } else {
        showDetail(context, box, alert);
      }
    }
  });
  if (id) {
    renderDetail(context, main.querySelector<HTMLElement>('#alert-detail')!, id);
  }
}

function renderDetail(context: Context, box: HTMLElement, id: string): void {
  loading(box);
  box.dataset.alert = escapeHtml(id);
  api
    .get<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}`)
    .then((alert) => showDetail(context, box, alert))
    .catch((error) => failure(box, error));
}

function showDetail(context: Context, box: HTMLElement, alert: Alert): void {
  const id = alert.alertId;
  const details = Object.entries(alert.details ?? {})
        .map(([key, value]) => html`<dt>${key}</dt><dd>${detailValue(value)}</dd>`)
        .join('');
      const open = alert.status === 'RAISED' || alert.status === 'UPDATED';
      box.innerHTML = html`<h2 id="alert-title">${label(alert.type)} on ${alert.deviceId}</h2>
        <dl><dt>Severity</dt><dd>${label(alert.severity)}</dd><dt>Status</dt><dd id="alert-status">${label(alert.status)}</dd>
        <dt>Started</dt><dd>${dateTime(alert.startedAt)}</dd><dt>Ended</dt><dd>${dateTime(alert.endedAt)}</dd><dt>Message</dt><dd>${alert.message ?? '—'}</dd></dl>` +
        (details ? `<h3>Details</h3><dl>${details}</dl>` : '') +
        (alert.acknowledgement
          ? html`<p>Acknowledged by ${alert.acknowledgement.by === context.session.subject ? 'you' : (alert.acknowledgement.by ?? '—')} at ${dateTime(alert.acknowledgement.at)}${alert.acknowledgement.comment ? `: “${alert.acknowledgement.comment}”` : ''}</p>`
          : '') +
        (open && context.can('FLEET_MANAGER')
          ? `<form id="ack-form"><label for="ack-comment">Comment</label><textarea id="ack-comment" name="comment" rows="2" maxlength="500"></textarea>
             <button type="submit" id="ack-button">Acknowledge</button></form>`
          : '');
      box.querySelector<HTMLFormElement>('#ack-form')?.addEventListener('submit', (event) => {
        event.preventDefault();
        const button = box.querySelector<HTMLButtonElement>('#ack-button')!;
        button.disabled = true;
        api
          .post<Alert>(`/api/v1/alerts/${encodeURIComponent(id)}/ack`, { comment: formValues(event.target as HTMLFormElement).comment || null })
          .then((acknowledged) => {
            toast('Alert acknowledged');
            showDetail(context, box, acknowledged);
            const tableRow = document.querySelector<HTMLElement>(`tr[data-alert="${CSS.escape(id)}"]`);
            if (tableRow) {
              tableRow.dataset.status = 'ACKNOWLEDGED';
              tableRow.children[3].textContent = 'Acknowledged';
            }
          })
          .catch((error) => {
            button.disabled = false;
            toast(message(error), 'error');
          });
      });
}
