import { useMemo, useState } from 'react';
import { pendingFollowUps, trackedLetterDeadlines, type Client, type Letter } from '../../../src-core';
import { SelectField } from '../../components/FormField';
import { useClient } from '../../data';
import { useLetter, useLetterSettings, useLettersOfContract } from '../../data/letters-flow';
import { useSayError, useEnvelopeName, useT, useFormat, useSay } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { parisToday } from '../../components/today';
import { FollowUpList } from './agenda';
import { letterFileName, storedLetterSheets, storedPartnerCopySheets } from './document';
import { LetterStepForms } from './LetterStepForms';
import { LetterStatusBadge, LetterSteps } from './LetterStatus';
import { lettersPdf } from './output';
import { printPdf, savePdf } from '../../platform/pdf-output';
import { PdfPreview } from './PdfPreview';
import { PriceChangeObjection } from './PriceChangeObjection';
import { ReceiptCorrection } from './ReceiptCorrection';

/** `#/courriers/<id>`: the letter's steps and actions, its deadlines as of now, the next step once one passes. */
export function LetterPage({ id }: { id: string }) {
  const t = useT();
  const letter = useLetter(id);
  const client = useClient(letter?.clientId);
  if (letter === undefined || (letter && !client)) return <p>{t('letters.loading')}</p>;
  if (!letter || !client) {
    return (
      <>
        <PageHeader title={t('letters.notFound')} />
        <a href={href('/courriers')}>{t('letters.back')}</a>
      </>
    );
  }
  return <LetterView letter={letter} client={client} />;
}

function LetterView({ letter, client }: { letter: Letter; client: Client }) {
  const sayError = useSayError();
  const say = useSay();
  const fmt = useFormat();
  const t = useT();
  const envelopeName = useEnvelopeName();
  const settings = useLetterSettings();
  const contractLetters = useLettersOfContract(letter.contractId);
  const [envelopeId, setEnvelopeId] = useState<string>();
  const [preview, setPreview] = useState(false);
  const [error, setError] = useState<string>();
  const today = parisToday();

  const envelope = settings?.envelopes.find((e) => e.id === envelopeId) ?? settings?.envelopes[0];
  const pdf = useMemo(
    () => (settings && envelope ? lettersPdf(storedLetterSheets(letter, client, { rules: settings.rules, seller: settings.seller, envelope })) : undefined),
    [letter, client, settings, envelope],
  );
  if (!settings || !envelope || !pdf || !contractLetters) return <p>{t('letters.loading')}</p>;

  const { deadlines, warning, warningMessage } = trackedLetterDeadlines(letter, settings.rules);
  const followUps = pendingFollowUps(contractLetters, today, settings.rules).filter((f) => f.letter.id === letter.id);
  const title = t(`code.letterKind.${letter.kind}`);
  const basis = letter.receivedOn
    ? t('letters.basis.received', { date: fmt.date(letter.receivedOn) })
    : letter.sentOn
      ? t('letters.basis.presumed', { days: settings.rules.presumedReceiptDays })
      : t('letters.basis.draft');

  async function run(action: () => Promise<unknown>) {
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(sayError(e));
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <>
            <a href={href(`/clients/${client.id}`)}>{client.legalName}</a> · {String(letter.params['contract.reference'])} · <LetterStatusBadge status={letter.status} />
          </>
        }
        actions={
          <>
            <button type="button" className="button" onClick={() => void run(() => printPdf(pdf, title))}>
              {t('letters.print')}
            </button>
            <button type="button" className="button" onClick={() => void run(() => savePdf(pdf, letterFileName(letter)))}>
              {t('letters.savePdf')}
            </button>
            {client.partner ? (
              <button
                type="button"
                className="button"
                onClick={() => void run(() => savePdf(lettersPdf(storedPartnerCopySheets(letter, client, { rules: settings.rules, seller: settings.seller, envelope })), letterFileName(letter, true)))}
              >
                {t('letters.partnerCopy', { partner: client.partner.name })}
              </button>
            ) : null}
            <a className="button" href={href('/courriers')}>{t('letters.back')}</a>
          </>
        }
      />
      <LetterSteps status={letter.status} />
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      <FollowUpList items={followUps} withSource={false} />
      <ReceiptCorrection letter={letter} contractLetters={contractLetters} rules={settings.rules} run={run} />
      <div className="letter-layout">
        <section className="card" aria-labelledby="letter-deadlines">
          <h2 id="letter-deadlines">{t('letters.deadlines')}</h2>
          <p className="letter-muted">{basis}</p>
          {warning ? <p className="alert warning">{say(warningMessage ?? warning)}</p> : null}
          <ul className="letter-deadlines" data-testid="letter-deadlines">
            {deadlines.map((d) => (
              <li key={d.label}>
                <strong>{t('letters.deadline.line', { label: say(d.labelMessage), date: fmt.date(d.value) })}</strong>
                <span className="letter-rule">{say(d).replace(/\.$/, '')} ({d.clause})</span>
              </li>
            ))}
          </ul>
          <dl className="facts">
            <dt>{t('letters.col.letterDate')}</dt>
            <dd>{fmt.date(String(letter.params.letterDate))}</dd>
            <dt>{t('letters.col.sent')}</dt>
            <dd>{letter.sentOn ? fmt.date(letter.sentOn) : '—'}</dd>
            <dt>{t('letters.col.registered')}</dt>
            <dd>{letter.registeredNumber ?? '—'}</dd>
            <dt>{t('letters.col.received')}</dt>
            <dd>{letter.receivedOn ? fmt.date(letter.receivedOn) : '—'}</dd>
            {client.partner ? (
              <>
                <dt>{t('letters.copy')}</dt>
                <dd>{client.partner.name}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="letter-next">
          <h2 id="letter-next">{t('letters.nextStep')}</h2>
          <LetterStepForms letter={letter} today={today} rules={settings.rules} onPrint={() => printPdf(pdf, title)} run={run} />
        </section>
      </div>
      {letter.kind === 'priceChange' && (letter.status === 'sent' || letter.status === 'received') ? <PriceChangeObjection letter={letter} today={today} run={run} /> : null}
      <section className="card letter-paper" aria-labelledby="letter-paper">
        <div className="letter-section-header">
          <h2 id="letter-paper">{t('letters.paper')}</h2>
          <div className="letter-actions">
            <SelectField label={t('letters.envelope')} value={envelope.id} onChange={(e) => setEnvelopeId(e.target.value)}>
              {settings.envelopes.map((e) => <option key={e.id} value={e.id}>{envelopeName(e)}</option>)}
            </SelectField>
            <button type="button" className="button" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
              {preview ? t('letters.hidePreview') : t('letters.preview')}
            </button>
          </div>
        </div>
        {preview ? <PdfPreview bytes={pdf} title={t('letters.previewTitle')} /> : null}
      </section>
    </>
  );
}
