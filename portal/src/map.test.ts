// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DisposableMap, disposeMap, trackZoomAnimation } from './map';

/** Fires events the way Leaflet's Evented does: 'on' handlers stay, 'once' handlers run one time. */
class FakeMap implements DisposableMap {
  private readonly handlers: { type: string; handler: () => void; once: boolean }[] = [];
  removed = 0;

  on(type: string, handler: () => void): this {
    this.handlers.push({ type, handler, once: false });
    return this;
  }

  once(type: string, handler: () => void): this {
    this.handlers.push({ type, handler, once: true });
    return this;
  }

  fire(type: string): void {
    for (const entry of this.handlers.filter((h) => h.type === type)) {
      if (entry.once) {
        this.handlers.splice(this.handlers.indexOf(entry), 1);
      }
      entry.handler();
    }
  }

  remove(): this {
    this.removed++;
    return this;
  }
}

describe('leaving a page with a map', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('removes an idle map at once', () => {
    const map = new FakeMap();
    trackZoomAnimation(map);

    disposeMap(map);

    expect(map.removed).toBe(1);
  });

  it('waits for a running zoom animation to end before removing the map', () => {
    vi.useFakeTimers();
    const map = new FakeMap();
    trackZoomAnimation(map);
    map.fire('zoomanim');

    disposeMap(map);
    expect(map.removed).toBe(0);

    map.fire('zoomend');
    map.fire('moveend');
    vi.runAllTimers();
    expect(map.removed).toBe(1);
    map.fire('moveend');
    vi.runAllTimers();
    expect(map.removed).toBe(1);
  });

  it('removes at once a map whose zoom animation already ended', () => {
    const map = new FakeMap();
    trackZoomAnimation(map);
    map.fire('zoomanim');
    map.fire('zoomend');

    disposeMap(map);

    expect(map.removed).toBe(1);
  });
});
