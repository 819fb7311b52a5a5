import { z } from 'zod';
import { envelopeModelSchema, parseEntity, ruleSettingsSchema, sellerProfileSchema, type EnvelopeModel, type RuleSettings, type SellerProfile } from '../../../src-core';
import type { DataContext } from '../context';
import type { ContratsDb } from '../db';

/** The keys of the settings table and their value types. Settings are local to the laptop: no outbox. */
export interface SettingValues {
  sellerProfile: SellerProfile;
  ruleSettings: RuleSettings;
  envelopeModels: EnvelopeModel[];
  /** This installation's id, carried by every mutation. */
  deviceId: string;
  /** Pull cursor of the sync engine; advanced only after a pull's records are committed. */
  syncCursor: string;
}
export type SettingKey = keyof SettingValues;

const SETTING_SCHEMAS: { [K in SettingKey]: z.ZodType<SettingValues[K]> } = {
  sellerProfile: sellerProfileSchema,
  ruleSettings: ruleSettingsSchema,
  envelopeModels: z.array(envelopeModelSchema),
  deviceId: z.string().min(1).max(64),
  syncCursor: z.string(),
};

const SETTING_LABELS: { [K in SettingKey]: string } = {
  sellerProfile: 'Profil vendeur',
  ruleSettings: 'Paramètres des règles',
  envelopeModels: "Modèles d'enveloppe",
  deviceId: 'Identifiant du poste',
  syncCursor: 'Curseur de synchronisation',
};

export async function readSetting<K extends SettingKey>(db: ContratsDb, key: K): Promise<SettingValues[K] | undefined> {
  return (await db.settings.get(key))?.value as SettingValues[K] | undefined;
}

/** The laptop's device id, made once on first start. */
export async function ensureDeviceId(db: ContratsDb, newId: () => string = () => crypto.randomUUID()): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await readSetting(db, 'deviceId');
    if (existing) return existing;
    const deviceId = newId();
    await db.settings.put({ key: 'deviceId', value: deviceId });
    return deviceId;
  });
}

export function settingsRepository(ctx: DataContext) {
  const { db } = ctx;
  return {
    get: <K extends SettingKey>(key: K) => readSetting(db, key),

    /** Validates and stores a setting, with an audit entry (who changed the seller profile, when). */
    async set<K extends SettingKey>(key: K, value: SettingValues[K], actor: string): Promise<SettingValues[K]> {
      const valid = parseEntity(SETTING_SCHEMAS[key], value, SETTING_LABELS[key]);
      await db.transaction('rw', db.settings, db.audit, async () => {
        await db.settings.put({ key, value: valid });
        await db.audit.add({ at: ctx.now(), actor, entity: 'settings', recordId: key, action: 'update', summary: `${SETTING_LABELS[key]} modifié.` });
      });
      return valid;
    },
  };
}
