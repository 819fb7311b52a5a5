import { useEffect, useRef, useState } from 'react';
import {
  contractDateIssues, contractInputSchema, contractPriceListProblem, contractSchema, DomainError, isValidIsoDate, parseEntity, priceListInForce, TIER_CODES,
  type Client, type Contract, type ContractInput, type Message, type PriceListRecord, type TierCode,
} from '../../../src-core';
import { useClient, useCommands, useContract, usePriceLists, useRepositories, type ContractPatch } from '../../data';
import { useSayError, useT, useFormat, useSay } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate } from '../../components/router';
import { currentActor } from '../../components/actor';
import { useCommand } from '../../components/useCommand';
import { SelectField, TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { errorsByField, issuesOf, useForm, type FieldErrors } from '../../components/useForm';
import { useLeaveGuard } from '../../components/useLeaveGuard';
import { RecordNotFound } from './RecordNotFound';

interface ContractFormValues extends Record<string, string> {
  reference: string;
  tier: string;
  startDate: string;
  paymentTermDays: string;
}
type Field = Extract<keyof ContractFormValues, string>;
const FIELDS: readonly Field[] = ['reference', 'tier', 'startDate', 'paymentTermDays'];

/** An empty delay means "the default of the rule settings" (§5.3); anything typed is checked as a number. */
const paymentTermOf = (v: ContractFormValues) => (v.paymentTermDays.trim() ? Number(v.paymentTermDays.replace(',', '.')) : undefined);

/** What the edit form may change (the tier has its own audited action on the client page). */
function patchOf(v: ContractFormValues): ContractPatch {
  return { reference: v.reference, startDate: v.startDate, paymentTermDays: paymentTermOf(v) };
}

/** The stored list a new contract starting on `startDate` gets (§5.1), or undefined when none is in force then (the refusal says why). */
function listAt(startDate: string, lists: readonly PriceListRecord[]): PriceListRecord | undefined {
  if (!isValidIsoDate(startDate)) return undefined;
  try {
    const id = priceListInForce(startDate, lists).id;
    return lists.find((l) => l.id === id);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** Before the first list, the first list's id: the start is then refused naming that list's date. */
const firstListId = (lists: readonly PriceListRecord[]) => [...lists].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0]?.id ?? '';

function inputOf(clientId: string, v: ContractFormValues, lists: readonly PriceListRecord[]): ContractInput {
  return {
    clientId, reference: v.reference, tier: v.tier as TierCode, priceListId: listAt(v.startDate, lists)?.id ?? '', startDate: v.startDate, status: 'active', paymentTermDays: paymentTermOf(v), history: [],
  };
}

function valuesOf(contract: Contract | undefined, nextReference: string): ContractFormValues {
  if (!contract) return { reference: nextReference, tier: 'T49', startDate: parisToday(), paymentTermDays: '' };
  return { reference: contract.reference, tier: contract.tier, startDate: contract.startDate, paymentTermDays: contract.paymentTermDays === undefined ? '' : String(contract.paymentTermDays) };
}

/** A new contract for a client, or the edit of one (`contractId`); a refused form writes nothing. */
export function ContractFormScreen({ clientId, contractId }: { clientId: string; contractId?: string }) {
  const t = useT();
  const repos = useRepositories();
  const client = useClient(clientId);
  const contract = useContract(contractId);
  const priceLists = usePriceLists();
  // A new contract is offered the next free reference (the repository assigns it again if the field is emptied).
  const [nextReference, setNextReference] = useState<string | undefined>(contractId ? '' : undefined);
  useEffect(() => {
    if (!contractId) void repos.contracts.nextReference().then(setNextReference);
  }, [contractId, repos]);
  if (client === null) return <RecordNotFound title="clients.page.notFound" />;
  if (contractId && (contract === null || (contract && contract.clientId !== clientId))) return <RecordNotFound title="clients.contract.notFound" />;
  if (!client || (contractId && !contract) || nextReference === undefined || !priceLists) return <PageHeader title={t('clients.loading')} />;
  return <ContractFormFields client={client} contract={contract ?? undefined} nextReference={nextReference} lists={priceLists} />;
}

/** The schema's refusals, the dates today makes impossible (a start more than a year ahead) and a start no stored price list covers. */
function formIssues(check: () => unknown, startDate: string, priceListId: string, lists: readonly PriceListRecord[], say: (said: Message) => string) {
  if (!isValidIsoDate(startDate)) return issuesOf(check);
  const unpriced = contractPriceListProblem({ priceListId, startDate }, lists);
  return [...issuesOf(check), ...contractDateIssues({ startDate }, parisToday()), ...(unpriced ? [{ path: 'startDate', message: say(unpriced) }] : [])];
}

function ContractFormFields({ client, contract, nextReference, lists }: { client: Client; contract: Contract | undefined; nextReference: string; lists: readonly PriceListRecord[] }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const commands = useCommands();
  const formRef = useRef<HTMLFormElement>(null);
  // An edit is checked as the whole merged contract: its notice dates must still follow the start.
  const check = (v: ContractFormValues) => (contract ? parseEntity(contractSchema, { ...contract, ...patchOf(v) }, 'Contrat') : parseEntity(contractInputSchema, { ...inputOf(client.id, v, lists), priceListId: 'PL' }, 'Contrat'));
  // A new contract gets the stored list in force at its start (§5.1); an edit keeps its own.
  const listOf = (v: ContractFormValues) => (contract ? lists.find((l) => l.id === contract.priceListId) : listAt(v.startDate, lists));
  const validate = (v: ContractFormValues): FieldErrors<Field> => errorsByField(formIssues(() => check(v), v.startDate, contract?.priceListId ?? listOf(v)?.id ?? firstListId(lists), lists, say), (path) => FIELDS.find((f) => path === f));
  const { values, errors, submitted, dirty, bind, trySubmit } = useForm<ContractFormValues>(valuesOf(contract, nextReference), validate);
  const leave = useLeaveGuard(dirty);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const clientPath = `/clients/${encodeURIComponent(client.id)}`;

  // One command per opened form: a second submit while the first runs does nothing, and the new contract's id is the command's.
  const command = useCommand();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaveError(null);
    if (!trySubmit(formRef.current)) return;
    void command.run(async (commandId) => {
      setSaving(true);
      try {
        if (contract) {
          await commands.contracts.update(contract.id, patchOf(values), currentActor());
        } else {
          // The command assigns the stored list in force at the start, as shown here.
          const { history: _history, status: _status, priceListId: _list, ...input } = inputOf(client.id, values, lists);
          await commands.contracts.create(input, currentActor(), commandId);
        }
        leave.release();
        navigate(clientPath);
      } catch (err) {
        setSaving(false);
        setSaveError(sayError(err));
      }
    });
  };
  const errorCount = Object.keys(errors).length;
  const list = listOf(values);
  const tiers = list?.tiers ?? [];
  const title = contract ? t('clients.contractForm.editTitle', { reference: contract.reference, name: client.legalName }) : t('clients.contractForm.newTitle', { name: client.legalName });

  return (
    <>
      <PageHeader title={title} subtitle={<a href={href(clientPath)}>{t('clients.form.cancel')}</a>} />
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        {submitted && errorCount > 0 ? <p className="alert error" role="alert">{t('clients.form.errors', { count: errorCount })}</p> : null}
        <TextField label={t('clients.contractForm.reference')} hint={t('clients.contractForm.referenceAssignedHint')} {...bind('reference')} />
        <SelectField label={t('clients.contract.tier')} hint={contract ? t('clients.contractForm.tierHint') : undefined} disabled={!!contract} {...bind('tier')}>
          {TIER_CODES.map((code) => {
            const tier = tiers.find((x) => x.id === code);
            return <option key={code} value={code}>{tier ? t('clients.contract.tierPrice', { tier: code, price: fmt.money(tier.priceCents) }) : code}</option>;
          })}
        </SelectField>
        <TextField label={t('clients.contract.start')} type="date" {...bind('startDate')} />
        <p className="hint" aria-live="polite">{list ? t('prices.assigned', { label: list.label, date: fmt.date(list.effectiveFrom) }) : t('prices.noneInForce')}</p>
        <TextField label={t('clients.contractForm.paymentTerm')} hint={t('clients.contractForm.paymentTermHint')} inputMode="numeric" {...bind('paymentTermDays')} />
        {saveError ? <p className="alert error" role="alert">{saveError}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>{contract ? t('clients.form.save') : t('clients.contractForm.create')}</button>
          <a className="button" href={href(clientPath)}>{t('clients.form.cancel')}</a>
        </div>
      </form>
      {leave.dialog}
    </>
  );
}
