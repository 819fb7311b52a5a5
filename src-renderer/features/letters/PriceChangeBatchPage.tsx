import { useId, useState } from 'react';
import { formatEuros, parseEuros, type Letter, type PriceListRecord, type TierCode } from '../../../src-core';
import { SelectField, TextField } from '../../components/FormField';
import { parisToday } from '../../components/today';
import { useCommand } from '../../components/useCommand';
import { useDataLayer, usePriceLists } from '../../data';
import { advanceLetters, createPriceChangeBatch, useClientsById, useLetterSettings, type PriceChangeBatchResult } from '../../data/letters-flow';
import { useSayError, useT, useFormat } from '../../i18n';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../components/router';
import { currentActor } from '../../components/actor';
import { storedLetterSheets, storedPartnerCopySheets } from './document';
import { lettersPdf } from './output';
import { printPdf, savePdf } from '../../platform/pdf-output';

const euros = (cents: number) => formatEuros(cents).replace(/\s?€$/, '');

/** `#/courriers/envoi-groupe`: one price change notice (§5.2) to every running contract of a price list. */
export function PriceChangeBatchPage() {
  const t = useT();
  const priceLists = usePriceLists();
  const [listId, setListId] = useState('');
  const [result, setResult] = useState<PriceChangeBatchResult>();
  const list = priceLists?.find((p) => p.id === listId) ?? priceLists?.[0];
  return (
    <>
      <PageHeader title={t('letters.batch.title')} subtitle={t('letters.batch.subtitle')} actions={<a className="button" href={href('/courriers')}>{t('letters.back')}</a>} />
      {result ? (
        <BatchResult letters={result.letters} alreadyNotified={result.alreadyNotified} />
      ) : !priceLists ? (
        <p>{t('letters.loading')}</p>
      ) : !list ? (
        <p className="empty-state">{t('letters.batch.noPriceList')}</p>
      ) : (
        <div className="form">
          <SelectField label={t('letters.batch.priceList')} value={list.id} onChange={(e) => setListId(e.target.value)}>
            {priceLists.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </SelectField>
          <BatchForm key={list.id} list={list} onDone={setResult} />
        </div>
      )}
    </>
  );
}

function BatchForm({ list, onDone }: { list: PriceListRecord; onDone: (result: PriceChangeBatchResult) => void }) {
  const sayError = useSayError();
  const fmt = useFormat();
  const t = useT();
  const tableId = useId();
  const { ctx } = useDataLayer();
  const [reason, setReason] = useState('');
  const [letterDate, setLetterDate] = useState(parisToday());
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [prices, setPrices] = useState<Record<string, string>>(() => Object.fromEntries(list.tiers.map((tier) => [tier.id, euros(tier.priceCents)])));
  const [progress, setProgress] = useState<{ written: number; total: number }>();
  const [error, setError] = useState<string>();

  // One batch at a time: a second click while it runs does nothing, and a contract never gets the same notice twice.
  const command = useCommand();
  const prepare = () =>
    command.run(async () => {
      setError(undefined);
      try {
        const newPrices = Object.fromEntries(list.tiers.map((tier) => [tier.id, parseEuros(prices[tier.id] ?? '')])) as Partial<Record<TierCode, number>>;
        setProgress({ written: 0, total: 0 });
        onDone(await createPriceChangeBatch(ctx, { priceListId: list.id, letterDate, reason, newPrices, ...(effectiveFrom ? { effectiveFrom } : {}) }, currentActor(), { onProgress: setProgress }));
      } catch (e) {
        setProgress(undefined);
        setError(sayError(e));
      }
    });

  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); void prepare(); }}>
      <TextField label={t('letters.field.reason')} hint={t('letters.hint.reason')} value={reason} required onChange={(e) => setReason(e.target.value)} />
      <TextField label={t('letters.field.letterDate')} type="date" value={letterDate} required onChange={(e) => setLetterDate(e.target.value)} />
      <TextField label={`${t('letters.field.effectiveFrom')} ${t('letters.optional')}`} type="date" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
      <table className="data letter-batch-prices" aria-labelledby={tableId}>
        <caption id={tableId} className="letter-caption">{t('letters.batch.prices')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('letters.batch.tier')}</th>
            <th scope="col" className="num">{t('letters.batch.current')}</th>
            <th scope="col">{t('letters.batch.new')}</th>
          </tr>
        </thead>
        <tbody>
          {list.tiers.map((tier) => (
            <tr key={tier.id}>
              <th scope="row">{tier.id}</th>
              <td className="num">{fmt.money(tier.priceCents)}</td>
              <td>
                <input
                  aria-label={t('letters.batch.newFor', { tier: tier.id })}
                  inputMode="decimal"
                  value={prices[tier.id] ?? ''}
                  onChange={(e) => setPrices((p) => ({ ...p, [tier.id]: e.target.value }))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      {progress ? (
        <p>
          <label>
            {t('letters.batch.progress', { written: progress.written, total: progress.total || '…' })}{' '}
            <progress max={progress.total || 1} value={progress.written} />
          </label>
        </p>
      ) : null}
      <div className="letter-actions">
        <button type="submit" className="button primary" disabled={!!progress || command.busy}>{t('letters.batch.prepare')}</button>
      </div>
    </form>
  );
}

/** The notices written: one PDF of them all to print (then marked printed together) or save. */
function BatchResult({ letters, alreadyNotified }: { letters: Letter[]; alreadyNotified: number }) {
  const sayError = useSayError();
  const t = useT();
  const { ctx } = useDataLayer();
  const settings = useLetterSettings();
  const clients = useClientsById(letters.map((l) => l.clientId));
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string>();
  if (!settings || !clients) return <p>{t('letters.loading')}</p>;
  const already = alreadyNotified > 0 ? <p className="alert warning">{t('letters.batch.alreadyNotified', { count: alreadyNotified })}</p> : null;
  if (letters.length === 0) return <div className="card">{already}<a className="button" href={href('/courriers')}>{t('letters.batch.seeAll')}</a></div>;
  const print = { rules: settings.rules, seller: settings.seller, envelope: settings.envelopes[0]! };
  // The clients' batch holds only the clients' letters; the partners' copies are their own file, addressed to them.
  const pdf = () => lettersPdf(letters.flatMap((l) => storedLetterSheets(l, clients.get(l.clientId)!, print)));
  const copies = letters.flatMap((l) => storedPartnerCopySheets(l, clients.get(l.clientId)!, print));
  const letterDate = String(letters[0]!.params.letterDate);
  async function printBatch() {
    setError(undefined);
    try {
      await printPdf(pdf(), t('letters.batch.title'));
      await advanceLetters(ctx, letters.map((l) => l.id), { type: 'print' }, currentActor());
      setDone(true);
    } catch (e) {
      setError(sayError(e));
    }
  }
  return (
    <div className="card">
      <p className="alert success" role="status">{t('letters.batch.done', { count: letters.length })}</p>
      {already}
      {error ? <p className="alert error" role="alert">{error}</p> : null}
      <div className="letter-actions">
        <button type="button" className="button primary" disabled={done} onClick={() => void printBatch()}>{t('letters.batch.print')}</button>
        <button type="button" className="button" onClick={() => void savePdf(pdf(), `avis-modification-prix-${letterDate}.pdf`)}>{t('letters.savePdf')}</button>
        {copies.length > 0 ? (
          <button type="button" className="button" onClick={() => void savePdf(lettersPdf(copies), `copies-partenaires-avis-modification-prix-${letterDate}.pdf`)}>
            {t('letters.batch.partnerCopies', { count: copies.length })}
          </button>
        ) : null}
        <a className="button" href={href('/courriers')}>{t('letters.batch.seeAll')}</a>
      </div>
      {done ? <p role="status">{t('letters.batch.printed')}</p> : null}
    </div>
  );
}
