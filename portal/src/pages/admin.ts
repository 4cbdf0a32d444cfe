// Administration (ADMIN): users and roles, API clients (secret shown once), devices (create, CSV import,
// activate / deactivate, rotate credentials shown once), log and audit search.
import { api, query, request } from '../api';
import type { Context } from '../context';
import { dateTime, escapeHtml, label } from '../format';
import type { Device, Page } from '../model';
import { routeHash } from '../router';
import { empty, failure, formValues, html, loading, message, option, page, showSecret, toast } from '../ui';

const TABS = [
  ['users', 'Users'],
  ['clients', 'API clients'],
  ['devices', 'Devices'],
  ['logs', 'Logs'],
  ['audit', 'Audit'],
] as const;

const ROLES = ['USER', 'FLEET_MANAGER', 'ADMIN'];

function list<T>(result: T[] | { items: T[] }): T[] {
  return Array.isArray(result) ? result : result.items;
}

export function renderAdmin(_context: Context, tab: string, params: Record<string, string>): void {
  const tabs = TABS.map(
    ([id, text]) => `<a href="${routeHash('admin', id)}"${id === tab ? ' aria-current="page"' : ''}>${text}</a>`,
  ).join('');
  const main = page('Administration', `<nav class="tabs" aria-label="Administration">${tabs}</nav><div id="admin-body"></div>`);
  const body = main.querySelector<HTMLElement>('#admin-body')!;
  switch (tab) {
    case 'clients':
      return clients(body);
    case 'devices':
      return devices(body);
    case 'logs':
    case 'audit':
      return search(body, tab, params);
    default:
      return users(body);
  }
}

interface User {
  id: string;
  email: string;
  displayName: string;
  role: string;
  enabled: boolean;
  locked: boolean;
  invitationPending: boolean;
}

function users(body: HTMLElement): void {
  body.innerHTML = `<form id="user-form" class="filters"><label>E-mail <input name="email" type="email" required></label>
    <label>Name <input name="displayName" required maxlength="200"></label>
    <label>Role <select name="role">${ROLES.map((r) => option(r, label(r), 'USER')).join('')}</select></label>
    <button type="submit">Invite user</button></form><div id="users"></div>`;
  const box = body.querySelector<HTMLElement>('#users')!;
  const load = () => {
    loading(box);
    api
      .get<User[] | { items: User[] }>('/api/v1/users')
      .then((result) => {
        const items = list(result);
        if (items.length === 0) {
          empty(box, 'No users.');
          return;
        }
        box.innerHTML = `<table class="table"><thead><tr><th scope="col">E-mail</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">State</th></tr></thead><tbody>${items
          .map(
            (user) => html`<tr><td>${user.email}</td><td>${user.displayName}</td>
              <td><label class="visually-hidden" for="role-${user.id}">Role of ${user.email}</label><select id="role-${user.id}" data-user="${user.id}">`
              + ROLES.map((r) => option(r, label(r), user.role)).join('')
              + html`</select></td><td>${user.invitationPending ? 'Invited' : user.locked ? 'Locked' : user.enabled ? 'Active' : 'Disabled'}</td></tr>`,
          )
          .join('')}</tbody></table>`;
        box.querySelectorAll<HTMLSelectElement>('select[data-user]').forEach((select) =>
          select.addEventListener('change', () =>
            api
              .patch(`/api/v1/users/${encodeURIComponent(select.dataset.user!)}`, { role: select.value })
              .then(() => toast('Role changed'))
              .catch((error) => toast(message(error), 'error')),
          ),
        );
      })
      .catch((error) => failure(box, error));
  };
  load();
  const form = body.querySelector<HTMLFormElement>('#user-form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api
      .post('/api/v1/users', formValues(form))
      .then(() => {
        toast('Invitation sent');
        form.reset();
        load();
      })
      .catch((error) => toast(message(error), 'error'));
  });
}

interface Client {
  clientId: string;
  name: string;
  role: string;
  createdAt: string;
}

function clients(body: HTMLElement): void {
  body.innerHTML = `<form id="client-form" class="filters"><label>Name <input name="name" required maxlength="200"></label>
    <label>Role <select name="role">${ROLES.map((r) => option(r, label(r), 'USER')).join('')}</select></label>
    <button type="submit">Create API client</button></form><div id="clients"></div>`;
  const box = body.querySelector<HTMLElement>('#clients')!;
  const load = () => {
    loading(box);
    api
      .get<Client[] | { items: Client[] }>('/api/v1/clients')
      .then((result) => {
        const items = list(result);
        if (items.length === 0) {
          empty(box, 'No API clients.');
          return;
        }
        box.innerHTML = `<table class="table"><thead><tr><th scope="col">Client id</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Created</th><th scope="col"></th></tr></thead><tbody>${items
          .map(
            (client) => html`<tr><td><code>${client.clientId}</code></td><td>${client.name}</td><td>${label(client.role)}</td><td>${dateTime(client.createdAt)}</td>
              <td><button type="button" data-rotate="${client.clientId}">New secret</button></td></tr>`,
          )
          .join('')}</tbody></table>`;
        box.querySelectorAll<HTMLButtonElement>('button[data-rotate]').forEach((button) =>
          button.addEventListener('click', () =>
            api
              .post<{ clientSecret: string }>(`/api/v1/clients/${encodeURIComponent(button.dataset.rotate!)}/secret`)
              .then((issued) => showSecret(`New secret of ${button.dataset.rotate}`, issued.clientSecret))
              .catch((error) => toast(message(error), 'error')),
          ),
        );
      })
      .catch((error) => failure(box, error));
  };
  load();
  const form = body.querySelector<HTMLFormElement>('#client-form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    api
      .post<{ client: Client; clientSecret: string }>('/api/v1/clients', formValues(form))
      .then((created) => {
        form.reset();
        load();
        showSecret(`Secret of ${created.client.clientId}`, created.clientSecret);
      })
      .catch((error) => toast(message(error), 'error'));
  });
}

