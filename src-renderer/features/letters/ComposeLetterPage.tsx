import { useMemo, useState } from 'react';
import { composeLetter, letterFollowUp, type Client, type LetterKind } from '../../../src-core';
import { SelectField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { useCommand } from '../../components/useCommand';
import { useClient, useContractsOfClient, useDataLayer, useInvoices, useLetters, usePaymentsOfClient, usePriceLists } from '../../data';
import { createDraftLetter, useLetter, useLetterSettings } from '../../data/letters-flow';
import { useSayError, useT, useFormat, useSay } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate, useLocation } from '../../components/router';
import { currentActor } from '../../components/actor';
import { ClientPicker } from './ClientPicker';
import { ComposeFields } from './ComposeFields';
import { COMPOSED_KINDS, KIND_FIELDS, buildParams, initialValues, sentReminders, unpaidInvoices, type ComposeFacts, type FieldSpec, type FormValues } from './compose-fields';
import { letterSheets } from './document';
import { lettersPdf } from './output';
import { PdfPreview } from './PdfPreview';
import { useLeaveGuard } from '../../components/useLeaveGuard';

const isKind = (k: string | null): k is LetterKind => (COMPOSED_KINDS as readonly string[]).includes(k ?? '');

/** src-core names the first missing param ("Courrier incomplet : description — …"); the form puts it on its field. */
const PARAM_FIELDS: Record<string, string> = {
  invoiceNumber: 'invoiceId', invoiceDate: 'invoiceId', dueDate: 'invoiceId', amountDueCents: 'invoiceId',
  'prices.0.newCents': 'newPrice', 'prices.0.currentCents': 'newPrice', supplementCents: 'supplement', 'newTier.id': 'newTier', 'newTier.priceCents': 'newTier',
};
function fieldOf(message: string): { field?: string; message: string } {
  const m = /^Courrier incomplet : ([\w.]*) — (.*)$/.exec(message);
  if (!m) return { message };
  return { field: PARAM_FIELDS[m[1]!] ?? m[1]!, message: m[2]! };
}

/**
 * `#/courriers/nouveau?client=…&contract=…&kind=…&from=<letter followed up>`.
 * The form restarts from the address whenever it changes (a follow-up link followed from here).
 */
export function ComposeLetterPage() {
  const t = useT();
  const { query } = useLocation();
  const clientId = query.get('client');
  const client = useClient(clientId ?? undefined);
  return (
    <>
      <PageHeader title={t('letters.compose.title')} subtitle={client?.legalName} actions={<a className="button" href={href('/courriers')}>{t('letters.back')}</a>} />
      {!clientId ? <ClientPicker kind={query.get('kind')} /> : client ? <ComposeForClient key={query.toString()} client={client} /> : <p>{t('letters.loading')}</p>}
    </>
  );
}

function ComposeForClient({ client }: { client: Client }) {
  const t = useT();
  const say = useSay();
  const { query } = useLocation();
  const contracts = useContractsOfClient(client.id);
  const priceLists = usePriceLists();
  const invoices = useInvoices({ clientId: client.id });
  const payments = usePaymentsOfClient(client.id);
  const letters = useLetters({ clientId: client.id });
  const from = useLetter(query.get('from') ?? undefined);
  // "Rédiger ce courrier" from an overdue invoice names it: ?facture=F-2026-000123.
  const invoiceNumber = query.get('facture');
  const settings = useLetterSettings();
  const [contractId, setContractId] = useState(query.get('contract') ?? '');
  const [kind, setKind] = useState<LetterKind | ''>(isKind(query.get('kind')) ? (query.get('kind') as LetterKind) : '');
  const today = parisToday();

  const contract = contracts?.find((c) => c.id === contractId) ?? contracts?.find((c) => c.status !== 'terminated') ?? contracts?.[0];
  const facts = useMemo<ComposeFacts | undefined>(() => {
    if (!contract || !priceLists || !invoices || !payments || !letters) return undefined;
    return {
      contract,
      priceList: priceLists.find((p) => p.id === contract.priceListId),
      unpaid: unpaidInvoices(contract.id, invoices, payments, today),
      reminders: sentReminders(contract.id, letters),
    };
  }, [contract, priceLists, invoices, payments, letters, today]);
  if (!contracts || !settings || from === undefined) return <p>{t('letters.loading')}</p>;
  if (!contract) return <p className="empty-state">{t('letters.noContract')}</p>;

  const followUp = from ? letterFollowUp(from, today, settings.rules) : null;
  return (
    <div className="letter-compose">
      <div className="form card">
        <SelectField label={t('letters.field.contract')} value={contract.id} onChange={(e) => setContractId(e.target.value)}>
          {contracts.map((c) => <option key={c.id} value={c.id}>{`${c.reference} — ${c.tier}`}</option>)}
        </SelectField>
        <SelectField label={t('letters.field.kind')} value={kind} onChange={(e) => setKind(e.target.value as LetterKind)}>
          <option value="">{t('letters.choose')}</option>
          {COMPOSED_KINDS.map((k) => <option key={k} value={k}>{t(`code.letterKind.${k}`)}</option>)}
        </SelectField>
        {followUp && followUp.kind === kind ? <p className="alert warning">{say(followUp.reason)}</p> : null}
        {kind && facts ? (
          <ComposeForm
            key={`${contract.id}-${kind}`}
            kind={kind}
            client={client}
            facts={facts}
            initial={initialValues(kind, today, facts, followUp?.kind === kind ? followUp.params : invoiceNumber ? { invoiceNumber } : {})}
            settings={settings}
          />
        ) : null}
      </div>
    </div>
  );
}

