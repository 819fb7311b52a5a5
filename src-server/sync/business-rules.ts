import { toParisWallClock } from '../../src-core/calendar';
import type { IsoDate } from '../../src-core/dates';
import type { Contract, Invoice, Letter, Payment, PriceListRecord } from '../../src-core/model';
import { listsOrBuiltIn } from '../../src-core/demo';
import type { PriceLists } from '../../src-core/pricing';
import {
  addedTerminationLetterIds, contractLifeRefusal, creditNoteRefusal, issuedDocumentChangeRefusal, letterChangeRefusal, letterDeletionRefusal, newPaymentRefusal, paymentChangeRefusal, paymentDeletionRefusal, refusal,
  type TerminatingLetter, type Verdict,
} from '../../src-core/rules';
import type { EntityType, VersionedRecord, WireRecord } from '../../src-core/sync';
import type { Message } from '../../src-core/messages';
import type { Queryable } from '../storage/db';
import { contractIdentityRefusal } from './contract-identity';
import { creditUseRefusal } from './credit-use';
import { loadRecord } from './record-store';

/**
 * The business invariants of src-core/rules on the central API (ARCHITECTURE.md,
 * data flow 4b): what a laptop could not do through the app, no laptop does
 * through the API, and the refusal is the laptop's own message: its code when
 * the rule gave one (said in the laptop's language, issue 19), else its French. Each
 * entity has its list of checks; a check reads, inside the mutation's
 * transaction (after `lockWrites`), the current records it needs and asks the
 * src-core rule. Records read back were validated by their schema when stored.
 */
export interface RuleInput {
  tx: Queryable;
  recordId: string;
  /** The record before the mutation; undefined when new (or recreated after a deletion). */
  before: WireRecord | undefined;
  /** The validated record the mutation would store. */
  after: WireRecord;
  changedFields: readonly string[];
  /** Today on the Paris calendar, by the server's clock. */
  today: IsoDate;
}

export type RuleCheck = (input: RuleInput) => Promise<Verdict>;

const as = <T>(record: WireRecord, id: string) => ({ ...record, id }) as unknown as T;

async function liveRecord<T>(tx: Queryable, entity: EntityType, id: string): Promise<T | undefined> {
  const stored = await loadRecord(tx, entity, id);
  return stored && !stored.deleted ? as<T>(stored.data, id) : undefined;
}

/** Live records of `entity` whose `field` is `value` (served by the indexes of migration 0004 for payments and credit notes). */
async function recordsWhere<T>(tx: Queryable, entity: EntityType, field: 'invoiceId' | 'creditedInvoiceId', value: string): Promise<T[]> {
  const rows = await tx.query<{ id: string; data: WireRecord }>(`select id, data from records where entity = $1 and not deleted and data->>'${field}' = $2`, [entity, value]);
  return rows.map((row) => as<T>(row.data, row.id));
}

const payments: RuleCheck = async ({ tx, recordId, before, after, changedFields, today }) => {
  if (before) return paymentChangeRefusal(as<Payment>(before, recordId), as<Payment>(after, recordId), changedFields, today);
  const payment = as<Payment>(after, recordId);
  const invoice = await liveRecord<Invoice>(tx, 'invoices', payment.invoiceId);
  return newPaymentRefusal(payment, {
    invoice,
    payments: await recordsWhere<Payment>(tx, 'payments', 'invoiceId', payment.invoiceId),
    creditNotes: await recordsWhere<Invoice>(tx, 'invoices', 'creditedInvoiceId', payment.invoiceId),
    today,
  });
};

/** A refund or an offset out of an overpaid invoice (src-core creditUseProblem), new or being imputed. */
const creditUses: RuleCheck = async ({ tx, recordId, after }) => {
  const problem = await creditUseRefusal(tx, recordId, after);
  return problem ? refusal('INVALID_AMOUNT', problem) : null;
};

/** What a credit note credits: checked when it is new or any of these change (issued, it no longer changes at all). */
const CREDITING_FIELDS = ['kind', 'status', 'clientId', 'creditedInvoiceId', 'lines'];

