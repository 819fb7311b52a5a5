import { formatParisInstant, needsCreditAndReissue, parseInstant, transmissionRoute, type Invoice, type PlatformStatus } from '../../../src-core';
import { useT, useFormat, type Formats, type MessageKey } from '../../i18n';
import { href } from '../../components/router';

/**
 * E-invoicing (issue 18): what the approved platform said about a document —
 * written by the central API, pulled like any other field. "Transmise" before
 * the platform's first status.
 */
const LOOK: Record<PlatformStatus | 'sent', { tone: string; label: MessageKey }> = {
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

function shownStatus(invoice: Pick<Invoice, 'platform'>): PlatformStatus | 'sent' | undefined {
  return invoice.platform?.status ?? (invoice.platform?.flowId ? 'sent' : undefined);
}

export function PlatformBadge({ invoice }: { invoice: Pick<Invoice, 'platform'> }) {
  const t = useT();
  const status = shownStatus(invoice);
  if (!status) return null;
  return (
    <span className={`badge ${LOOK[status].tone}`.trim()} title={invoice.platform?.reason ?? t('platform.badgeTitle')}>
      {platformStatusLabel(t, status)}
    </span>
  );
}

const parisDateTime = (at: string, fmt: Formats) => {
  const paris = formatParisInstant(parseInstant(at));
  return `${fmt.date(paris.slice(0, 10))} ${paris.slice(11, 16)}`;
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
      ) : !status ? (
        <p className="muted">{t('platform.waiting')}</p>
      ) : (
        <>
          <p>
            <PlatformBadge invoice={invoice} /> {state?.reason ? <span data-testid="platform-reason">{t('platform.reason', { reason: state.reason })}</span> : null}
          </p>
          {needsCreditAndReissue(state) ? (
            <div className="alert error" role="alert">
              <p>{t(state?.status === 'refused' ? 'platform.refusedHelp' : 'platform.rejectedHelp')}</p>
              <p>
                {canCredit ? <button type="button" className="button" onClick={onCreditNote}>{t('platform.creditNote')}</button> : null}{' '}
                {invoice.period ? <a className="button" href={href('/factures/facturation', { mois: invoice.period })}>{t('platform.newInvoice')}</a> : null}
              </p>
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
