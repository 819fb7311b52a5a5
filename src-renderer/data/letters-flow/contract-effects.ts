import { message, refusalError, applyLifecycleEvent, contractEnd, contractLifeRefusal, contractSchema, enforce, letterContractEffect, lifecycleOfContract, parseEntity, priceChangeObjectionEffect, type Contract, type Letter, type LetterContractEffect, type RuleSettings, messageOfFrench, type Message } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import { storedPriceLists } from '../price-lists';
import type { DataContext } from '../context';
import { parisToday } from '../context';
import { ruleSettings } from '../settings-in-force';

/**
 * Letters that act on their contract (DOMAIN.md, The contract's life acts on
 * everything else): the effect computed by src-core `letterContractEffect` is
 * written to the contract — its history, end date and status — in the same
 * transaction as the letter's step, with an audit entry naming the rule, so
 * the client's timeline shows it. The stored end date and status follow the
 * events (src-core `contractEnd`), for the other readers of the record.
 */

/** The contract's stored end date and status, recomputed from its events on `today`. */
function settled(contract: Contract, today: string): Contract {
  const end = contractEnd(contract);
  const { terminationEffectiveDate: _old, ...rest } = contract;
  if (!end) return { ...rest, status: contract.status === 'draft' || contract.status === 'suspended' ? contract.status : 'active' };
  const status = end.value < today ? 'terminated' : contract.status === 'suspended' ? 'suspended' : 'notice_received';
  return { ...rest, terminationEffectiveDate: end.value, status };
}

/** A rule stored in French: one of src-core's sentences said by its code, any other kept as is. */
const storedRule = (rule: string) => {
  const said = messageOfFrench(rule);
  return said ? { message: said } : rule;
};

function applied(contract: Contract, effect: LetterContractEffect, at: string, actor: string, today: string): { after: Contract; action: string; summary: Message } {
  switch (effect.kind) {
    case 'client_notice': {
      const next = applyLifecycleEvent(lifecycleOfContract(contract), { type: 'termination_notice_received', date: effect.notice.receivedOn, channel: effect.notice.channel });
      const effectiveDate = next.termination!.effectiveDate;
      const after = { ...contract, terminationNotice: effect.notice, history: [...contract.history, { kind: 'termination_notice' as const, at, actor, ...effect.notice, effectiveDate }] };
      return { after: settled(after, today), action: 'termination_notice', summary: message('audit.contract.noticeByLetter', { date: { date: effect.notice.receivedOn }, effective: { date: effectiveDate } }) };
    }
    case 'termination': {
      const e = effect.entry;
      const after = { ...contract, history: [...contract.history, { ...e, at, actor }] };
      return { after: settled(after, today), action: 'termination', summary: message('audit.contract.termination', { cause: { word: `code.terminationCauseLabel.${e.cause}` }, effective: { date: e.effectiveDate }, rule: storedRule(e.rule) }) };
    }
    case 'price_change': {
      const e = effect.entry;
      const after = { ...contract, history: [...contract.history, { ...e, at, actor }] };
      return {
        after,
        action: 'price_change',
        summary: message('audit.contract.priceChange', { tier: e.tier, price: { cents: e.priceCents }, from: { date: e.from }, objectionBy: { date: e.objectionDeadline } }),
      };
    }
  }
}

/** A returned letter produced no effect: the dates it set are withdrawn. */
function withdrawn(contract: Contract, letter: Letter, today: string): Contract | null {
  const history = contract.history.filter((e) => !(e.kind === 'termination' || e.kind === 'price_change') || e.letterId !== letter.id);
  if (history.length === contract.history.length) return null;
  // The stored end date came from the entries withdrawn: the remaining events decide again.
  const { terminationEffectiveDate: _derived, ...rest } = contract;
  return settled({ ...rest, history }, today);
}

