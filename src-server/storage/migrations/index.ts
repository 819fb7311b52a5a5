import type { Migration } from './migration';
import { initial } from './0001-initial';
import { deviceOwners } from './0002-device-owners';
import { contractReferenceIndex } from './0003-contract-reference-index';
import { settlementIndexes } from './0004-settlement-indexes';
import { platformFlows } from './0005-platform-flows';
import { userSignIn } from './0006-user-sign-in';
import { auditPerson } from './0007-audit-person';
import { recordDigests } from './0008-record-digests';
import { recordsClientOrder } from './0009-records-client-order';
import { recordsBodyText } from './0010-records-body-text';

/** In version order. */
export const MIGRATIONS: readonly Migration[] = [initial, deviceOwners, contractReferenceIndex, settlementIndexes, platformFlows, userSignIn, auditPerson, recordDigests, recordsClientOrder, recordsBodyText];
