import { useEffect, useState, type FormEvent } from 'react';
import { useDataLayer } from '../../data';
import { useT } from '../../i18n';
import { actorLabel, readStandaloneName, setStandaloneName, usePersonStore } from '../../sync/person';
import { useLeaveGuard } from '../../components/useLeaveGuard';

/**
 * Who the audit names on this laptop. Signed in, the central API says who it
 * is (shown, not editable here); standalone, the person types their name,
 * and the audit states that it comes from a standalone laptop.
 */
export function PersonNameForm() {
  const t = useT();
  const { db } = useDataLayer();
  const person = usePersonStore((s) => s.person);
  const [value, setValue] = useState('');
  // The name as stored: what the field is compared with to warn about an unsaved change.
  const [stored, setStored] = useState('');
  const [saved, setSaved] = useState(false);
  const leave = useLeaveGuard(value !== stored);
  useEffect(() => {
    void readStandaloneName(db).then((name) => {
      setValue(name ?? '');
      setStored(name ?? '');
    });
  }, [db]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Marked stored before the save names the person on the page (the hint below): a click away as soon as
    // the new name shows must not meet the unsaved-change question (seen in CI: the navigation was held).
    const before = stored;
    setStored(value);
    try {
      await setStandaloneName(db, value);
    } catch (error) {
      setStored(before);
      throw error;
    }
    setSaved(true);
  };
  // The history's own words, quoted as written (French records) inside the sentence of the interface's language.
  const [hintBefore, hintAfter] = t('settings.person.hint', { person: '\u0000' }).split('\u0000');
  return (
    <form className="form settings-form" aria-labelledby="person-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="person-title">{t('settings.person.title')}</h2>
      {person.kind === 'signedIn' ? (
        <p data-testid="settings-person">{t('settings.person.signedIn', { person: actorLabel(person) })}</p>
      ) : (
        <>
          <p className="muted">{t('settings.person.body')}</p>
          <div className="field">
            <label htmlFor="person-name">{t('settings.person.name')}</label>
            <input id="person-name" value={value} maxLength={80} autoComplete="name" onChange={(e) => (setSaved(false), setValue(e.target.value))} aria-describedby="person-name-hint" />
            <span className="field-hint" id="person-name-hint">{hintBefore}<span lang="fr">{actorLabel(person)}</span>{hintAfter}</span>
          </div>
          {saved ? <p className="alert success" role="status">{t('settings.saved')}</p> : null}
          <div><button type="submit" className="button primary">{t('settings.save')}</button></div>
          {leave.dialog}
        </>
      )}
    </form>
  );
}
