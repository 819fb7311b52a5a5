import {
  message, refusalError, contractLifeRefusal, contractSchema, DomainError, enforce, letterContract, parseEntity, planTierChange, silentRetroactivityRefusal,
  type Contract, type IsoDate, type Letter, type PriceLists, type TierChangePlan, type TierCode, type YearMonth,
} from '../../../src-core';
import { storedPriceLists } from '../price-lists';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { parisToday } from '../context';
import { ruleSettings } from '../settings-in-force';
import { draftRecord } from '../letters-flow/records';

/**
 * A tier change done right (DOMAIN.md, The contract's life acts on everything
 * else): applied only once its date and price difference were shown
 * (src-core `planTierChange`), never retroactive without an explicit choice,
 * and written in ONE transaction with the tier-change notice drafted for the
 * client; undone with its letter while that letter is still a draft.
 */
export interface TierChangeRequest {
  contractId: string;
  toTier: TierCode;
  fromMonth: YearMonth;
  /** The account manager chose a date before today knowingly. */
  retroactive: boolean;
  /** The month over the limits that motivates it, as the notice states it (§5.1, §6.1). */
  overrun: { month: YearMonth; overLimits: string[]; supplementCents: number };
}

export interface AppliedTierChange {
  contract: Contract;
  letter: Letter;
  plan: TierChangePlan;
}

function refuseSilentRetroactivity(plan: TierChangePlan, request: TierChangeRequest, today: IsoDate): void {
  enforce(silentRetroactivityRefusal(plan, request.retroactive, today));
}

/**
 * The change a first submit of `commandId` applied (its notice carries the
 * command id), with its plan as it was judged then: the contract without it.
 */
async function appliedBy(ctx: DataContext, contract: Contract, commandId: string, today: IsoDate, lists: PriceLists): Promise<AppliedTierChange | undefined> {
  const letter = (await ctx.db.letters.where('contractId').equals(contract.id).toArray()).find((l) => l.commandId === commandId);
  const change = contract.history.find((e) => e.kind === 'tier_change' && e.letterId === letter?.id);
  if (!letter || change?.kind !== 'tier_change') return undefined;
  const without = { ...contract, tier: change.fromTier, history: contract.history.filter((e) => e !== change) };
  return { contract, letter, plan: planTierChange(without, change.toTier, change.fromMonth, today, lists) };
}

/** Inside a transaction over contracts and letters: the change and its draft notice (a second submit of `commandId` returns the first). */
async function applyOne(ctx: DataContext, request: TierChangeRequest, today: IsoDate, letterSettings: Awaited<ReturnType<typeof ruleSettings>>, actor: string, commandId?: string): Promise<AppliedTierChange> {
  const before = await ctx.db.contracts.get(request.contractId);
  if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id: request.contractId }));
  // Inside the transaction: its scope covers the price lists (read-model/upkeep readModelScope).
  const lists = await storedPriceLists(ctx.db);
  const done = commandId ? await appliedBy(ctx, before, commandId, today, lists) : undefined;
  if (done) return done;
  const plan = planTierChange(before, request.toTier, request.fromMonth, today, lists);
  refuseSilentRetroactivity(plan, request, today);
  const at = ctx.now();
  const letter = draftRecord(
    ctx,
    {
      kind: 'tierChange',
      clientId: before.clientId,
      contractId: before.id,
      params: {
        contract: letterContract(before),
        letterDate: today,
        month: request.overrun.month,
        currentTier: { id: plan.fromTier, priceCents: plan.currentPriceCents },
        newTier: { id: plan.toTier, priceCents: plan.newPriceCents },
        effectiveFrom: plan.from,
        overLimits: request.overrun.overLimits,
        supplementCents: request.overrun.supplementCents,
      },
    },
    letterSettings,
    at,
    commandId,
  );
  const contract = parseEntity(
    contractSchema,
    {
      ...before,
      tier: plan.toTier,
      updatedAt: at,
      // The confirmation travels with the change, so the central API can tell a confirmed retroactive change from a silent one.
      history: [...before.history, { kind: 'tier_change', at, actor, fromMonth: plan.fromMonth, fromTier: plan.fromTier, toTier: plan.toTier, letterId: letter.id, ...(plan.retroactive ? { retroactive: true } : {}) }],
    },
    'Contrat',
  );
  enforce(contractLifeRefusal(before, contract, today, new Map(), lists));
  await writeChange(ctx, { entity: 'contracts', before, after: contract, actor, action: 'tier_change', summary: message('audit.contract.tierChangePlanned', { reference: before.reference, rule: { message: plan.said } }), clientId: before.clientId });
  await writeChange(ctx, { entity: 'letters', before: undefined, after: letter, actor, action: 'create', summary: message('audit.letter.tierChangeDraft', { reference: before.reference }), clientId: before.clientId });
  return { contract, letter, plan };
}

