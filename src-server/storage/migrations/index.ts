import type { Migration } from './migration';
import { initial } from './0001-initial';
import { contractReferenceIndex } from './0002-contract-reference-index';

/** In version order. */
export const MIGRATIONS: readonly Migration[] = [initial, contractReferenceIndex];
