import { contractTerms, DomainError, formatDateFr, letterContract, runsOn, type IsoDate, type Letter, type TierCode } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { ruleSettings } from '../invoicing/common';
import { draftRecord, type LetterDraft } from './records';

/** One price change notice to every running contract of a price list (§5.2). */
export interface PriceChangeBatchRequest {
  priceListId: string;
  letterDate: IsoDate;
  /** "la hausse du coût de l’énergie" — completes "en raison de …". */
  reason: string;
  /** New monthly price HT per tier, in cents; tiers left out or unchanged get no letter. */
  newPrices: Partial<Record<TierCode, number>>;
  effectiveFrom?: IsoDate;
}

export interface BatchOptions {
  /** Letters per transaction (default 200): bulk enough to be fast, small enough to report progress. */
  chunkSize?: number;
  onProgress?: (progress: { written: number; total: number }) => void;
}


/**
 * Writes one draft notice per running contract of the list, in chunked
 * transactions (each letter with its audit entry and outbox mutation). Every
 * letter is composed first, so a refused one stops the batch before any write.
 * Returns the letters, in the order to print them (by contract reference).
 */
export async function createPriceChangeBatch(ctx: DataContext, request: PriceChangeBatchRequest, actor: string, options: BatchOptions = {}): Promise<Letter[]> {
  const { chunkSize = 200, onProgress } = options;
  const { db } = ctx;
  const priceList = await db.priceLists.get(request.priceListId);
  if (!priceList) throw new DomainError('UNKNOWN_PRICE_LIST', `Grille tarifaire introuvable : ${request.priceListId}.`);
  // Contracts running on the letter's date, read from their events: an ended one gets no notice, a draft one has no price yet.
  const contracts = (await db.contracts.toArray()).filter((c) => c.priceListId === priceList.id && runsOn(contractTerms(c), request.letterDate)).sort((a, b) => a.reference.localeCompare(b.reference));
  const settings = await ruleSettings(ctx);
  const at = ctx.now();

  const letters = contracts.flatMap((contract) => {
    const current = priceList.tiers.find((t) => t.id === contract.tier)?.priceCents;
    const next = request.newPrices[contract.tier];
    if (current === undefined || next === undefined || next === current) return [];
    const draft: LetterDraft<'priceChange'> = {
      kind: 'priceChange',
      clientId: contract.clientId,
      contractId: contract.id,
      params: {
        contract: letterContract(contract),
        letterDate: request.letterDate,
        reason: request.reason,
        prices: [{ label: `Formule ${contract.tier}`, currentCents: current, newCents: next }],
        ...(request.effectiveFrom ? { effectiveFrom: request.effectiveFrom } : {}),
      },
    };
    return [draftRecord(ctx, draft, settings, at)];
  });
  if (letters.length === 0) throw new DomainError('INVALID_INPUT', 'Aucun contrat en cours de cette grille n’est concerné par un changement de prix.');

  const summary = `Avis de modification des prix rédigé (envoi groupé du ${formatDateFr(request.letterDate)}, grille « ${priceList.label} »).`;
  for (let start = 0; start < letters.length; start += chunkSize) {
    const chunk = letters.slice(start, start + chunkSize);
    await changeTransaction(ctx, ['letters'], async () => {
      for (const letter of chunk) await writeChange(ctx, { entity: 'letters', before: undefined, after: letter, actor, action: 'create', summary, clientId: letter.clientId });
    });
    onProgress?.({ written: start + chunk.length, total: letters.length });
  }
  return letters;
}
