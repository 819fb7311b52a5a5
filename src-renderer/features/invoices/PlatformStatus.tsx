import { needsCreditAndReissue, transmissionRoute, type Invoice, type PlatformStatus } from '../../../src-core';
import { useT, useFormat, type Formats, type MessageKey } from '../../i18n';
import { href } from '../../components/router';

/**
 * E-invoicing (issue 18): what the approved platform said about a document —
 * written by the central API, pulled like any other field. "Transmise" before
 * the platform's first status.
 */
const LOOK: Record<PlatformStatus | 'sent' | 'notSent', { tone: string; label: MessageKey }> = {
  notSent: { tone: 'danger', label: 'platform.status.notSent' },
  sent: { tone: '', label: 'platform.status.sent' },
  deposited: { tone: '', label: 'platform.status.deposited' },
  approved: { tone: 'ok', label: 'platform.status.approved' },
  collected: { tone: 'ok', label: 'platform.status.collected' },
  disputed: { tone: 'warning', label: 'platform.status.disputed' },
  refused: { tone: 'danger', label: 'platform.status.refused' },
  rejected: { tone: 'danger', label: 'platform.status.rejected' },
};

/** The list filter's choices, in lifecycle order. */
export const PLATFORM_FILTERS: readonly (PlatformStatus | 'sent')[] = ['sent', 'deposited', 'approved', 'collected', 'disputed', 'refused', 'rejected'];

export function platformStatusLabel(t: ReturnType<typeof useT>, status: PlatformStatus | 'sent'): string {
  return t(LOOK[status].label);
}

/** "Non transmise" when the central API refused to send it (it fails the EN 16931 rules there). */
function shownStatus(invoice: Pick<Invoice, 'platform'>): PlatformStatus | 'sent' | 'notSent' | undefined {
  if (invoice.platform?.notSent) return 'notSent';
  return invoice.platform?.status ?? (invoice.platform?.flowId ? 'sent' : undefined);
}

export function PlatformBadge({ invoice }: { invoice: Pick<Invoice, 'platform'> }) {
  const t = useT();
  const status = shownStatus(invoice);
  if (!status) return null;
  const title = status === 'notSent' ? t('platform.notSent.badgeTitle') : (invoice.platform?.reason ?? t('platform.badgeTitle'));
  return (
    <span className={`badge ${LOOK[status].tone}`.trim()} title={title}>
      {t(LOOK[status].label)}
    </span>
  );
}

/** What to do with an issued document that cannot stay as it is: a credit note cancels it, the month's run bills again. */
function CreditAndReissue({ invoice, help, onCreditNote, canCredit }: { invoice: Invoice; help: string; onCreditNote: () => void; canCredit: boolean }) {
  const t = useT();
  return (
    <>
      <p>{help}</p>
      <p>
        {canCredit ? <button type="button" className="button" onClick={onCreditNote}>{t('platform.creditNote')}</button> : null}{' '}
        {invoice.period ? <a className="button" href={href('/factures/facturation', { mois: invoice.period })}>{t('platform.newInvoice')}</a> : null}
      </p>
    </>
  );
}

const parisDateTime = (at: string, fmt: Formats) => {
  const { date, time } = fmt.parisMoment(at);
  return `${date} ${time}`;
};

/**
 * The invoice page's panel: status, reason, the statuses received; a rejected
 * or refused document is never edited — the panel says so and offers the
 * credit note that cancels it, then the month's run for the new invoice.
 */
export function PlatformPanel({ invoice, onCreditNote, canCredit }: { invoice: Invoice; onCreditNote: () => void; canCredit: boolean }) {
  const fmt = useFormat();
  const t = useT();
  if (invoice.status !== 'issued' || invoice.kind === 'credit_note' && !invoice.platform) return null;
  const country = invoice.buyer?.country;
  const reported = country !== undefined && transmissionRoute(country) === 'ereporting';
  const state = invoice.platform;
  const status = shownStatus(invoice);
  return (
    <section className="card invoice-section" aria-labelledby="platform-title">
      <h2 id="platform-title">{t('platform.title')}</h2>
      {reported ? (
        <p className="muted">{state?.reportedIn ? t('platform.reported', { month: state.reportedIn }) : t('platform.toReport')}</p>
      ) : state?.notSent ? (
        <div className="alert error" role="alert" data-testid="platform-not-sent">
          <p>
            <PlatformBadge invoice={invoice} /> {t('platform.notSent.title', { date: parisDateTime(state.notSent.at, fmt) })}
          </p>
          <ul aria-label={t('platform.notSent.reasons')}>
            {state.notSent.reasons.map((reason) => <li key={reason}>{reason}</li>)}
          </ul>
          <CreditAndReissue invoice={invoice} help={t('platform.notSent.help')} onCreditNote={onCreditNote} canCredit={canCredit} />
        </div>
      ) : !status ? (
        <p className="muted">{t('platform.waiting')}</p>
      ) : (
        <>
          <p>
            <PlatformBadge invoice={invoice} /> {state?.reason ? <span data-testid="platform-reason">{t('platform.reason', { reason: state.reason })}</span> : null}
          </p>
          {needsCreditAndReissue(state) ? (
            <div className="alert error" role="alert">
              <CreditAndReissue invoice={invoice} help={t(state?.status === 'refused' ? 'platform.refusedHelp' : 'platform.rejectedHelp')} onCreditNote={onCreditNote} canCredit={canCredit} />
            </div>
          ) : state?.status === 'disputed' ? (
            <div className="alert warning" role="status">
              <p>{t('platform.disputedHelp')}</p>
              {canCredit ? <p><button type="button" className="button" onClick={onCreditNote}>{t('platform.creditNote.partial')}</button></p> : null}
            </div>
          ) : null}
          {state && state.history.length > 0 ? (
            <ol className="invoice-history" aria-label={t('platform.history')}>
              {state.history.map((event) => (
                <li key={`${event.status}-${event.at}`}>
                  <time dateTime={event.at}>{parisDateTime(event.at, fmt)}</time> — {platformStatusLabel(t, event.status)}
                  {event.reason ? ` : ${event.reason}` : ''}
                </li>
              ))}
            </ol>
          ) : null}
        </>
      )}
    </section>
  );
}
