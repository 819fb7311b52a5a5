import { DEFAULT_ENVELOPE_MODELS, DEFAULT_RULE_SETTINGS, DEMO_SELLER_PROFILE } from '../../../src-core';
import { useSettingsSnapshot } from '../../data/invoicing';
import { useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { DeviceSeries } from './DeviceSeries';
import { EnvelopeModelsForm } from './EnvelopeModelsForm';
import { PersonNameForm } from './PersonNameForm';
import { RuleSettingsForm } from './RuleSettingsForm';
import { SellerProfileForm } from './SellerProfileForm';

/**
 * Paramètres: the seller's legal identity, the rule settings, the envelope
 * models and the numbering series. Each form starts from the stored value, or
 * the defaults until one is saved.
 */
export function SettingsScreen() {
  const t = useT();
  const stored = useSettingsSnapshot();
  return (
    <>
      <PageHeader title={t('nav.settings')} subtitle={t('settings.subtitle')} />
      {stored === undefined ? (
        <p role="status">{t('invoices.loading')}</p>
      ) : (
        <div className="settings-stack">
          <SellerProfileForm profile={stored.seller ?? DEMO_SELLER_PROFILE} />
          <RuleSettingsForm settings={stored.rules ?? DEFAULT_RULE_SETTINGS} />
          <EnvelopeModelsForm models={stored.envelopes ?? DEFAULT_ENVELOPE_MODELS} />
          <DeviceSeries code={stored.code} />
          <PersonNameForm />
        </div>
      )}
    </>
  );
}
