import { useId, useState } from 'react';
import { LETTER_KINDS, LETTER_STATUSES, type LetterKind, type LetterStatus } from '../../../src-core';
import { SelectField } from '../../components/FormField';
import { useLetters } from '../../data';
import { useClientsById, useLetterSettings } from '../../data/letters-flow';
import { useEnvelopeName, useT } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { LettersTable } from './LettersTable';
import { printCalibration } from '../../components/print-calibration';
import { UpcomingDeadlines } from './UpcomingDeadlines';

/** A batch notice to a large portfolio makes thousands of letters: the table shows the newest, the search narrows. */
const MAX_ROWS = 300;

/** `#/courriers`: what is due, then every letter, filtered by status and kind and searched by client or registered number. */
export function LettersOverview() {
  const t = useT();
  const searchId = useId();
  const letters = useLetters();
  const clients = useClientsById(letters?.map((l) => l.clientId) ?? []);
  const [status, setStatus] = useState<LetterStatus | ''>('');
  const [kind, setKind] = useState<LetterKind | ''>('');
  const [search, setSearch] = useState('');

  const needle = search.trim().toLocaleLowerCase('fr');
  const compact = needle.replace(/\s/g, '').toUpperCase();
  const shown = (letters ?? []).filter(
    (l) =>
      (!status || l.status === status) &&
      (!kind || l.kind === kind) &&
      (!needle || (clients?.get(l.clientId)?.legalName.toLocaleLowerCase('fr').includes(needle) ?? false) || (compact !== '' && (l.registeredNumber ?? '').replace(/\s/g, '').includes(compact))),
  );

  return (
    <>
      <PageHeader
        title={t('nav.letters')}
        actions={
          <>
            <a className="button primary" href={href('/courriers/nouveau')}>{t('letters.compose')}</a>
            <a className="button" href={href('/courriers/envoi-groupe')}>{t('letters.batch.open')}</a>
          </>
        }
      />
      <UpcomingDeadlines days={30} />
      <section aria-labelledby="letters-all" className="letter-all">
        <h2 id="letters-all">{t('letters.all')}</h2>
        <div className="letter-filters">
          <div className="field">
            <label htmlFor={searchId}>{t('letters.search')}</label>
            <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
          </div>
          <SelectField label={t('letters.col.status')} value={status} onChange={(e) => setStatus(e.target.value as LetterStatus | '')}>
            <option value="">{t('letters.filter.all')}</option>
            {LETTER_STATUSES.map((s) => <option key={s} value={s}>{t(`code.letterStatus.${s}`)}</option>)}
          </SelectField>
          <SelectField label={t('letters.filter.kind')} value={kind} onChange={(e) => setKind(e.target.value as LetterKind | '')}>
            <option value="">{t('letters.filter.all')}</option>
            {LETTER_KINDS.map((k) => <option key={k} value={k}>{t(`code.letterKind.${k}`)}</option>)}
          </SelectField>
        </div>
        {!letters ? (
          <p>{t('letters.loading')}</p>
        ) : shown.length === 0 ? (
          <p className="empty-state">{letters.length === 0 ? t('letters.none') : t('letters.noneMatching')}</p>
        ) : (
          <>
            {shown.length > MAX_ROWS ? <p className="letter-muted" role="status">{t('letters.truncated', { shown: MAX_ROWS, total: shown.length })}</p> : null}
            <LettersTable letters={shown.slice(-MAX_ROWS)} clients={clients ?? new Map()} label={t('letters.all')} />
          </>
        )}
      </section>
      <CalibrationCard />
    </>
  );
}

/** Prints the window frame of an envelope model, to check the printer before a batch (offsets are set in Paramètres). */
function CalibrationCard() {
  const t = useT();
  const envelopeName = useEnvelopeName();
  const settings = useLetterSettings();
  const [envelopeId, setEnvelopeId] = useState('');
  if (!settings) return null;
  const envelope = settings.envelopes.find((e) => e.id === envelopeId) ?? settings.envelopes[0]!;
  return (
    <section className="card letter-calibration" aria-labelledby="letters-calibration">
      <h2 id="letters-calibration">{t('letters.calibration.title')}</h2>
      <p className="letter-muted">{t('letters.calibration.help')}</p>
      <div className="letter-actions">
        <SelectField label={t('letters.envelope')} value={envelope.id} onChange={(e) => setEnvelopeId(e.target.value)}>
          {settings.envelopes.map((e) => <option key={e.id} value={e.id}>{envelopeName(e)}</option>)}
        </SelectField>
        <button type="button" className="button" onClick={() => void printCalibration(envelope)}>
          {t('letters.calibration.print')}
        </button>
      </div>
    </section>
  );
}