function devices(body: HTMLElement): void {
  body.innerHTML = `<form id="device-form" class="filters"><label>Id <input name="id" required pattern="[A-Za-z0-9._-]{1,64}"></label>
    <label>Name <input name="name" maxlength="200"></label>
    <label>Type <select name="type">${['VEHICLE', 'INVERTER', 'BATTERY', 'METER'].map((t) => option(t, label(t), 'VEHICLE')).join('')}</select></label>
    <button type="submit">Create device</button></form>
    <form id="import-form" class="filters"><label>CSV file <input type="file" name="file" accept=".csv,text/csv" required></label>
    <button type="submit">Import</button></form><div id="admin-devices"></div>`;
  const box = body.querySelector<HTMLElement>('#admin-devices')!;
  const load = () => {
    loading(box);
    api
      .get<Page<Device>>('/api/v1/devices?size=100')
      .then((result) => {
        if (result.items.length === 0) {
          empty(box, 'No devices.');
          return;
        }
        box.innerHTML = `<table class="table"><thead><tr><th scope="col">Id</th><th scope="col">Type</th><th scope="col">Registration</th><th scope="col">Credential issued</th><th scope="col">Actions</th></tr></thead><tbody>${result.items
          .map(
            (device) => html`<tr><td><a href="${routeHash('devices', device.id)}">${device.id}</a></td><td>${label(device.type)}</td><td>${device.active ? 'Active' : 'Deactivated'}</td><td>${dateTime(device.credentialIssuedAt)}</td>
              <td><button type="button" data-toggle="${device.id}" data-active="${String(device.active)}">${device.active ? 'Deactivate' : 'Activate'}</button>
              <button type="button" data-rotate="${device.id}">Rotate credentials</button></td></tr>`,
          )
          .join('')}</tbody></table>`;
        box.querySelectorAll<HTMLButtonElement>('button[data-toggle]').forEach((button) =>
          button.addEventListener('click', () =>
            api
              .post(`/api/v1/devices/${encodeURIComponent(button.dataset.toggle!)}/${button.dataset.active === 'true' ? 'deactivate' : 'activate'}`)
              .then(load)
              .catch((error) => toast(message(error), 'error')),
          ),
        );
        box.querySelectorAll<HTMLButtonElement>('button[data-rotate]').forEach((button) =>
          button.addEventListener('click', () =>
            api
              .post<{ token: string }>(`/api/v1/devices/${encodeURIComponent(button.dataset.rotate!)}/credentials`)
              .then((issued) => showSecret(`New token of ${button.dataset.rotate}`, issued.token))
              .catch((error) => toast(message(error), 'error')),
          ),
        );
      })
      .catch((error) => failure(box, error));
  };
  load();
  const form = body.querySelector<HTMLFormElement>('#device-form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(form);
    api
      .post<{ device: Device; token: string }>('/api/v1/devices', { id: values.id, name: values.name || null, type: values.type })
      .then((created) => {
        form.reset();
        load();
        showSecret(`Token of ${created.device.id}`, created.token);
      })
      .catch((error) => toast(message(error), 'error'));
  });
  const importForm = body.querySelector<HTMLFormElement>('#import-form')!;
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = (importForm.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!file) {
      return;
    }
    try {
      const result = await request<unknown>('POST', '/api/v1/devices/import', await file.text(), 'text/csv');
      toast('Import done');
      box.insertAdjacentHTML('beforebegin', `<pre class="import-result">${escapeHtml(JSON.stringify(result, null, 2))}</pre>`);
      load();
    } catch (error) {
      toast(message(error), 'error');
    }
  });
}

function search(body: HTMLElement, kind: 'logs' | 'audit', params: Record<string, string>): void {
  body.innerHTML = `<form id="search-form" class="filters" role="search"><label>Text <input name="q" type="search" value="${escapeHtml(params.q ?? '')}"></label>
    <label>From <input name="from" type="datetime-local" value="${escapeHtml(params.from ?? '')}"></label>
    <button type="submit">Search</button></form><div id="search-results"></div>`;
  const form = body.querySelector<HTMLFormElement>('#search-form')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.hash = routeHash('admin', kind, formValues(form));
  });
  const box = body.querySelector<HTMLElement>('#search-results')!;
  loading(box);
  const from = params.from ? new Date(params.from).toISOString() : undefined;
  api
    .get<{ hits: Record<string, unknown>[]; total: number }>(`/api/v1/${kind}/search${query({ q: params.q, from, size: 50 })}`)
    .then((result) => {
      if (result.hits.length === 0) {
        empty(box, 'Nothing found.');
        return;
      }
      const columns = kind === 'logs' ? ['ts', 'level', 'service', 'message', 'traceId'] : ['ts', 'actor', 'action', 'outcome', 'target'];
      box.innerHTML = `<table class="table"><caption>${result.total} results</caption><thead><tr>${columns.map((c) => `<th scope="col">${label(c)}</th>`).join('')}</tr></thead><tbody>${result.hits
        .map((hit) => `<tr>${columns.map((c) => `<td>${escapeHtml(typeof hit[c] === 'object' && hit[c] !== null ? JSON.stringify(hit[c]) : (hit[c] ?? ''))}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    })
    .catch((error) => failure(box, error));
}
