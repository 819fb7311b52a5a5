import { message, refusalError, contractTerms, letterContract, runsOn, type IsoDate, type Letter, type TierCode } from '../../../src-core';
import { changeTransaction, writeChange } from '../change';
import type { DataContext } from '../context';
import { ruleSettings } from '../settings-in-force';
import { draftRecord, type LetterDraft } from './records';
import { storedPriceLists } from '../price-lists';

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


/** What a batch has written: the new letters, and the contracts that already had this notice. */
export interface PriceChangeBatchResult {
  letters: Letter[];
  alreadyNotified: number;
}

/**
 * The change a price notice announces, as a key: the same contract never gets
 * two notices of the same change (DOMAIN.md: a batch never sends the same
 * notice twice), whether the batch is run twice or two runs race.
 */
function changeKey(letter: Pick<Letter, 'kind' | 'contractId' | 'params'>): string | null {
  if (letter.kind !== 'priceChange') return null;
  const p = letter.params;
  return [letter.contractId, p['prices.0.currentCents'], p['prices.0.newCents'], p['effectiveFrom'] ?? ''].join('|');
}

async function notifiedChanges(ctx: DataContext, contractIds: readonly string[]): Promise<Set<string>> {
  const letters = await ctx.db.letters.where('contractId').anyOf([...contractIds]).toArray();
  return new Set(letters.flatMap((l) => changeKey(l) ?? []));
}

/**
 * Writes one draft notice per running contract of the list, in chunked
 * transactions (each letter with its audit entry and outbox mutation). Every
 * letter is composed first, so a refused one stops the batch before any write.
 * A contract that already has the notice of the same change is left out, read
 * again inside each transaction. Returns the new letters, in the order to
 * print them (by contract reference).
 */
export async function createPriceChangeBatch(ctx: DataContext, request: PriceChangeBatchRequest, actor: string, options: BatchOptions = {}): Promise<PriceChangeBatchResult> {
  const { chunkSize = 200, onProgress } = options;
  const { db } = ctx;
  const priceList = (await storedPriceLists(db)).find((l) => l.id === request.priceListId);
  if (!priceList) throw refusalError('UNKNOWN_PRICE_LIST', message('refusal.notFound.priceList', { id: request.priceListId }));
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
  if (letters.length === 0) throw refusalError('INVALID_INPUT', message('refusal.batch.nothing'));

  const written: Letter[] = [];
  let alreadyNotified = 0;
  const summary = message('audit.letter.priceChangeBatch', { date: { date: request.letterDate }, list: priceList.label });
  for (let start = 0; start < letters.length; start += chunkSize) {
    const chunk = letters.slice(start, start + chunkSize);
    await changeTransaction(ctx, ['letters'], async () => {
      const notified = await notifiedChanges(ctx, chunk.map((l) => l.contractId));
      for (const letter of chunk) {
        if (notified.has(changeKey(letter)!)) {
          alreadyNotified += 1;
          continue;
        }
        await writeChange(ctx, { entity: 'letters', before: undefined, after: letter, actor, action: 'create', summary, clientId: letter.clientId });
        written.push(letter);
      }
    });
    onProgress?.({ written: start + chunk.length, total: letters.length });
  }
  return { letters: written, alreadyNotified };
}