function alreadyThere(contract: Contract, letterId: string, effect: LetterContractEffect): boolean {
  if (effect.kind === 'client_notice') return false;
  const latest = contract.history.filter((e) => e.kind === effect.kind && e.letterId === letterId).at(-1);
  if (!latest) return false;
  const e = effect.entry;
  if (latest.kind === 'termination' && e.kind === 'termination') return latest.effectiveDate === e.effectiveDate && latest.noticeDate === e.noticeDate && latest.cause === e.cause;
  if (latest.kind === 'price_change' && e.kind === 'price_change') return latest.from === e.from && latest.priceCents === e.priceCents && latest.tier === e.tier && latest.receivedOn === e.receivedOn;
  return false;
}

/**
 * Writes the effect of a letter that just moved to `letter.status` on its
 * contract (read in the same transaction). Must run inside a transaction over letters and contracts.
 */
export async function actOnContract(ctx: DataContext, letter: Letter, before: Contract, settings: RuleSettings, today: string, actor: string): Promise<void> {
  const at = ctx.now();
  if (letter.status === 'returned') {
    const after = withdrawn(before, letter, today);
    if (after) {
      const valid = parseEntity(contractSchema, { ...after, updatedAt: at }, 'Contrat');
      enforce(contractLifeRefusal(before, valid, today, new Map([[letter.id, letter]]), await storedPriceLists(ctx.db)));
      await writeChange(ctx, { entity: 'contracts', before, after: valid, actor, action: 'letter_withdrawn', summary: message('audit.letter.withdrawn', { kind: { word: `code.letterKind.${letter.kind}` }, reference: before.reference }), clientId: before.clientId });
    }
    return;
  }
  const effect = letterContractEffect(letter, before, settings);
  if (!effect) return;
  // The same effect again (a step repeated, a sync) writes nothing.
  if (alreadyThere(before, letter.id, effect)) return;
  const { after, action, summary } = applied(before, effect, at, actor, today);
  const valid = parseEntity(contractSchema, { ...after, updatedAt: at }, 'Contrat');
  enforce(contractLifeRefusal(before, valid, today, new Map([[letter.id, letter]]), await storedPriceLists(ctx.db)));
  await writeChange(ctx, { entity: 'contracts', before, after: valid, actor, action, summary: message('audit.contract.letterEffect', { reference: before.reference, effect: { message: summary } }), clientId: before.clientId });
}

/**
 * Records the client's objection to a price change notice (§5.2), received
 * on `objectionOn`: the contract ends the day before the new prices apply.
 * Refused (nothing written) after the deadline or in the future.
 */
export async function recordPriceChangeObjection(ctx: DataContext, letterId: string, objectionOn: string, actor: string): Promise<Contract> {
  const today = parisToday(ctx);
  if (objectionOn > today) throw refusalError('INVALID_DATE', message('refusal.letter.futureObjection', { date: { date: objectionOn } }));
  const settings = await ruleSettings(ctx);
  return changeTransaction(ctx, ['letters', 'contracts'], async () => {
    const letter = await ctx.db.letters.get(letterId);
    if (!letter) throw refusalError('INVALID_INPUT', message('refusal.notFound.letter', { id: letterId }));
    const before = await ctx.db.contracts.get(letter.contractId);
    if (!before) throw refusalError('INVALID_INPUT', message('refusal.notFound.contract', { id: letter.contractId }));
    const effect = priceChangeObjectionEffect(letter, before, objectionOn, settings);
    const at = ctx.now();
    const { after, summary } = applied(before, effect, at, actor, today);
    const valid = parseEntity(contractSchema, { ...after, updatedAt: at }, 'Contrat');
    enforce(contractLifeRefusal(before, valid, today, new Map([[letter.id, letter]]), await storedPriceLists(ctx.db)));
    await writeChange(ctx, { entity: 'contracts', before, after: valid, actor, action: 'price_change_objection', summary: message('audit.contract.objection', { reference: before.reference, date: { date: objectionOn }, effect: { message: summary } }), clientId: before.clientId });
    return valid;
  });
}
