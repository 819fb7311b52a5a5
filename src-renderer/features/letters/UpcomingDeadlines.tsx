import { useLetters } from '../../data';
import { useClientsById } from '../../data/letters-flow';
import { useT } from '../../i18n';
import { DeadlineTable, FollowUpList, useLetterAgenda } from './agenda';

/**
 * Letters' next steps and the deadlines they started, due within `days`: for
 * the dashboard ("échéances des 30 prochains jours") and the Courriers screen.
 */
export function UpcomingDeadlines({ days = 30 }: { days?: number }) {
  const t = useT();
  const letters = useLetters();
  const agenda = useLetterAgenda(letters, days);
  const clients = useClientsById(agenda ? [...agenda.followUps.map((f) => f.letter.clientId), ...agenda.deadlines.map((d) => d.letter.clientId)] : []);
  const title = t('letters.upcoming.title', { days });
  return (
    <section className="card letter-agenda" aria-labelledby="letters-upcoming">
      <h2 id="letters-upcoming">{title}</h2>
      {!agenda ? (
        <p>{t('letters.loading')}</p>
      ) : agenda.followUps.length === 0 && agenda.deadlines.length === 0 ? (
        <p className="letter-muted">{t('letters.upcoming.none', { days })}</p>
      ) : (
        <>
          <FollowUpList items={agenda.followUps} clients={clients} />
          {agenda.deadlines.length > 0 ? <DeadlineTable items={agenda.deadlines} clients={clients ?? new Map()} caption={title} /> : null}
        </>
      )}
    </section>
  );
}
