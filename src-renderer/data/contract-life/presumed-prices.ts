import { letterContractEffect, presumedPriceVersion, presumedReceiptDate, type PresumedPriceVersion } from '../../../src-core';
import type { DataContext } from '../context';
import { ruleSettings } from '../settings-in-force';

/**
 * The price change notices sent whose receipt is not known yet, as the price
 * versions they will give their contracts (DOMAIN.md §5.2: until the receipt
 * is known, it is presumed on the sending date + N days, a setting). Each is
 * computed by the same rule as a received notice (src-core
 * `letterContractEffect`), from the presumed receipt. For the MRR forecast,
 * by contract id; nothing is written.
 */
export async function readPresumedPriceChanges(ctx: DataContext): Promise<Map<string, PresumedPriceVersion[]>> {
  const letters = (await ctx.db.letters.where('status').equals('sent').toArray()).filter((l) => l.kind === 'priceChange' && l.sentOn && !l.receivedOn);
  const byContract = new Map<string, PresumedPriceVersion[]>();
  if (letters.length === 0) return byContract;
  const settings = await ruleSettings(ctx);
  const contracts = await ctx.db.contracts.bulkGet(letters.map((l) => l.contractId));
  letters.forEach((letter, i) => {
    const contract = contracts[i];
    if (!contract || !letter.sentOn) return;
    const effect = letterContractEffect({ ...letter, receivedOn: presumedReceiptDate(letter.sentOn, settings) }, contract, settings);
    if (effect?.kind !== 'price_change') return;
    const { from, tier, priceCents, receivedOn, objectionDeadline } = effect.entry;
    const version = presumedPriceVersion({ from, tier, priceCents, receivedOn, objectionDeadline, letterId: letter.id }, letter.sentOn);
    byContract.set(contract.id, [...(byContract.get(contract.id) ?? []), version]);
  });
  return byContract;
}
