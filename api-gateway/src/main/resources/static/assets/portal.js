// Placeholder portal: shows who is logged in (GET /api/v1/session) and logs out with the CSRF token
// the gateway sets in the XSRF-TOKEN cookie.
'use strict';

function cookie(name) {
  const match = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return match ? decodeURIComponent(match.substring(name.length + 1)) : '';
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  const response = await fetch('/api/v1/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    window.location.assign('/oauth2/authorization/fleetgrid');
    return;
  }
  const session = await response.json();
  document.querySelectorAll('[data-claim]').forEach((element) => {
    const value = session[element.dataset.claim];
    element.textContent = Array.isArray(value) ? value.join(', ') : (value || '—');
  });
});
