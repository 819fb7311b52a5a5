import { useRef, useState } from 'react';
import {
  applyLifecycleEvent, contractDateIssues, DomainError, isValidIsoDate, lifecycleOfContract, NOTICE_CHANNELS, terminationEffectiveDateExplained, type Contract, type Message, type NoticeChannel,
} from '../../../src-core';
import { useContract, useCommands } from '../../data';
import { useSayError, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href, navigate } from '../../components/router';
import { currentActor } from '../../components/actor';
import { ExplainedDate } from '../../components/ExplainedDate';
import { TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { useCommand } from '../../components/useCommand';
import { useForm } from '../../components/useForm';
import { RecordNotFound } from './RecordNotFound';

interface NoticeValues extends Record<string, string> {
  receivedOn: string;
  channel: string;
}

/** Why this notice is refused (received in the future, before the start, a pending termination taking effect earlier…), or null. */
function refusal(contract: Contract, v: NoticeValues, invalidDate: string): Message | string | null {
  if (!isValidIsoDate(v.receivedOn)) return invalidDate;
  const future = contractDateIssues({ startDate: contract.startDate, terminationNotice: { receivedOn: v.receivedOn } }, parisToday()).find((i) => i.path === 'terminationNotice.receivedOn');
  if (future) return future.said ?? future.message;
  try {
    applyLifecycleEvent(lifecycleOfContract(contract), { type: 'termination_notice_received', date: v.receivedOn, channel: v.channel as NoticeChannel });
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.said ?? e.message;
    throw e;
  }
}

export function TerminationNoticeScreen({ contractId }: { contractId: string }) {
  const t = useT();
  const contract = useContract(contractId);
  if (contract === null) return <RecordNotFound title="clients.contract.notFound" />;
  if (!contract) return <PageHeader title={t('clients.loading')} />;
  return <TerminationNoticeForm contract={contract} />;
}

/**
 * Records the client's termination notice (§1). The effective date is shown
 * with its rule as soon as the date is complete, before anything is saved.
 */
function TerminationNoticeForm({ contract }: { contract: Contract }) {
  const sayError = useSayError();
  const t = useT();
  const commands = useCommands();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, errors, bind, set, trySubmit } = useForm<NoticeValues>({ receivedOn: parisToday(), channel: 'registered_letter' }, (v) => {
    const problem = refusal(contract, v, t('clients.notice.invalidDate'));
    return problem ? { receivedOn: problem } : {};
  });
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const back = href(`/clients/${encodeURIComponent(contract.clientId)}`);
  const effective = errors.receivedOn ? null : terminationEffectiveDateExplained(values.receivedOn);

  // One notice per intent: a second click while the first is recorded does nothing.
  const command = useCommand();
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setSaveError(null);
    if (!trySubmit(formRef.current)) return;
    void command.run(async () => {
      setSaving(true);
      try {
        await commands.contracts.recordTerminationNotice(contract.id, { receivedOn: values.receivedOn, channel: values.channel as NoticeChannel }, currentActor());
        navigate(`/clients/${encodeURIComponent(contract.clientId)}`);
      } catch (err) {
        setSaving(false);
        setSaveError(sayError(err));
      }
    });
  };

  return (
    <>
      <PageHeader title={t('clients.notice.title', { reference: contract.reference })} subtitle={<a href={back}>{t('clients.form.cancel')}</a>} />
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit}>
        <TextField label={t('clients.notice.receivedOn')} type="date" {...bind('receivedOn')} error={errors.receivedOn} />
        <fieldset>
          <legend>{t('clients.notice.channel')}</legend>
          {NOTICE_CHANNELS.map((channel) => (
            <label key={channel} className="checkbox-field">
              <input type="radio" name="channel" value={channel} checked={values.channel === channel} onChange={() => set('channel', channel)} />
              {t(`code.noticeChannel.${channel}`)}
            </label>
          ))}
        </fieldset>
        <div className="card effective-preview" aria-live="polite" data-testid="effective-date">
          {effective ? (
            <p>
              {t('clients.notice.effective')} <ExplainedDate date={effective} />
            </p>
          ) : (
            <p className="muted">{t('clients.notice.effectivePending')}</p>
          )}
        </div>
        {saveError ? <p className="alert error" role="alert">{saveError}</p> : null}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={saving}>{t('clients.notice.save')}</button>
          <a className="button" href={back}>{t('clients.form.cancel')}</a>
        </div>
      </form>
    </>
  );
}
