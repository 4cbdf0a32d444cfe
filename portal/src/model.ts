// The JSON shapes of the REST APIs the portal reads (see /work/shared/API.md and the services' records).

export type Role = 'ADMIN' | 'FLEET_MANAGER' | 'USER' | 'OPERATOR';

export interface Session {
  subject: string;
  name?: string;
  email?: string;
  tenant?: string;
  roles: string[];
  authentication: string;
}

export interface PortalConfig {
  mapTileUrl: string;
  mapTileAttribution: string;
  mapCenter: [number, number];
  mapZoom: number;
}

export interface GeoPoint {
  lat: number;
  lon: number;
}

export interface DeviceState {
  deviceId: string;
  deviceType: string;
  lastSeen: string;
  position?: GeoPoint | null;
  speedKph?: number | null;
  headingDeg?: number | null;
  ignition?: boolean | null;
  fuelLevelPct?: number | null;
  batterySocPct?: number | null;
  pvPowerW?: number | null;
  activeAlerts: string[];
  metrics: Record<string, unknown>;
  updatedAt: string;
}

export interface Device {
  id: string;
  type: string;
  name?: string;
  groupId?: string;
  tags: string[];
  assignedUserIds: string[];
  active: boolean;
  vehicle?: Record<string, unknown> | null;
  energy?: Record<string, unknown> | null;
  createdAt?: string;
  lastSeenAt?: string | null;
  credentialIssuedAt?: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  total: number;
}

export interface Alert {
  alertId: string;
  deviceId: string;
  groupId?: string;
  type: string;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  status: 'RAISED' | 'UPDATED' | 'CLEARED' | 'ACKNOWLEDGED';
  geofenceId?: string;
  startedAt: string;
  endedAt?: string | null;
  ts: string;
  version: number;
  message?: string;
  details?: Record<string, unknown>;
  acknowledgement?: { by?: string; at?: string; comment?: string } | null;
}

export interface Trip {
  tripId: string;
  deviceId: string;
  startedAt: string;
  endedAt: string;
  distanceKm: number;
  maxSpeedKph: number;
  avgSpeedKph: number;
  overspeedCount: number;
  harshBrakingCount: number;
  harshAccelerationCount: number;
  endReason: string;
  route: GeoPoint[];
}

export interface MetricStats {
  count: number;
  min: number;
  max: number;
  sum: number;
  last: number;
}

export interface Rollup {
  deviceId: string;
  resolution: string;
  windowStart: string;
  windowEnd: string;
  count: number;
  distanceKm?: number | null;
  avgSpeedKph?: number | null;
  maxSpeedKph?: number | null;
  pvEnergyKwh?: number | null;
  minBatterySocPct?: number | null;
  maxCoolantTempC?: number | null;
  maxInverterTempC?: number | null;
  metrics: Record<string, MetricStats>;
}

export interface Geofence {
  id: string;
  name: string;
  shape: 'POLYGON' | 'CIRCLE';
  geometry?: { type: string; coordinates: number[][][] } | null;
  center?: GeoPoint | null;
  radiusM?: number | null;
  speedLimitKph?: number | null;
  dwellSeconds?: number | null;
  groupIds: string[];
}
