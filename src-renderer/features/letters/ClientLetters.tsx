import { useLetters } from '../../data';
import { useT } from '../../i18n';
import { href } from '../../components/router';
import { FollowUpList, useLetterAgenda } from './agenda';
import { LettersTable } from './LettersTable';

/** A client's registered letters and their follow-ups, for the client page; "Rédiger un courrier" starts a new one. */
export function ClientLetters({ clientId }: { clientId: string }) {
  const t = useT();
  const letters = useLetters({ clientId });
  const agenda = useLetterAgenda(letters, 30);
  return (
    <section className="card client-letters" aria-labelledby="client-letters-title">
      <div className="letter-section-header">
        <h2 id="client-letters-title">{t('letters.client.title')}</h2>
        <a className="button primary" href={href('/courriers/nouveau', { client: clientId })}>
          {t('letters.compose')}
        </a>
      </div>
      {agenda ? <FollowUpList items={agenda.followUps} /> : null}
      {!letters ? (
        <p>{t('letters.loading')}</p>
      ) : letters.length === 0 ? (
        <p className="letter-muted">{t('letters.client.none')}</p>
      ) : (
        <LettersTable letters={letters} label={t('letters.client.title')} />
      )}
    </section>
  );
}
