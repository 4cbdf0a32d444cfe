// Leaflet maps. Without a configured tile URL (these machines have no internet) the map shows a plain
// background with a graticule, so markers, routes and geofences still have a frame of reference.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { PortalConfig } from './model';

export function createMap(element: HTMLElement, config: PortalConfig): L.Map {
  const map = L.map(element, { preferCanvas: false, zoomControl: true, attributionControl: true });
  trackZoomAnimation(map);
  map.setView(config.mapCenter, config.mapZoom);
  if (config.mapTileUrl) {
    L.tileLayer(config.mapTileUrl, { attribution: config.mapTileAttribution, maxZoom: 19 }).addTo(map);
  } else {
    element.classList.add('no-tiles');
    addGraticule(map);
    map.attributionControl.addAttribution('No tile server configured');
  }
  return map;
}

/** The part of a Leaflet map that {@link disposeMap} needs (a plain object in tests). */
export interface DisposableMap {
  on(type: string, handler: () => void): unknown;
  once(type: string, handler: () => void): unknown;
  remove(): unknown;
}

const zooming = new WeakSet<DisposableMap>();

/** Remembers whether a zoom animation is running (from its 'zoomanim' to its 'zoomend'). */
export function trackZoomAnimation(map: DisposableMap): void {
  map.on('zoomanim', () => zooming.add(map));
  map.on('zoomend', () => zooming.delete(map));
}

/**
 * Removes a map when its page is left. Leaflet 1.9 ends a zoom animation from a timer that moves the map pane;
 * removed in the middle of one (a fitBounds just before the user navigates away) the timer then fails with
 * "Cannot read properties of undefined (reading '_leaflet_pos')". So a map that is zooming is removed once the
 * animation's final 'moveend' has fired.
 */
export function disposeMap(map: DisposableMap): void {
  if (!zooming.has(map)) {
    map.remove();
    return;
  }
  map.once('moveend', () => window.setTimeout(() => map.remove(), 0));
}

/** Lines every 0.01°/0.1°/1°/10° depending on the zoom, redrawn after each move. */
function addGraticule(map: L.Map): void {
  const group = L.layerGroup().addTo(map);
  const draw = () => {
    group.clearLayers();
    const bounds = map.getBounds();
    const zoom = map.getZoom();
    const step = zoom >= 11 ? 0.01 : zoom >= 8 ? 0.1 : zoom >= 5 ? 1 : 10;
    const style = { color: '#9fb3c8', weight: 1, interactive: false };
    for (let lat = Math.floor(bounds.getSouth() / step) * step; lat <= bounds.getNorth(); lat += step) {
      L.polyline([[lat, bounds.getWest()], [lat, bounds.getEast()]], style).addTo(group);
    }
    for (let lon = Math.floor(bounds.getWest() / step) * step; lon <= bounds.getEast(); lon += step) {
      L.polyline([[bounds.getSouth(), lon], [bounds.getNorth(), lon]], style).addTo(group);
    }
  };
  draw();
  map.on('moveend', draw);
}
