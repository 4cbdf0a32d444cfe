// Geofences: the tenant's zones on a map; fleet managers draw and edit polygons and circles and set a zone
// speed limit. Drawing works with the mouse (click the map) and with the keyboard (pan with the arrow keys,
// then "Add point at centre").
import L from 'leaflet';
import { api } from '../api';
import type { Context } from '../context';
import { number } from '../format';
import { createMap, disposeMap } from '../map';
import type { GeoPoint, Geofence } from '../model';
import { distanceM } from '../replay';
import { empty, failure, formValues, html, loading, message, page, toast } from '../ui';

type Mode = 'none' | 'polygon' | 'circle';

/** The request body for a drawn shape (GeoJSON ring closed, [lon, lat] order). */
export function geofenceBody(name: string, speedLimit: string, mode: 'polygon' | 'circle', points: GeoPoint[]): Record<string, unknown> {
  const speedLimitKph = speedLimit === '' ? null : Number(speedLimit);
  if (mode === 'circle') {
    return { name, center: points[0], radiusM: Math.round(distanceM(points[0], points[1])), speedLimitKph };
  }
  const ring = points.map((p) => [p.lon, p.lat]);
  ring.push([points[0].lon, points[0].lat]);
  return { name, geometry: { type: 'Polygon', coordinates: [ring] }, speedLimitKph };
}

