import { type Client, type Letter } from '../../../src-core';
import { useT, useFormat } from '../../i18n';
import { href } from '../../components/router';
import { LetterStatusBadge } from './LetterStatus';

/** Letters, newest first, each linking to its page; the client column only where letters of several clients mix. */
export function LettersTable({ letters, clients, label }: { letters: readonly Letter[]; clients?: ReadonlyMap<string, Client> | undefined; label: string }) {
  const fmt = useFormat();
  const t = useT();
  const date = (d: string | undefined) => (d ? fmt.date(d) : '—');
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{t('letters.col.letterDate')}</th>
          <th scope="col">{t('letters.col.letter')}</th>
          {clients ? <th scope="col">{t('letters.col.client')}</th> : null}
          <th scope="col">{t('letters.col.contract')}</th>
          <th scope="col">{t('letters.col.status')}</th>
          <th scope="col">{t('letters.col.registered')}</th>
          <th scope="col">{t('letters.col.sent')}</th>
          <th scope="col">{t('letters.col.received')}</th>
        </tr>
      </thead>
      <tbody>
        {[...letters].reverse().map((l) => (
          <tr key={l.id}>
            <td>{date(String(l.params.letterDate))}</td>
            <td>
              <a href={href(`/courriers/${l.id}`)}>{t(`code.letterKind.${l.kind}`)}</a>
            </td>
            {clients ? <td>{clients.get(l.clientId)?.legalName ?? '—'}</td> : null}
            <td>{String(l.params['contract.reference'] ?? '—')}</td>
            <td>
              <LetterStatusBadge status={l.status} />
            </td>
            <td className="letter-registered">{l.registeredNumber ?? '—'}</td>
            <td>{date(l.sentOn)}</td>
            <td>{date(l.receivedOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