const creditNotes: RuleCheck = async ({ tx, recordId, before, after, changedFields }) => {
  const note = as<Invoice>(after, recordId);
  if (note.kind !== 'credit_note' || (before && !changedFields.some((field) => CREDITING_FIELDS.includes(field)))) return null;
  const invoiceId = note.creditedInvoiceId ?? '';
  return creditNoteRefusal(note, await liveRecord<Invoice>(tx, 'invoices', invoiceId), await recordsWhere<Invoice & { id: string }>(tx, 'invoices', 'creditedInvoiceId', invoiceId));
};

const letters: RuleCheck = async ({ recordId, before, after, today }) => (before ? letterChangeRefusal(as<Letter>(before, recordId), as<Letter>(after, recordId), today) : null);

const contractIdentity: RuleCheck = async ({ tx, recordId, after, changedFields }) => {
  const problem = await contractIdentityRefusal(tx, recordId, after, changedFields.includes('reference'));
  return problem ? refusal('INVALID_INPUT', problem) : null;
};

/**
 * The price lists the server holds (a handful of records, read once per
 * contract mutation). A server never seeded with any has the built-in list of
 * 2024-09-01 as its seed data, the one its laptops were seeded with.
 */
async function storedPriceLists(tx: Queryable): Promise<PriceLists> {
  const rows = await tx.query<{ id: string; data: WireRecord }>(`select id, data from records where entity = 'priceLists' and not deleted`);
  return listsOrBuiltIn(rows.map((row) => as<PriceListRecord>(row.data, row.id)));
}

const contractLife: RuleCheck = async ({ tx, recordId, before, after, today }) => {
  const previous = before && as<Contract>(before, recordId);
  const next = as<Contract>(after, recordId);
  const named = new Map<string, TerminatingLetter>();
  for (const id of addedTerminationLetterIds(previous, next)) {
    const letter = await liveRecord<Letter>(tx, 'letters', id);
    if (letter) named.set(id, letter);
  }
  return contractLifeRefusal(previous, next, today, named, await storedPriceLists(tx));
};

/** Checks run on a record about to be stored, per entity, in order. Add an entity's rule here. */
export const RECORD_RULES: Partial<Record<EntityType, readonly RuleCheck[]>> = {
  payments: [payments, creditUses],
  invoices: [creditNotes],
  letters: [letters],
  contracts: [contractIdentity, contractLife],
};

/** Checks run on a record about to be deleted (the deletion of an issued document is `issuedDocumentRefusal`'s). */
export const DELETION_RULES: Partial<Record<EntityType, (before: WireRecord) => Verdict>> = {
  letters: (before) => letterDeletionRefusal(before as unknown as Letter),
  // Every payment the server holds has been synced.
  payments: () => paymentDeletionRefusal({ version: 1 }),
};

/** A refusal as the push answer carries it: its message code when it has one, else its French. */
const reasonOf = (verdict: Verdict): Message | string | undefined => (verdict ? (verdict.said ?? verdict.message) : undefined);

export function deletionRefusal(entity: EntityType, before: VersionedRecord | undefined): Message | string | undefined {
  if (!before || before.deleted) return undefined;
  return reasonOf(DELETION_RULES[entity]?.(before.data) ?? null);
}

/** The first refusal of the entity's checks, or undefined. */
export async function businessRuleRefusal(entity: EntityType, input: RuleInput): Promise<Message | string | undefined> {
  for (const check of RECORD_RULES[entity] ?? []) {
    const verdict = await check(input);
    if (verdict) return reasonOf(verdict);
  }
  return undefined;
}

/**
 * Checked before merging, so an edit of an issued document is refused even
 * when it would also conflict: an issued invoice, credit note or surcharge
 * never changes (src-core `issuedDocumentChangeRefusal`, as on the laptop).
 */
export function issuedDocumentRefusal(entity: EntityType, current: VersionedRecord | undefined, change: 'delete' | readonly string[]): Message | string | undefined {
  if (entity !== 'invoices' || !current || current.deleted) return undefined;
  return reasonOf(issuedDocumentChangeRefusal(current.data as unknown as Invoice, change));
}

export const parisToday = (): IsoDate => toParisWallClock(Date.now()).date;
