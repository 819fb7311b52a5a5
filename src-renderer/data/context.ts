import type { ContratsDb } from './db';

/**
 * What every repository needs besides the database: the laptop's device id
 * (carried by each mutation), a clock and an id maker. Tests inject fixed ones.
 */
export interface DataContext {
  db: ContratsDb;
  deviceId: string;
  /** Current instant, ISO 8601 with offset. */
  now: () => string;
  /** A new UUID v4 (record ids, mutation ids). */
  newId: () => string;
}

export function createDataContext(db: ContratsDb, deviceId: string, overrides: Partial<Omit<DataContext, 'db' | 'deviceId'>> = {}): DataContext {
  return {
    db,
    deviceId,
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    ...overrides,
  };
}
