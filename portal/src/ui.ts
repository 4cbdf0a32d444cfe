// Small DOM helpers: page shells, loading / empty / error states, toasts, dialogs.
import { ApiError } from './api';
import { escapeHtml } from './format';

export function html(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce((out, part, i) => out + part + (i < values.length ? escapeHtml(values[i]) : ''), '');
}

export function page(title: string, body = ''): HTMLElement {
  const main = document.getElementById('content')!;
  main.innerHTML = `<h1>${escapeHtml(title)}</h1>${body}`;
  document.title = `${title} · FleetGrid`;
  return main;
}

export function loading(target: HTMLElement, text = 'Loading…'): void {
  target.innerHTML = `<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${escapeHtml(text)}</p>`;
}

export function empty(target: HTMLElement, text: string): void {
  target.innerHTML = `<p class="empty">${escapeHtml(text)}</p>`;
}

export function failure(target: HTMLElement, error: unknown): void {
  target.innerHTML = `<p class="error" role="alert">${escapeHtml(message(error))}</p>`;
}

export function message(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) {
      return 'You may not do this (your role does not allow it).';
    }
    if (error.status === 404) {
      return 'Not found.';
    }
    if (error.status === 503) {
      return 'The service is unavailable right now; try again in a moment.';
    }
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  const box = document.getElementById('toasts');
  if (!box) {
    return;
  }
  // At most three at a time; a click dismisses one.
  while (box.children.length >= 3) {
    box.firstElementChild?.remove();
  }
  const item = document.createElement('div');
  item.className = `toast ${kind}`;
  item.textContent = text;
  item.addEventListener('click', () => item.remove());
  box.appendChild(item);
  setTimeout(() => item.remove(), 5000);
}

/** Shows a one-time secret in a dialog; it is not kept anywhere else. */
export function showSecret(title: string, secret: string): void {
  const dialog = document.createElement('dialog');
  dialog.className = 'secret';
  dialog.setAttribute('aria-labelledby', 'secret-title');
  dialog.innerHTML = html`<h2 id="secret-title">${title}</h2>
    <p>Copy it now: it is shown only once.</p>
    <p><code class="secret-value">${secret}</code></p>
    <form method="dialog"><button type="submit" autofocus>Done</button></form>`;
  dialog.addEventListener('close', () => dialog.remove());
  document.body.appendChild(dialog);
  dialog.showModal();
}

export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    values[key] = String(value).trim();
  });
  return values;
}

export function option(value: string, text: string, selected: string | undefined): string {
  return `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(text)}</option>`;
}
