import type { Migration } from './migration';
import { initial } from './0001-initial';
import { deviceOwners } from './0002-device-owners';

/** In version order. */
export const MIGRATIONS: readonly Migration[] = [initial, deviceOwners];
