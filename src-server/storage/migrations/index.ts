import type { Migration } from './migration';
import { initial } from './0001-initial';
import { deviceOwners } from './0002-device-owners';
import { contractReferenceIndex } from './0003-contract-reference-index';
import { userSignIn } from './0004-user-sign-in';

/** In version order. */
export const MIGRATIONS: readonly Migration[] = [initial, deviceOwners, contractReferenceIndex, userSignIn];
