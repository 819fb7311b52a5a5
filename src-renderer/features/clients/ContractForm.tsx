import { useRef, useState } from 'react';
import { contractInputSchema, DEFAULT_PRICE_LIST_ID, DomainError, formatEuros, getPriceList, parseEntity, TIER_CODES, type ContractInput, type TierCode } from '../../../src-core';
import { useClient, useRepositories } from '../../data';
import { useT } from '../../i18n';
import { PageHeader } from '../../shell/PageHeader';
import { href, navigate } from '../../shell/router';
import { LOCAL_ACTOR } from '../../components/actor';
import { SelectField, TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { errorsByField, issuesOf, useForm, type FieldErrors } from '../../components/useForm';

interface ContractFormValues extends Record<string, string> {
  reference: string;
  tier: string;
  startDate: string;
  paymentTermDays: string;
}
type Field = Extract<keyof ContractFormValues, string>;
const FIELDS: readonly Field[] = ['reference', 'tier', 'startDate', 'paymentTermDays'];

function inputOf(clientId: string, v: ContractFormValues): ContractInput {
  return {
    clientId,
    reference: v.reference,
    tier: v.tier as TierCode,
    priceListId: DEFAULT_PRICE_LIST_ID,
    startDate: v.startDate,
    status: 'active',
    // An empty delay means "the default of the rule settings" (§5.3); anything typed is checked as a number.
    paymentTermDays: v.paymentTermDays.trim() ? Number(v.paymentTermDays.replace(',', '.')) : undefined,
    history: [],
  };
}

/** A new contract for a client, validated by src-core's contract schema; a refused form writes nothing. */
export function ContractFormScreen({ clientId }: { clientId: string }) {
  const t = useT();
  const client = useClient(clientId);
  const repos = useRepositories();
  const formRef = useRef<HTMLFormElement>(null);
  const validate = (v: ContractFormValues): FieldErrors<Field> =>
    errorsByField(issuesOf(() => parseEntity(contractInputSchema, inputOf(clientId, v), 'Contrat')), (path) => FIELDS.find((f) => path === f));
  const { values, errors, submitted, bind, trySubmit } = useForm<ContractFormValues>({ reference: '', tier: 'T49', startDate: parisToday(), paymentTermDays: '' }, validate);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const back = href(`/clients/${encodeURIComponent(clientId)}`);

  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaveError(null);
    if (!trySubmit(formRef.current)) return;
    setSaving(true);
    try {
      const { history: _history, status: _status, ...input } = inputOf(clientId, values);
      await repos.contracts.create(input, LOCAL_ACTOR);
      navigate(`/clients/${encodeURIComponent(clientId)}`);
    } catch (err) {
      setSaving(false);
      setSaveError(err instanceof DomainError ? err.message : String(err));
    }
  };
  const errorCount = Object.keys(errors).length;
  const tiers = getPriceList(DEFAULT_PRICE_LIST_ID).tiers;

  return (
    <>
      <PageHeader title={t('clients.contractForm.newTitle', { name: client?.legalName ?? '' })} subtitle={<a href={back}>{t('clients.form.cancel')}</a>} />
      <form ref={formRef} className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {submitted && errorCount > 0 ? <p className="alert error" role="alert">{t('clients.form.errors', { count: errorCount })}</p> : null}
        <TextField label={t('clients.contractForm.reference')} hint={t('clients.contractForm.referenceHint')} {...bind('reference')} />
        <SelectField label={t('clients.contract.tier')} {...bind('tier')}>
          {TIER_CODES.map((code) => {
            const tier = tiers.find((x) => x.id === code);
            return <option key={code} value={code}>{tier ? t('clients.contract.tierPrice', { tier: code, price: formatEuros(tier.priceCents) }) : code}</option>;
          })}
        </SelectField>
        <TextField label={t('clients.contract.start')} type="date" {...bind('startDate')} />
        <TextField label={t('clients.contractForm.paymentTerm')} hint={t('clients.contractForm.paymentTermHint')} inputMode="numeric" {...bind('paymentTermDays')} />
        {saveError ? <p className="alert error" role="alert">{saveError}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>{t('clients.contractForm.create')}</button>
          <a className="button" href={back}>{t('clients.form.cancel')}</a>
        </div>
      </form>
    </>
  );
}