function ComposeForm({ kind, client, facts, initial, settings }: {
  kind: LetterKind;
  client: Client;
  facts: ComposeFacts;
  initial: FormValues;
  settings: NonNullable<ReturnType<typeof useLetterSettings>>;
}) {
  const say = useSay();
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const { ctx } = useDataLayer();
  const [values, setValues] = useState(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [preview, setPreview] = useState<Uint8Array<ArrayBuffer>>();
  // One letter per opening of the form: a second click (or a resubmit) finds the letter the first one wrote.
  const command = useCommand();
  const leave = useLeaveGuard(Object.keys(values).some((k) => values[k] !== initial[k]));

  const composed = useMemo(() => {
    try {
      const params = buildParams(kind, values, facts);
      return { params, content: composeLetter(kind, params, settings.rules) };
    } catch (error) {
      return { error: fieldOf(error instanceof Error ? error.message : String(error)) };
    }
  }, [kind, values, facts, settings.rules]);

  const fields: FieldSpec[] = [{ name: 'letterDate', type: 'date', label: 'letters.field.letterDate' }, ...KIND_FIELDS[kind]];
  // Every empty required field is named at once, in French; src-core then words what is wrong with the rest.
  const missing = fields
    .filter((f) => !f.optional && !values[f.name]?.trim())
    .map((f) => [f.name, t(f.type === 'invoices' ? 'letters.noneChosen' : 'letters.required')] as const);
  const fieldError: Record<string, string> = !submitted
    ? {}
    : missing.length > 0
      ? Object.fromEntries(missing)
      : composed.error?.field
        ? { [composed.error.field]: composed.error.message }
        : {};
  const formError = submitted && missing.length === 0 && composed.error && !composed.error.field ? composed.error.message : saveError;
  const change = (name: string, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setPreview(undefined);
  };
  const sheets = () => letterSheets(kind, composed.params!, client, { rules: settings.rules, seller: settings.seller, envelope: settings.envelopes[0]! });

  function save() {
    setSubmitted(true);
    const params = composed.params;
    if (missing.length > 0 || !params) return;
    void command.run(async (commandId) => {
      try {
        const letter = await createDraftLetter(ctx, { kind, clientId: client.id, contractId: facts.contract.id, params }, currentActor(), commandId);
        leave.release();
        navigate(`/courriers/${letter.id}`);
      } catch (error) {
        setSaveError(sayError(error));
      }
    });
  }

  return (
    <>
      <ComposeFields
        fields={fields}
        values={values}
        onChange={change}
        errors={fieldError}
        unpaid={facts.unpaid}
      />
      {client.partner ? <p className="letter-muted">{t('letters.copyToPartner', { partner: client.partner.name })}</p> : null}
      {composed.content ? (
        <section aria-labelledby="compose-deadlines">
          <h2 id="compose-deadlines" className="letter-subheading">{t('letters.announcedDates')}</h2>
          <ul className="letter-deadlines">
            {composed.content.deadlines.map((d) => (
              <li key={d.label}>
                <strong>{t('letters.deadline.line', { label: say(d.labelMessage), date: fmt.date(d.value) })}</strong>
                <span className="letter-rule">{say(d).replace(/\.$/, '')} ({d.clause})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {formError ? <p className="alert error" role="alert">{formError}</p> : null}
      <div className="letter-actions">
        <button type="button" className="button" disabled={!composed.params} onClick={() => setPreview(lettersPdf(sheets()))}>
          {t('letters.preview')}
        </button>
        <button type="button" className="button primary" disabled={command.busy} onClick={save}>
          {t('letters.saveDraft')}
        </button>
      </div>
      {preview ? <PdfPreview bytes={preview} title={t('letters.previewTitle')} /> : null}
      {leave.dialog}
    </>
  );
}
