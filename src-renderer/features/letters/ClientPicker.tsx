import { useId, useState } from 'react';
import { useClients } from '../../data';
import { useT } from '../../i18n';
import { href } from '../../components/router';

const MAX_RESULTS = 20;

/** Finds the client a letter is for, by name or SIREN; each match links to the same page with the client chosen. */
export function ClientPicker({ kind }: { kind: string | null }) {
  const t = useT();
  const id = useId();
  const clients = useClients();
  const [search, setSearch] = useState('');
  const needle = search.trim().toLocaleLowerCase('fr');
  const matches = needle ? (clients ?? []).filter((c) => c.legalName.toLocaleLowerCase('fr').includes(needle) || c.siren?.includes(needle)).slice(0, MAX_RESULTS) : [];
  return (
    <div className="card form">
      <div className="field">
        <label htmlFor={id}>{t('letters.pickClient')}</label>
        <input id={id} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      </div>
      {needle && matches.length === 0 ? <p className="letter-muted">{t('letters.pickClient.none')}</p> : null}
      <ul className="letter-client-matches">
        {matches.map((c) => (
          <li key={c.id}>
            <a href={href('/courriers/nouveau', { client: c.id, kind: kind ?? undefined })}>{c.legalName}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
