import { z } from 'zod';
import { centsSchema, isoDateSchema, recordMetaShape, requiredText } from './common';
import { crossChecked } from './as-it-stands';
import { frenchOf } from '../messages';

/**
 * Price lists as stored and synced records (CGV §5.1): src-core/pricing
 * `PriceList` plus a label and the record fields. The rules live in pricing.
 */

/** The tiers of the offer, cheapest first. */
export const TIER_CODES = ['T19', 'T49', 'T99', 'T199', 'T499', 'T999'] as const;
export type TierCode = (typeof TIER_CODES)[number];
export const tierCodeSchema = z.enum(TIER_CODES, { error: frenchOf('validation.tier.unknown') });

export const SUPPORT_LEVELS = ['none', 'simple', 'premium'] as const;

const limitSchema = z.number().finite().min(0, frenchOf('validation.tier.negativeLimit'));

/** Same shape as src-core/pricing `Tier`, so a stored list is usable by the pricing rules as is. */
export const priceListTierSchema = z.strictObject({
  id: tierCodeSchema,
  /** Monthly price excluding VAT. */
  priceCents: centsSchema.min(0, frenchOf('validation.tier.negativePrice')),
  limits: z.strictObject({ cpuHours: limitSchema, databaseGB: limitSchema, storageGB: limitSchema }),
  support: z.enum(SUPPORT_LEVELS),
  /** Premium support: deadline for a blocking anomaly, in business hours (§4). */
  blockingAnomalyBusinessHours: z.union([z.literal(8), z.literal(4)]).optional(),
});

export const priceListRecordSchema = crossChecked(
  z.strictObject({
    ...recordMetaShape,
    label: requiredText(frenchOf('validation.priceList.labelRequired')),
    effectiveFrom: isoDateSchema,
    tiers: z.array(priceListTierSchema).min(1, frenchOf('validation.priceList.noTier')),
  }),
  (list, ctx) => {
    const seen = new Set<string>();
    list.tiers.forEach((t, i) => {
      if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tiers', i, 'id'], message: frenchOf('validation.priceList.duplicateTier', { tier: t.id }) });
      seen.add(t.id);
    });
  },
);
export type PriceListRecord = z.infer<typeof priceListRecordSchema>;
