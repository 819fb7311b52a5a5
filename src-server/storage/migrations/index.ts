import type { Migration } from './migration';
import { initial } from './0001-initial';

/** In version order. */
export const MIGRATIONS: readonly Migration[] = [initial];
