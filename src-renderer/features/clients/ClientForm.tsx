import { useMemo, useRef, useState } from 'react';
import { clientInputSchema, clientsWithSameSiren, clientVatWarning, countryGroups, parseEntity, type Client, type ClientInput } from '../../../src-core';
import { useClient, usePortfolio, useCommands } from '../../data';
import { useSayError, useLocale, useSay, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { RecordNotFound } from './RecordNotFound';
import { href, navigate } from '../../components/router';
import { currentActor } from '../../components/actor';
import { useCommand } from '../../components/useCommand';
import { SelectField, TextField } from '../../components/FormField';
import { errorsByField, issuesOf, useForm, type FieldErrors } from '../../components/useForm';
import { useLeaveGuard } from '../../components/useLeaveGuard';

/** The form's flat fields; the nested client record is built from them. */
interface ClientFormValues extends Record<string, string | boolean> {
  legalName: string;
  siren: string;
  vatNumber: string;
  country: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  contactName: string;
  email: string;
  phone: string;
  hasPartner: boolean;
  partnerName: string;
  partnerContact: string;
  partnerEmail: string;
  partnerPhone: string;
  hostingMode: string;
}
type Field = Extract<keyof ClientFormValues, string>;

const FIELD_OF_PATH: Record<string, Field> = {
  legalName: 'legalName', siren: 'siren', vatNumber: 'vatNumber', country: 'country',
  'billingAddress.lines': 'line1', 'billingAddress.lines.0': 'line1', 'billingAddress.lines.1': 'line2',
  'billingAddress.postalCode': 'postalCode', 'billingAddress.city': 'city',
  'contact.name': 'contactName', 'contact.email': 'email', 'contact.phone': 'phone',
  'partner.name': 'partnerName', 'partner.contactName': 'partnerContact', 'partner.email': 'partnerEmail', 'partner.phone': 'partnerPhone',
  hostingMode: 'hostingMode',
};

function valuesOf(client: Client | undefined): ClientFormValues {
  return {
    legalName: client?.legalName ?? '', siren: client?.siren ?? '', vatNumber: client?.vatNumber ?? '', country: client?.country ?? 'FR',
    line1: client?.billingAddress.lines[0] ?? '', line2: client?.billingAddress.lines[1] ?? '', postalCode: client?.billingAddress.postalCode ?? '',
    city: client?.billingAddress.city ?? '', contactName: client?.contact.name ?? '', email: client?.contact.email ?? '', phone: client?.contact.phone ?? '',
    hasPartner: !!client?.partner, partnerName: client?.partner?.name ?? '', partnerContact: client?.partner?.contactName ?? '',
    partnerEmail: client?.partner?.email ?? '', partnerPhone: client?.partner?.phone ?? '', hostingMode: client?.hostingMode ?? 'cloud',
  };
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

function inputOf(v: ClientFormValues): ClientInput {
  return {
    legalName: v.legalName,
    siren: optional(v.siren),
    vatNumber: optional(v.vatNumber),
    country: v.country,
    billingAddress: { lines: [v.line1, ...(v.line2.trim() ? [v.line2] : [])], postalCode: v.postalCode, city: v.city },
    contact: { name: v.contactName, email: v.email, phone: v.phone },
    partner: v.hasPartner ? { name: v.partnerName, contactName: optional(v.partnerContact), email: v.partnerEmail, phone: optional(v.partnerPhone) } : undefined,
    hostingMode: v.hostingMode as ClientInput['hostingMode'],
  };
}

function validate(v: ClientFormValues): FieldErrors<Field> {
  return errorsByField(issuesOf(() => parseEntity(clientInputSchema, inputOf(v), 'Client')), (path) => FIELD_OF_PATH[path]);
}

/** Create (no id) or edit a client; a refused form writes nothing. */
export function ClientForm({ clientId }: { clientId?: string }) {
  const t = useT();
  const client = useClient(clientId);
  if (client === null) return <RecordNotFound title="clients.page.notFound" />;
  if (clientId && !client) return <PageHeader title={t('clients.loading')} />;
  return <ClientFormFields client={client} />;
}

function ClientFormFields({ client }: { client: Client | undefined }) {
  const sayError = useSayError();
  const t = useT();
  const commands = useCommands();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, errors, submitted, dirty, bind, set, trySubmit } = useForm(valuesOf(client), validate);
  const leave = useLeaveGuard(dirty);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const title = client ? t('clients.form.editTitle', { name: client.legalName }) : t('clients.form.newTitle');
  const cancelHref = href(client ? `/clients/${encodeURIComponent(client.id)}` : '/clients');

  // One command per opened form: a second submit while the first runs does nothing, and the new client's id is the command's.
  const command = useCommand();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaveError(null);
    if (!trySubmit(formRef.current)) return;
    void command.run(async (commandId) => {
      setSaving(true);
      try {
        const input = inputOf(values);
        const saved = client ? await commands.clients.update(client.id, input, currentActor()) : await commands.clients.create(input, currentActor(), commandId);
        leave.release();
        navigate(`/clients/${encodeURIComponent(saved.id)}`);
      } catch (err) {
        setSaving(false);
        setSaveError(sayError(err));
      }
    });
  };
  const errorCount = Object.keys(errors).length;

  return (
    <>
      <PageHeader title={title} subtitle={<a href={cancelHref}>{t('clients.form.cancel')}</a>} />
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        {submitted && errorCount > 0 ? <p className="alert error" role="alert">{t('clients.form.errors', { count: errorCount })}</p> : null}
        <fieldset>
          <legend>{t('clients.form.company')}</legend>
          <TextField label={t('clients.form.legalName')} autoComplete="organization" {...bind('legalName')} />
          <div className="form-row">
            <CountryField {...bind('country')} />
            <TextField label={t('clients.form.siren')} hint={t('clients.form.sirenHint')} inputMode="numeric" {...bind('siren')} />
            <TextField label={t('clients.form.vat')} hint={t('clients.form.vatHint')} {...bind('vatNumber')} />
          </div>
          <IdentityWarnings clientId={client?.id} siren={values.siren} country={values.country} vatNumber={values.vatNumber} />
          <SelectField label={t('clients.page.mode')} {...bind('hostingMode')}>
            <option value="cloud">{t('clients.mode.cloud')}</option>
            <option value="self_hosted">{t('clients.mode.self_hosted')}</option>
          </SelectField>
        </fieldset>
        <fieldset>
          <legend>{t('clients.page.address')}</legend>
          <TextField label={t('clients.form.line1')} autoComplete="address-line1" {...bind('line1')} />
          <TextField label={t('clients.form.line2')} autoComplete="address-line2" {...bind('line2')} />
          <div className="form-row">
            <TextField label={t('clients.form.postalCode')} autoComplete="postal-code" {...bind('postalCode')} />
            <TextField label={t('clients.form.city')} autoComplete="address-level2" {...bind('city')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('clients.page.contact')}</legend>
          <TextField label={t('clients.page.contactName')} autoComplete="name" {...bind('contactName')} />
          <div className="form-row">
            <TextField label={t('clients.page.email')} type="email" autoComplete="email" {...bind('email')} />
            <TextField label={t('clients.page.phone')} type="tel" autoComplete="tel" {...bind('phone')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('clients.page.partner')}</legend>
          <label className="checkbox-field">
            <input type="checkbox" checked={values.hasPartner} onChange={(e) => set('hasPartner', e.target.checked)} />
            {t('clients.form.hasPartner')}
          </label>
          {values.hasPartner ? (
            <>
              <TextField label={t('clients.page.partnerName')} {...bind('partnerName')} />
              <div className="form-row">
                <TextField label={t('clients.form.partnerContact')} {...bind('partnerContact')} />
                <TextField label={t('clients.form.partnerEmail')} type="email" {...bind('partnerEmail')} />
                <TextField label={t('clients.form.partnerPhone')} type="tel" {...bind('partnerPhone')} />
              </div>
            </>
          ) : null}
        </fieldset>
        {saveError ? <p className="alert error" role="alert">{saveError}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>{client ? t('clients.form.save') : t('clients.form.create')}</button>
          <a className="button" href={cancelHref}>{t('clients.form.cancel')}</a>
        </div>
      </form>
      {leave.dialog}
    </>
  );
}

/** The country picker: France, then the other EU member states, then the rest of the world, named in the interface's language. */
function CountryField(props: Omit<Parameters<typeof SelectField>[0], 'label' | 'children'>) {
  const t = useT();
  const locale = useLocale();
  const groups = useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const named = (codes: readonly string[]) => codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, locale));
    const { france, eu, world } = countryGroups();
    return [
      { label: t('clients.form.countryFrance'), countries: named(france) },
      { label: t('clients.form.countryEu'), countries: named(eu) },
      { label: t('clients.form.countryWorld'), countries: named(world) },
    ];
  }, [locale, t]);
  return (
    <SelectField label={t('clients.form.country')} {...props}>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </optgroup>
      ))}
    </SelectField>
  );
}

/**
 * What is worth a second look but not a refusal (src-core client-identity):
 * another client with this SIREN, an EU client without a VAT number.
 */
function IdentityWarnings({ clientId, siren, country, vatNumber }: { clientId: string | undefined; siren: string; country: string; vatNumber: string }) {
  const t = useT();
  const portfolio = usePortfolio();
  const twins = useMemo(() => clientsWithSameSiren({ id: clientId, siren }, portfolio ?? []), [clientId, siren, portfolio]);
  const say = useSay();
  const vatWarning = clientVatWarning({ country, vatNumber: vatNumber.trim() || undefined });
  if (twins.length === 0 && !vatWarning) return null;
  return (
    <div className="alert warning" role="status">
      {twins.length > 0 ? (
        <p>
          {t('clients.form.sameSiren', { names: twins.map((c) => t('clients.form.quotedName', { name: c.legalName })).join(', ') })}{' '}
          {twins.slice(0, 3).map((c) => <a key={c.id} href={href(`/clients/${encodeURIComponent(c.id)}`)}>{c.legalName}</a>)}
        </p>
      ) : null}
      {vatWarning ? <p>{say(vatWarning)}</p> : null}
    </div>
  );
}
