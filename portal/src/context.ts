// What every page gets: the session, the portal configuration, the live device-state store and alert feed.
import type { Alert, PortalConfig, Session } from './model';
import { DeviceStateStore } from './store';

export type AlertListener = (alert: Alert, transition: string) => void;

const RANK: Record<string, number> = { USER: 1, FLEET_MANAGER: 2, ADMIN: 3 };

/** Role hierarchy ADMIN > FLEET_MANAGER > USER: does the session have {@code role} or a higher one? */
export function hasRole(roles: readonly string[], role: 'USER' | 'FLEET_MANAGER' | 'ADMIN'): boolean {
  return roles.some((granted) => (RANK[granted] ?? 0) >= RANK[role]);
}

export class Context {
  readonly states = new DeviceStateStore();

  readonly alertListeners = new Set<AlertListener>();

  /** Things to undo when the page changes (timers, listeners, maps). */
  private cleanups: Array<() => void> = [];

  constructor(
    readonly session: Session,
    readonly config: PortalConfig,
  ) {}

  can(role: 'USER' | 'FLEET_MANAGER' | 'ADMIN'): boolean {
    return hasRole(this.session.roles, role);
  }

  onLeave(cleanup: () => void): void {
    this.cleanups.push(cleanup);
  }

  onAlert(listener: AlertListener): void {
    this.alertListeners.add(listener);
    this.onLeave(() => this.alertListeners.delete(listener));
  }

  leave(): void {
    const cleanups = this.cleanups;
    this.cleanups = [];
    cleanups.forEach((cleanup) => {
      try {
        cleanup();
      } catch {
        // a page's cleanup must not stop the next page
      }
    });
  }
}
