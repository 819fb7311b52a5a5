import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE } from '../../../src-core';
import { useSetting } from '../../data';
import { useDeviceCode } from '../../data/invoicing';
import { useT } from '../../i18n';
import { PageHeader } from '../../shell/PageHeader';
import { DeviceCodeForm } from './DeviceCodeForm';
import { EnvelopeModelsForm } from './EnvelopeModelsForm';
import { RuleSettingsForm } from './RuleSettingsForm';
import { SellerProfileForm } from './SellerProfileForm';

/**
 * Paramètres: the seller's legal identity, the rule settings, the envelope
 * models and the numbering series. Each form starts from the stored value, or
 * the defaults until one is saved. A setting reads as undefined both while
 * loading and when never saved, so each form is keyed by its value: it starts
 * again from the stored one as soon as it arrives (or is saved elsewhere).
 */
export function SettingsScreen() {
  const t = useT();
  const seller = useSetting('sellerProfile');
  const rules = useSetting('ruleSettings');
  const envelopes = useSetting('envelopeModels');
  const code = useDeviceCode();
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      <div className="settings-stack">
        <SellerProfileForm key={JSON.stringify(seller ?? null)} profile={seller ?? DEMO_SELLER_PROFILE} />
        <RuleSettingsForm key={JSON.stringify(rules ?? null)} settings={rules ?? DEFAULT_RULE_SETTINGS} />
        <EnvelopeModelsForm key={JSON.stringify(envelopes ?? null)} models={envelopes ?? DEFAULT_ENVELOPE_MODELS} />
        {code === undefined ? null : <DeviceCodeForm key={code ?? ''} code={code} />}
      </div>
    </>
  );
}
