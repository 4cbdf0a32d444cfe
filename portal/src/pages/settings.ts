// Settings: the user's own notification subscriptions (channels, minimum severity, quiet hours) and, for
// fleet managers, the tenant's webhooks.
import { api } from '../api';
import type { Context } from '../context';
import { label } from '../format';
import { empty, failure, formValues, html, loading, message, option, page, showSecret, toast } from '../ui';

interface Subscription {
  id: string;
  name: string;
  channels: string[];
  minSeverity?: string | null;
  quietHours?: { start: string; end: string } | null;
  enabled: boolean;
  isDefault: boolean;
}

interface Webhook {
  id: string;
  url: string;
  description?: string | null;
  enabled: boolean;
  disabledReason?: string | null;
  secret?: string | null;
}

function list<T>(result: T[] | { items: T[] }): T[] {
  return Array.isArray(result) ? result : result.items;
}

export function renderSettings(context: Context): void {
  const manager = context.can('FLEET_MANAGER');
  const main = page(
    'Settings',
    `<section><h2>My notifications</h2><div id="subscriptions"></div>
      <form id="subscription-form" class="filters">
        <label>Name <input name="name" required maxlength="100"></label>
        <fieldset><legend>Channels</legend>
          <label><input type="checkbox" name="WEB" checked> Portal</label>
          <label><input type="checkbox" name="EMAIL"> E-mail</label></fieldset>
        <label>Minimum severity <select name="minSeverity">${option('', 'Any', '')}${['INFO', 'WARNING', 'CRITICAL'].map((s) => option(s, label(s), '')).join('')}</select></label>
        <label>Quiet from <input type="time" name="quietStart"></label>
        <label>to <input type="time" name="quietEnd"></label>
        <button type="submit">Add subscription</button>
      </form></section>` +
      (manager
        ? `<section><h2>Webhooks</h2><div id="webhooks"></div>
            <form id="webhook-form" class="filters"><label>URL <input name="url" type="url" required maxlength="2000"></label>
            <label>Description <input name="description" maxlength="200"></label><button type="submit">Add webhook</button></form></section>`
        : ''),
  );
  const subscriptionBox = main.querySelector<HTMLElement>('#subscriptions')!;
  const loadSubscriptions = () => {
    loading(subscriptionBox);
    api
      .get<Subscription[] | { items: Subscription[] }>('/api/v1/subscriptions')
      .then((result) => {
        const items = list(result);
        if (items.length === 0) {
          empty(subscriptionBox, 'No subscriptions: you receive no notifications.');
          return;
        }
        subscriptionBox.innerHTML = `<table class="table"><thead><tr><th scope="col">Name</th><th scope="col">Channels</th><th scope="col">Min. severity</th><th scope="col">Quiet hours</th><th scope="col"></th></tr></thead><tbody>${items
          .map(
            (s) => html`<tr><td>${s.name}${s.isDefault ? ' (default)' : ''}</td><td>${s.channels.map(label).join(', ')}</td><td>${label(s.minSeverity ?? 'any')}</td>
              <td>${s.quietHours ? `${s.quietHours.start}–${s.quietHours.end}` : '—'}</td><td>`
              + `<button type="button" data-delete="${s.id}">Delete</button></td></tr>`,
          )
          .join('')}</tbody></table>`;
        subscriptionBox.querySelectorAll<HTMLButtonElement>('button[data-delete]').forEach((button) =>
          button.addEventListener('click', () =>
            api
              .del(`/api/v1/subscriptions/${encodeURIComponent(button.dataset.delete!)}`)
              .then(loadSubscriptions)
              .catch((error) => toast(message(error), 'error')),
          ),
        );
      })
      .catch((error) => failure(subscriptionBox, error));
  };
  loadSubscriptions();
  const subscriptionForm = main.querySelector<HTMLFormElement>('#subscription-form')!;
  subscriptionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(subscriptionForm);
    const channels = ['WEB', 'EMAIL'].filter((channel) => values[channel] === 'on');
    const body = {
      name: values.name,
      channels,
      minSeverity: values.minSeverity || null,
      quietHours: values.quietStart && values.quietEnd ? { start: values.quietStart, end: values.quietEnd } : null,
    };
    api
      .post('/api/v1/subscriptions', body)
      .then(() => {
        toast('Subscription added');
        subscriptionForm.reset();
        loadSubscriptions();
      })
      .catch((error) => toast(message(error), 'error'));
  });
  if (!manager) {
    return;
  }
  const webhookBox = main.querySelector<HTMLElement>('#webhooks')!;
  const loadWebhooks = () => {
    loading(webhookBox);
    api
      .get<Webhook[] | { items: Webhook[] }>('/api/v1/webhooks')
      .then((result) => {
        const items = list(result);
        if (items.length === 0) {
          empty(webhookBox, 'No webhooks.');
          return;
        }
        webhookBox.innerHTML = `<table class="table"><thead><tr><th scope="col">URL</th><th scope="col">Description</th><th scope="col">State</th><th scope="col"></th></tr></thead><tbody>${items
          .map(
            (w) => html`<tr><td>${w.url}</td><td>${w.description ?? ''}</td><td>${w.enabled ? 'Enabled' : `Disabled: ${w.disabledReason ?? ''}`}</td><td>`
              + `<button type="button" data-delete="${w.id}">Delete</button></td></tr>`,
          )
          .join('')}</tbody></table>`;
        webhookBox.querySelectorAll<HTMLButtonElement>('button[data-delete]').forEach((button) =>
          button.addEventListener('click', () =>
            api
              .del(`/api/v1/webhooks/${encodeURIComponent(button.dataset.delete!)}`)
              .then(loadWebhooks)
              .catch((error) => toast(message(error), 'error')),
          ),
        );
      })
      .catch((error) => failure(webhookBox, error));
  };
  loadWebhooks();
  const webhookForm = main.querySelector<HTMLFormElement>('#webhook-form')!;
  webhookForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = formValues(webhookForm);
    api
      .post<Webhook>('/api/v1/webhooks', { url: values.url, description: values.description || null })
      .then((created) => {
        webhookForm.reset();
        loadWebhooks();
        if (created?.secret) {
          showSecret('Webhook signing secret', created.secret);
        }
      })
      .catch((error) => toast(message(error), 'error'));
  });
}
