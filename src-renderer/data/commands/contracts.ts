import {
  message,
  refusalError,
  messageFr,
  applyLifecycleEvent,
  contractDateIssues,
  contractInputSchema,
  contractLifeRefusal,
  compareDates,
  contractPriceListProblem,
  firstPriceListDate,
  contractSchema,
  enforce,
  lifecycleOfContract,
  nextContractReference,
  parseEntity,
  parseInstant,
  planTierChange,
  priceListInForce,
  referenceIssue,
  silentRetroactivityRefusal,
  tierCodeSchema,
  toParisWallClock,
  ValidationError,
  type Contract,
  type Message,
  type ContractInput,
  type IsoDate,
  type PriceLists,
  type ReferencedContract,
  type TerminationNotice,
  type TierCode,
} from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { parisToday } from '../context';
import { storedPriceLists } from '../price-lists';
import { contractReferences } from '../repositories/contracts';

/**
 * What a form gives for a new contract; history starts empty and the status
 * defaults to active. Without a reference, the app assigns the next free one;
 * without a price list, the stored list in force at its start (§5.1).
 */
export type NewContract = Omit<ContractInput, 'history' | 'status' | 'reference' | 'priceListId'> & Partial<Pick<ContractInput, 'status' | 'reference' | 'priceListId'>>;

/**
 * What an edit may change. The tier, the status and the notice have their own
 * audited actions (applyTierChange, recordTerminationNotice); the client does
 * not change. An `undefined` payment term returns to the rule settings' default.
 */
export type ContractPatch = Partial<Pick<ContractInput, 'reference' | 'startDate' | 'paymentTermDays' | 'priceListId'>>;

/** The id of the stored list in force on `startDate`; before the first list, the first one (which `checkIdentity` then refuses, naming the start). */
function listInForce(startDate: IsoDate, lists: PriceLists): string {
  const first = firstPriceListDate(lists);
  if (first === null) return '';
  return priceListInForce(compareDates(startDate, first) < 0 ? first : startDate, lists).id;
}

