import { DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE, type RuleSettings, type SellerProfile } from '../../src-core';
import type { DataContext } from './context';
import { readSetting } from './repositories/settings';

/** The rule settings in force: the stored ones, else the defaults of DOMAIN.md. */
export async function ruleSettings(ctx: DataContext): Promise<RuleSettings> {
  return (await readSetting(ctx.db, 'ruleSettings')) ?? DEFAULT_RULE_SETTINGS;
}

/** The seller printed on documents: the stored profile, else the demo one (to be completed in Paramètres). */
export async function sellerProfile(ctx: DataContext): Promise<SellerProfile> {
  return (await readSetting(ctx.db, 'sellerProfile')) ?? DEMO_SELLER_PROFILE;
}
