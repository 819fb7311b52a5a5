import { z } from 'zod';
import { envelopeModelSchema, message, messageFr, parseEntity, ruleSettingsSchema, sellerProfileSchema, type EnvelopeModel, type RuleSettings, type SellerProfile } from '../../../src-core';
import type { DataContext } from '../context';
import { historyLine, type ContratsDb } from '../db';

/**
 * The keys of the settings table and their value types: the account
 * manager's settings. Local to the laptop: no outbox. The sync engine's
 * bookkeeping (device id, cursors, conflicts…) has its own table (sync-state/keys.ts).
 */
export interface SettingValues {
  sellerProfile: SellerProfile;
  ruleSettings: RuleSettings;
  envelopeModels: EnvelopeModel[];
  /** The name a standalone laptop's audit uses (Paramètres; sync/person.ts), null when none was chosen. */
  'local.personName': string | null;
  /** Where this laptop issues when the central API can be reached (invoicing/central-issue.ts): its choice, never synced. */
  'local.issueSeries': 'central' | 'device';
}
export type SettingKey = keyof SettingValues;

const SETTING_SCHEMAS: { [K in SettingKey]: z.ZodType<SettingValues[K]> } = {
  sellerProfile: sellerProfileSchema,
  ruleSettings: ruleSettingsSchema,
  envelopeModels: z.array(envelopeModelSchema),
  'local.personName': z.string().max(80).nullable(),
  'local.issueSeries': z.enum(['central', 'device']),
};


export async function readSetting<K extends SettingKey>(db: ContratsDb, key: K): Promise<SettingValues[K] | undefined> {
  return (await db.settings.get(key))?.value as SettingValues[K] | undefined;
}

/** Validates and stores a setting without an audit entry: for the name the audit itself uses (sync/person.ts). */
export async function writeSetting<K extends SettingKey>(db: ContratsDb, key: K, value: SettingValues[K]): Promise<SettingValues[K]> {
  const valid = parseEntity(SETTING_SCHEMAS[key], value, messageFr(message(`code.setting.${key}`)));
  await db.settings.put({ key, value: valid });
  return valid;
}

export function settingsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: <K extends SettingKey>(key: K) => readSetting(db, key),

    /** Validates and stores a setting, with an audit entry (who changed the seller profile, when). */
    async set<K extends SettingKey>(key: K, value: SettingValues[K], actor: string): Promise<SettingValues[K]> {
      return db.transaction('rw', db.settings, db.audit, async () => {
        const valid = await writeSetting(db, key, value);
        const said = message('audit.setting.update', { setting: { word: `code.setting.${key}` } });
        await db.audit.add({ at: ctx.now(), actor, entity: 'settings', recordId: key, action: 'update', ...historyLine(said) });
        return valid;
      });
    },
  };
}
