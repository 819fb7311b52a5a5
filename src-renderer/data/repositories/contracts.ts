import {
  applyLifecycleEvent,
  contractInputSchema,
  contractSchema,
  DomainError,
  formatDateFr,
  formatMonthFr,
  lifecycleOfContract,
  parseEntity,
  parseInstant,
  planTierChange,
  tierCodeSchema,
  toParisWallClock,
  type Contract,
  type ContractInput,
  type TerminationNotice,
  type TierCode,
} from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';

/** What a form gives for a new contract; history starts empty and the status defaults to active. */
export type NewContract = Omit<ContractInput, 'history' | 'status'> & Partial<Pick<ContractInput, 'status'>>;

/**
 * What an edit may change. The tier, the status and the notice have their own
 * audited actions (applyTierChange, recordTerminationNotice); the client does
 * not change. An `undefined` payment term returns to the rule settings' default.
 */
export type ContractPatch = Partial<Pick<ContractInput, 'reference' | 'startDate' | 'paymentTermDays' | 'priceListId'>>;

export function contractsRepository(ctx: DataContext) {
  const { db } = ctx;

  /** Reads, changes and writes one contract in one transaction; `change` runs synchronously. */
  function modify(id: string, actor: string, change: (c: Contract, at: string) => { after: Contract; action: string; summary: string }): Promise<Contract> {
    return changeTransaction(ctx, ['contracts'], async () => {
      const before = await db.contracts.get(id);
      if (!before) throw new DomainError('INVALID_INPUT', `Contrat introuvable : ${id}.`);
      const { after, action, summary } = change(before, ctx.now());
      const valid = parseEntity(contractSchema, after, 'Contrat');
      await writeChange(ctx, { entity: 'contracts', before, after: valid, actor, action, summary, clientId: before.clientId });
      return valid;
    });
  }

  return {
    get: (id: string) => db.contracts.get(id),
    ofClient: async (clientId: string) => (await db.contracts.ofClients([clientId])).sort((a, b) => a.startDate.localeCompare(b.startDate)),

    async create(input: NewContract, actor: string): Promise<Contract> {
      const fields = parseEntity(contractInputSchema, { status: 'active', ...input, history: [] }, 'Contrat');
      const at = ctx.now();
      const contract = parseEntity(contractSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Contrat');
      await changeTransaction(ctx, ['contracts', 'clients'], async () => {
        if (!(await db.clients.get(contract.clientId))) throw new DomainError('INVALID_INPUT', `Client introuvable : ${contract.clientId}.`);
        await writeChange(ctx, { entity: 'contracts', before: undefined, after: contract, actor, action: 'create', summary: `Création du contrat ${contract.reference} (${contract.tier}).`, clientId: contract.clientId });
      });
      return contract;
    },

    /** Applies `patch` to the stored contract; the merged record is validated as a whole. */
    update(id: string, patch: ContractPatch, actor: string): Promise<Contract> {
      const { reference, startDate, paymentTermDays, priceListId } = patch;
      const editable = { reference, startDate, paymentTermDays, priceListId };
      const changes = Object.fromEntries(Object.entries(editable).filter(([k]) => k in patch));
      return modify(id, actor, (c, at) => {
        const after = { ...c, ...changes, updatedAt: at };
        // A tier change before the start would bill months outside the contract (same rule as applyTierChange).
        // (A malformed date is left to the schema, which names the field.)
        const earlier = c.history.find((e) => e.kind === 'tier_change' && e.fromMonth < String(after.startDate).slice(0, 7));
        if (earlier?.kind === 'tier_change') {
          throw new DomainError('INVALID_DATE', `La date de début ne peut pas suivre un changement de formule déjà enregistré (${formatMonthFr(earlier.fromMonth)}).`);
        }
        return { after, action: 'update', summary: `Modification du contrat ${after.reference}.` };
      });
    },

    /**
     * Switches the contract to `newTier` from the first day of `fromMonth`
     * (DOMAIN.md: the proposed switch after an over-consumption). Earlier
     * months keep their tier in the history, so they are billed as they were.
     */
    async applyTierChange(contractId: string, newTier: TierCode, fromMonth: string, actor: string): Promise<Contract> {
      const tier = parseEntity(tierCodeSchema, newTier, 'Formule');
      const today = toParisWallClock(parseInstant(ctx.now())).date;
      return modify(contractId, actor, (c, at) => {
        const plan = planTierChange(c, tier, fromMonth, today);
        return {
          after: { ...c, tier, updatedAt: at, history: [...c.history, { kind: 'tier_change', at, actor, fromMonth, fromTier: plan.fromTier, toTier: tier }] },
          action: 'tier_change',
          summary: `Changement de formule ${plan.fromTier} → ${tier} à partir de ${formatMonthFr(fromMonth)}.`,
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
          summary: `Préavis de résiliation reçu le ${formatDateFr(notice.receivedOn)} : résiliation effective le ${formatDateFr(effectiveDate)} (§1).`,
        };
      });
    },
  };
}