/** The contract aggregate's commands (tier changes with their notice: contract-life/). */
export function contractCommands(ctx: DataContext) {
  const { db } = ctx;

  /** Reads, changes and writes one contract in one transaction; `change` runs synchronously. */
  function modify(
    id: string,
    actor: string,
    change: (c: Contract, at: string, known: readonly ReferencedContract[], lists: PriceLists) => { after: Contract; action: string; summary: string | Message },
    { readReferences = false } = {},
  ): Promise<Contract> {
    return changeTransaction(ctx, ['contracts'], async () => {
      const before = await db.contracts.get(id);
      if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id }));
      const known = readReferences ? await references() : [];
      const lists = await storedPriceLists(db);
      const { after, action, summary } = change(before, ctx.now(), known, lists);
      const valid = parseEntity(contractSchema, after, 'Contrat');
      checkIdentity(valid, []);
      // Tier and end date as the contract's events set them (src-core, as the central API checks).
      enforce(contractLifeRefusal(before, valid, parisToday(ctx), new Map(), lists));
      await writeChange(ctx, { entity: 'contracts', before, after: valid, actor, action, summary, clientId: before.clientId });
      return valid;
    });
  }

  const references = () => contractReferences(ctx);

  /**
   * Refuses a reference another contract has, dates today makes impossible and,
   * given the stored `lists`, a list they lack or a start before the first (src-core rules), naming the fields.
   */
  function checkIdentity(contract: Contract, known: readonly ReferencedContract[], lists?: PriceLists): void {
    const clash = referenceIssue(contract, known);
    const priced = lists && contractPriceListProblem(contract, lists);
    const priceIssue = priced ? [{ path: lists.some((l) => l.id === contract.priceListId) ? 'startDate' : 'priceListId', message: messageFr(priced) }] : [];
    const issues = [...(clash ? [clash] : []), ...priceIssue, ...contractDateIssues(contract, parisToday(ctx))];
    if (issues.length > 0) throw new ValidationError('Contrat', issues);
  }

  return {
    /**
     * `commandId` (one per opened form) becomes the new contract's id: a second
     * submit of the same intent returns the contract the first one created.
     */
    async create(input: NewContract, actor: string, commandId?: string): Promise<Contract> {
      // A placeholder lets the schema check the other fields; the reference is assigned in the transaction.
      const assign = !input.reference?.trim();
      // The list is assigned from the stored ones in the transaction; a placeholder id lets the schema check the rest.
      const fields = parseEntity(contractInputSchema, { status: 'active', priceListId: 'PL', ...input, reference: assign ? 'CT' : input.reference, history: [] }, 'Contrat');
      const at = ctx.now();
      let contract = parseEntity(contractSchema, { ...fields, id: commandId ?? ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Contrat');
      await changeTransaction(ctx, ['contracts', 'clients'], async () => {
        const done = commandId ? await db.contracts.get(commandId) : undefined;
        if (done) {
          contract = done;
          return;
        }
        if (!(await db.clients.get(contract.clientId))) throw refusalError('INVALID_INPUT', message('refusal.notFound.client', { id: contract.clientId }));
        const known = await references();
        if (assign) contract = { ...contract, reference: nextContractReference(Number(parisToday(ctx).slice(0, 4)), known.map((r) => r.reference)) };
        const lists = await storedPriceLists(db);
        if (!input.priceListId) contract = { ...contract, priceListId: listInForce(contract.startDate, lists) };
        checkIdentity(contract, known, lists);
        await writeChange(ctx, { entity: 'contracts', before: undefined, after: contract, actor, action: 'create', summary: message('audit.contract.create', { reference: contract.reference, tier: contract.tier }), clientId: contract.clientId });
      });
      return contract;
    },

    /** Applies `patch` to the stored contract; the merged record is validated as a whole. */
    update(id: string, patch: ContractPatch, actor: string): Promise<Contract> {
      const { reference, startDate, paymentTermDays, priceListId } = patch;
      const editable = { reference, startDate, paymentTermDays, priceListId };
      const changes = Object.fromEntries(Object.entries(editable).filter(([k]) => k in patch));
      return modify(id, actor, (c, at, known) => {
        const after = { ...c, ...changes, updatedAt: at };
        // Only a changed reference is checked against the others: a duplicate kept from before stays editable.
        const clash = after.reference !== c.reference ? referenceIssue({ id: c.id, reference: String(after.reference) }, known) : undefined;
        if (clash) throw new ValidationError('Contrat', [clash]);
        // A tier change before the start would bill months outside the contract (same rule as applyTierChange).
        // (A malformed date is left to the schema, which names the field.)
        const earlier = c.history.find((e) => e.kind === 'tier_change' && e.fromMonth < String(after.startDate).slice(0, 7));
        if (earlier?.kind === 'tier_change') {
          throw refusalError('INVALID_DATE', message('refusal.contract.startAfterTierChange', { month: { month: earlier.fromMonth } }));
        }
        return { after, action: 'update', summary: message('audit.contract.update', { reference: after.reference }) };
      }, { readReferences: 'reference' in patch });
    },

    /**
     * Switches the contract to `newTier` from the first day of `fromMonth`
     * (DOMAIN.md: the proposed switch after an over-consumption). Earlier
     * months keep their tier in the history, so they are billed as they were.
     * A first day already past is refused unless `retroactive` says it is meant (DOMAIN.md).
     */
    async applyTierChange(contractId: string, newTier: TierCode, fromMonth: string, actor: string, { retroactive = false } = {}): Promise<Contract> {
      const tier = parseEntity(tierCodeSchema, newTier, 'Formule');
      const today = toParisWallClock(parseInstant(ctx.now())).date;
      return modify(contractId, actor, (c, at, _known, lists) => {
        const plan = planTierChange(c, tier, fromMonth, today, lists);
        enforce(silentRetroactivityRefusal(plan, retroactive, today));
        const confirmed = plan.retroactive ? { retroactive: true as const } : {};
        return {
          after: { ...c, tier, updatedAt: at, history: [...c.history, { kind: 'tier_change', at, actor, fromMonth, fromTier: plan.fromTier, toTier: tier, ...confirmed }] },
          action: 'tier_change',
          summary: message('audit.contract.tierChange', { from: plan.fromTier, to: tier, month: { month: fromMonth } }),
        };
      });
    },

    /**
     * Records the client's termination notice (§1): status "notice_received"
     * and the effective date, last day of the month after receipt, as the
     * lifecycle rules compute and allow it.
     */
    recordTerminationNotice(contractId: string, notice: TerminationNotice, actor: string): Promise<Contract> {
      return modify(contractId, actor, (c, at) => {
        const next = applyLifecycleEvent(lifecycleOfContract(c), { type: 'termination_notice_received', date: notice.receivedOn, channel: notice.channel });
        const effectiveDate = next.termination!.effectiveDate;
        return {
          after: {
            ...c,
            status: next.status,
            terminationNotice: { receivedOn: notice.receivedOn, channel: notice.channel },
            terminationEffectiveDate: effectiveDate,
            updatedAt: at,
            history: [...c.history, { kind: 'termination_notice', at, actor, receivedOn: notice.receivedOn, channel: notice.channel, effectiveDate }],
          },
          action: 'termination_notice',
          summary: message('audit.contract.notice', { receivedOn: { date: notice.receivedOn }, effective: { date: effectiveDate } }),
        };
      });
    },
  };
}
