import { useLetters } from '../../data';
import { useClientsById, useDunningLettersDue } from '../../data/letters-flow';
import { useT } from '../../i18n';
import { DUNNING_SHOWN, DeadlineTable, DunningDueList, FollowUpList, useLetterAgenda } from './agenda';

/**
 * Letters' next steps and the deadlines they started, due within `days`, with
 * the dunning letters overdue invoices call for: for the dashboard ("échéances
 * des 30 prochains jours") and the Courriers screen.
 */
export function UpcomingDeadlines({ days = 30 }: { days?: number }) {
  const t = useT();
  const letters = useLetters();
  const agenda = useLetterAgenda(letters, days);
  const dunning = useDunningLettersDue();
  const clients = useClientsById(
    agenda ? [...agenda.followUps.map((f) => f.letter.clientId), ...agenda.deadlines.map((d) => d.letter.clientId), ...(dunning ?? []).slice(0, DUNNING_SHOWN).map((d) => d.invoice.clientId)] : [],
  );
  const title = t('letters.upcoming.title', { days });
  return (
    <section className="card letter-agenda" aria-labelledby="letters-upcoming">
      <h2 id="letters-upcoming">{title}</h2>
      {!agenda ? (
        <p>{t('letters.loading')}</p>
      ) : agenda.followUps.length === 0 && agenda.deadlines.length === 0 && !dunning?.length ? (
        <p className="letter-muted">{t('letters.upcoming.none', { days })}</p>
      ) : (
        <>
          <DunningDueList items={dunning ?? []} clients={clients} />
          <FollowUpList items={agenda.followUps} clients={clients} />
          {agenda.deadlines.length > 0 ? <DeadlineTable items={agenda.deadlines} clients={clients ?? new Map()} caption={title} /> : null}
        </>
      )}
    </section>
  );
}
