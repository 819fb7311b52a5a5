import { useMemo } from 'react';
import { DUNNING_STEP_LETTER, pendingFollowUps, upcomingLetterDeadlines, type Client, type FollowUp, type Letter, type TrackedLetter } from '../../../src-core';
import { parisToday } from '../../components/today';
import { useLetterSettings, type dunningLettersDue } from '../../data/letters-flow';
import { useT, useFormat, useSay } from '../../i18n';
import { href } from '../../components/router';

/** Follow-ups due and deadlines within `days` for these letters, as of today (Paris). `undefined` while loading. */
export function useLetterAgenda(letters: readonly Letter[] | undefined, days: number) {
  const settings = useLetterSettings();
  const today = parisToday();
  return useMemo(() => {
    if (!letters || !settings) return undefined;
    return { followUps: pendingFollowUps(letters, today, settings.rules), deadlines: upcomingLetterDeadlines(letters, today, days, settings.rules) };
  }, [letters, settings, today, days]);
}

/** Where the follow-up letter is written, prefilled from the letter it follows. */
export function followUpHref(letter: TrackedLetter, followUp: FollowUp): string {
  return href('/courriers/nouveau', { client: letter.clientId, contract: letter.contractId, kind: followUp.kind, from: letter.id });
}

/**
 * Next steps, each with its reason and a link that writes the follow-up. Where
 * letters of several clients mix, `clients` names them; on a letter's own page
 * `withSource={false}` leaves out the link back to it.
 */
export function FollowUpList({ items, clients, withSource = true }: { items: { letter: TrackedLetter; followUp: FollowUp }[]; clients?: ReadonlyMap<string, Client> | undefined; withSource?: boolean }) {
  const t = useT();
  const say = useSay();
  if (items.length === 0) return null;
  return (
    <ul className="letter-followups">
      {items.map(({ letter, followUp }) => (
        <li key={letter.id} className="alert warning">
          <p>
            {clients ? <strong>{clients.get(letter.clientId)?.legalName ?? '—'} — </strong> : null}
            {withSource ? (
              <>
                <a href={href(`/courriers/${letter.id}`)}>{t(`code.letterKind.${letter.kind}`)}</a>
                {t('letters.followUp.after')}
              </>
            ) : null}
            {say(followUp.reason)}
          </p>
          <a className="button primary" href={followUpHref(letter, followUp)}>
            {say(followUp.action)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Deadlines as a table: date, what, rule (§), client and the letter it comes from. */
export function DeadlineTable({ items, clients, caption }: { items: ReturnType<typeof upcomingLetterDeadlines>; clients?: ReadonlyMap<string, Client> | undefined; caption: string }) {
  const say = useSay();
  const fmt = useFormat();
  const t = useT();
  return (
    <table className="data" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col">{t('letters.col.date')}</th>
          <th scope="col">{t('letters.col.deadline')}</th>
          {clients ? <th scope="col">{t('letters.col.client')}</th> : null}
          <th scope="col">{t('letters.col.letter')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map(({ letter, deadline }) => (
          <tr key={`${letter.id}-${deadline.label}`}>
            <td>{fmt.date(deadline.value)}</td>
            <td>
              {say(deadline.labelMessage)}
              <span className="letter-rule">
                {say(deadline).replace(/\.$/, '')} ({deadline.clause})
              </span>
            </td>
            {clients ? <td>{clients.get(letter.clientId)?.legalName ?? '—'}</td> : null}
            <td>
              <a href={href(`/courriers/${letter.id}`)}>{t(`code.letterKind.${letter.kind}`)}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The dunning letters shown at once; the overdue list has them all. */
export const DUNNING_SHOWN = 10;

/**
 * Overdue invoices whose dunning step is reached and whose letter is not
 * written yet (§6.6), each with "Rédiger ce courrier": the step's letter,
 * prefilled with the invoice (and, for a formal notice, the contract's other
 * overdue invoices) and their balances.
 */
export function DunningDueList({ items, clients }: { items: Awaited<ReturnType<typeof dunningLettersDue>>; clients?: ReadonlyMap<string, Client> | undefined }) {
  const fmt = useFormat();
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="letters-dunning-due">
      <h3 id="letters-dunning-due" className="letter-subheading">{t('letters.dunningDue.title')}</h3>
      <ul className="letter-followups">
        {items.slice(0, DUNNING_SHOWN).map(({ invoice, settlement, dunning }) => (
          <li key={invoice.id} className="alert warning">
            <p>
              {clients ? <strong>{clients.get(invoice.clientId)?.legalName ?? invoice.buyer?.legalName ?? '—'} — </strong> : null}
              {t('letters.dunningDue.item', {
                step: t(`code.dunningStep.${dunning.step}`), number: invoice.number ?? '', due: fmt.date(invoice.dueDate), balance: fmt.money(settlement.balanceCents), since: fmt.date(dunning.value),
              })}
            </p>
            <a className="button primary" href={href('/courriers/nouveau', { client: invoice.clientId, contract: invoice.contractId, kind: DUNNING_STEP_LETTER[dunning.step], facture: invoice.number ?? undefined })}>
              {t('invoices.dunning.write')}
            </a>
          </li>
        ))}
      </ul>
      {items.length > DUNNING_SHOWN ? <p><a href={href('/factures/impayes')}>{t('letters.dunningDue.more', { count: items.length - DUNNING_SHOWN })}</a></p> : null}
    </section>
  );
}