export function renderGeofences(context: Context): void {
  const manager = context.can('FLEET_MANAGER');
  const main = page(
    'Geofences',
    `<div class="map-layout">
       <div id="geofence-map" class="map" role="region" aria-label="Map of geofences"></div>
       <aside class="map-side">
         ${manager ? `<form id="geofence-form" class="stack">
           <h2 id="geofence-form-title">New geofence</h2>
           <label>Name <input name="name" id="geofence-name" required maxlength="200"></label>
           <label>Speed limit (km/h, optional) <input name="speedLimit" id="geofence-speed" type="number" min="1" max="400"></label>
           <div class="toolbar" role="group" aria-label="Shape">
             <button type="button" id="draw-polygon">Draw polygon</button>
             <button type="button" id="draw-circle">Draw circle</button>
             <button type="button" id="add-centre" disabled>Add point at centre</button>
           </div>
           <p id="draw-hint" class="muted" aria-live="polite">Choose a shape, then click the map.</p>
           <div class="toolbar"><button type="submit" id="save-geofence" disabled>Save</button>
             <button type="button" id="cancel-geofence">Cancel</button></div>
         </form>` : '<p class="muted">Fleet managers draw and edit geofences.</p>'}
         <h2>Zones</h2><div id="geofence-list"></div>
       </aside>
     </div>`,
  );
  const map = createMap(main.querySelector<HTMLElement>('#geofence-map')!, context.config);
  context.onLeave(() => disposeMap(map));
  const zones = L.featureGroup().addTo(map);
  const drawing = L.layerGroup().addTo(map);
  const listBox = main.querySelector<HTMLElement>('#geofence-list')!;
  let geofences: Geofence[] = [];
  let mode: Mode = 'none';
  let points: GeoPoint[] = [];
  let editing: Geofence | undefined;

  const load = () => {
    loading(listBox);
    api
      .get<Geofence[] | { items: Geofence[] }>('/api/v1/geofences')
      .then((result) => {
        geofences = Array.isArray(result) ? result : result.items;
        drawZones();
      })
      .catch((error) => failure(listBox, error));
  };

  const drawZones = () => {
    zones.clearLayers();
    geofences.forEach((geofence) => {
      const style = { color: '#6a1b9a', weight: 2, fillOpacity: 0.15 };
      const layer =
        geofence.shape === 'CIRCLE' && geofence.center
          ? L.circle([geofence.center.lat, geofence.center.lon], { ...style, radius: geofence.radiusM ?? 0 })
          : L.polygon((geofence.geometry?.coordinates[0] ?? []).map(([lon, lat]) => [lat, lon] as L.LatLngTuple), style);
      layer.bindTooltip(geofence.name).addTo(zones);
    });
    if (geofences.length === 0) {
      empty(listBox, 'No geofences yet.');
      return;
    }
    listBox.innerHTML = `<ul class="geofences">${geofences
      .map(
        (geofence, i) => html`<li data-geofence="${geofence.id}"><strong>${geofence.name}</strong>
          <span class="muted">${geofence.shape === 'CIRCLE' ? `circle ${number(geofence.radiusM, 0, 'm')}` : 'polygon'} · limit ${number(geofence.speedLimitKph, 0, 'km/h')}</span>`
          + (manager ? `<button type="button" data-edit="${i}">Edit</button><button type="button" data-delete="${i}">Delete</button>` : '')
          + '</li>',
      )
      .join('')}</ul>`;
    if (zones.getLayers().length > 0 && mode === 'none') {
      map.fitBounds(zones.getBounds().pad(0.3), { maxZoom: 15 });
    }
    listBox.querySelectorAll<HTMLButtonElement>('button[data-edit]').forEach((button) =>
      button.addEventListener('click', () => startEdit(geofences[Number(button.dataset.edit)])),
    );
    listBox.querySelectorAll<HTMLButtonElement>('button[data-delete]').forEach((button) =>
      button.addEventListener('click', () => {
        const geofence = geofences[Number(button.dataset.delete)];
        if (window.confirm(`Delete geofence ${geofence.name}?`)) {
          api
            .del(`/api/v1/geofences/${encodeURIComponent(geofence.id)}`)
            .then(() => {
              toast('Geofence deleted');
              load();
            })
            .catch((error) => toast(message(error), 'error'));
        }
      }),
    );
  };

  load();
  if (!manager) {
    return;
  }
  const form = main.querySelector<HTMLFormElement>('#geofence-form')!;
  const hint = main.querySelector<HTMLElement>('#draw-hint')!;
  const save = main.querySelector<HTMLButtonElement>('#save-geofence')!;
  const addCentre = main.querySelector<HTMLButtonElement>('#add-centre')!;

  const complete = () => (mode === 'polygon' ? points.length >= 3 : mode === 'circle' ? points.length === 2 : false);

  const redraw = () => {
    drawing.clearLayers();
    const style = { color: '#0d47a1', weight: 3, dashArray: '6 4', fillOpacity: 0.1 };
    if (mode === 'circle' && points.length >= 1) {
      L.circleMarker([points[0].lat, points[0].lon], { radius: 4, color: '#0d47a1' }).addTo(drawing);
      if (points.length === 2) {
        L.circle([points[0].lat, points[0].lon], { ...style, radius: distanceM(points[0], points[1]) }).addTo(drawing);
      }
    } else if (mode === 'polygon' && points.length > 0) {
      const latLngs = points.map((p) => [p.lat, p.lon] as L.LatLngTuple);
      (points.length >= 3 ? L.polygon(latLngs, style) : L.polyline(latLngs, style)).addTo(drawing);
      points.forEach((p) => L.circleMarker([p.lat, p.lon], { radius: 4, color: '#0d47a1' }).addTo(drawing));
    }
    save.disabled = !complete();
    addCentre.disabled = mode === 'none' || (mode === 'circle' && points.length >= 2);
    hint.textContent =
      mode === 'polygon'
        ? `${points.length} point${points.length === 1 ? '' : 's'}; at least 3 make a polygon.`
        : mode === 'circle'
          ? points.length === 0 ? 'Click the centre.' : points.length === 1 ? 'Click a point on the edge.' : 'Circle ready.'
          : 'Choose a shape, then click the map.';
  };

  const addPoint = (point: GeoPoint) => {
    if (mode === 'none' || (mode === 'circle' && points.length >= 2)) {
      return;
    }
    points.push(point);
    redraw();
  };

  const begin = (next: Mode) => {
    mode = next;
    points = [];
    redraw();
  };

  const reset = () => {
    editing = undefined;
    form.reset();
    main.querySelector('#geofence-form-title')!.textContent = 'New geofence';
    begin('none');
  };

  const startEdit = (geofence: Geofence) => {
    editing = geofence;
    main.querySelector('#geofence-form-title')!.textContent = `Edit ${geofence.name}`;
    (form.elements.namedItem('name') as HTMLInputElement).value = geofence.name;
    (form.elements.namedItem('speedLimit') as HTMLInputElement).value = geofence.speedLimitKph ? String(geofence.speedLimitKph) : '';
    if (geofence.shape === 'CIRCLE' && geofence.center) {
      mode = 'circle';
      const edge = L.latLng(geofence.center.lat, geofence.center.lon).toBounds((geofence.radiusM ?? 0) * 2).getNorth();
      points = [geofence.center, { lat: edge, lon: geofence.center.lon }];
    } else {
      mode = 'polygon';
      points = (geofence.geometry?.coordinates[0] ?? []).slice(0, -1).map(([lon, lat]) => ({ lat, lon }));
    }
    redraw();
    (form.elements.namedItem('name') as HTMLInputElement).focus();
  };

  map.on('click', (event: L.LeafletMouseEvent) => addPoint({ lat: event.latlng.lat, lon: event.latlng.lng }));
  main.querySelector('#draw-polygon')!.addEventListener('click', () => begin('polygon'));
  main.querySelector('#draw-circle')!.addEventListener('click', () => begin('circle'));
  addCentre.addEventListener('click', () => {
    const centre = map.getCenter();
    addPoint({ lat: centre.lat, lon: centre.lng });
  });
  main.querySelector('#cancel-geofence')!.addEventListener('click', reset);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (mode === 'none' || !complete()) {
      return;
    }
    const values = formValues(form);
    const body = geofenceBody(values.name, values.speedLimit, mode, points);
    save.disabled = true;
    const call = editing
      ? api.put<Geofence>(`/api/v1/geofences/${encodeURIComponent(editing.id)}`, { ...body, groupIds: editing.groupIds })
      : api.post<Geofence>('/api/v1/geofences', body);
    call
      .then((saved) => {
        toast(`Geofence ${saved?.name ?? values.name} saved`);
        reset();
        load();
      })
      .catch((error) => {
        save.disabled = false;
        toast(message(error), 'error');
      });
  });
}