/** One tier change with its notice; `commandId` (one per opened dialog) makes a second submit return the first. */
export async function applyTierChangeWithNotice(ctx: DataContext, request: TierChangeRequest, actor: string, commandId?: string): Promise<AppliedTierChange> {
  const today = parisToday(ctx);
  const settings = await ruleSettings(ctx);
  return changeTransaction(ctx, ['contracts', 'letters'], async () => applyOne(ctx, request, today, settings, actor, commandId));
}

export interface BulkTierChangeResult {
  applied: AppliedTierChange[];
  refused: { contractId: string; message: string }[];
}

/**
 * The overrun work list's "apply and draft the letters": each change with its
 * notice, in chunked transactions (progress between them); a change the rules
 * refuse is reported and the others go on.
 */
export async function applyTierChangesWithNotices(
  ctx: DataContext,
  requests: readonly TierChangeRequest[],
  actor: string,
  options: { chunkSize?: number; onProgress?: (p: { done: number; total: number }) => void } = {},
): Promise<BulkTierChangeResult> {
  const { chunkSize = 50, onProgress } = options;
  const today = parisToday(ctx);
  const settings = await ruleSettings(ctx);
  const result: BulkTierChangeResult = { applied: [], refused: [] };
  for (let start = 0; start < requests.length; start += chunkSize) {
    const chunk = requests.slice(start, start + chunkSize);
    await changeTransaction(ctx, ['contracts', 'letters'], async () => {
      const lists = await storedPriceLists(ctx.db);
      for (const request of chunk) {
        const contract = await ctx.db.contracts.get(request.contractId);
        try {
          // Judged before writing, so that a refusal leaves the transaction intact.
          if (!contract) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id: request.contractId }));
          refuseSilentRetroactivity(planTierChange(contract, request.toTier, request.fromMonth, today, lists), request, today);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          result.refused.push({ contractId: request.contractId, message: error.message });
          continue;
        }
        result.applied.push(await applyOne(ctx, request, today, settings, actor));
      }
    });
    onProgress?.({ done: start + chunk.length, total: requests.length });
  }
  return result;
}

/** Undoes a tier change and deletes its notice, while that notice is still a draft. */
export async function undoTierChange(ctx: DataContext, letterId: string, actor: string): Promise<Contract> {
  return changeTransaction(ctx, ['contracts', 'letters'], async () => {
    const letter = await ctx.db.letters.get(letterId);
    if (!letter || letter.kind !== 'tierChange') throw refusalError('INVALID_INPUT', message('refusal.notFound.tierChangeNotice'));
    if (letter.status !== 'draft') throw refusalError('INVALID_TRANSITION', message('refusal.tierChange.printed'));
    const before = await ctx.db.contracts.get(letter.contractId);
    const change = before?.history.find((e) => e.kind === 'tier_change' && e.letterId === letterId);
    if (!before || change?.kind !== 'tier_change') throw refusalError('INVALID_INPUT', message('refusal.tierChange.gone'));
    const history = before.history.filter((e) => e !== change);
    const remaining = history.filter((e): e is typeof change => e.kind === 'tier_change').sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : 1));
    const tier = remaining.at(-1)?.toTier ?? change.fromTier;
    const at = ctx.now();
    const after = parseEntity(contractSchema, { ...before, tier, history, updatedAt: at }, 'Contrat');
    await writeChange(ctx, { entity: 'contracts', before, after, actor, action: 'tier_change_undone', summary: message('audit.contract.tierChangeUndone', { reference: before.reference, from: change.fromTier, to: change.toTier }), clientId: before.clientId });
    await writeChange(ctx, { entity: 'letters', before: letter, after: null, actor, action: 'delete', summary: message('audit.letter.tierChangeDeleted'), clientId: letter.clientId });
    return after;
  });
}
