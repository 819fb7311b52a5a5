import { parseInstant, toParisWallClock, type IsoDate } from '../../src-core';
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

/** The laptop's clock: what `now` is unless a test fixes it. */
const laptopNow = (): string => new Date().toISOString();

/**
 * Today on the Paris calendar (DOMAIN.md, Conventions): a laptop abroad or a
 * UTC clock must not shift "this month" or a deadline window by a day. From
 * the context's clock (commands: tests fix it), else the laptop's (screens).
 */
export function parisToday({ now }: Pick<DataContext, 'now'> = { now: laptopNow }): IsoDate {
  return toParisWallClock(parseInstant(now())).date;
}

export function createDataContext(db: ContratsDb, deviceId: string, overrides: Partial<Omit<DataContext, 'db' | 'deviceId'>> = {}): DataContext {
  return {
    db,
    deviceId,
    now: laptopNow,
    newId: () => crypto.randomUUID(),
    ...overrides,
  };
}
