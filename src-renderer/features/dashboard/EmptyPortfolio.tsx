import { useState } from 'react';
import type { EntityType } from '../../../src-core';
import { useDataLayer } from '../../data';
import { useT, type MessageKey } from '../../i18n';
import { href } from '../../components/router';
import { SelectField } from '../../components/FormField';
import { useDemoLoad } from './demo-load';

const DEMO_SIZES = [10, 100, 1000, 10000] as const;

/** What is being written, in words; the demo writes these four tables in this order. */
const ENTITY_KEYS: Partial<Record<EntityType, MessageKey>> = {
  priceLists: 'dashboard.entity.priceLists',
  clients: 'dashboard.entity.clients',
  contracts: 'dashboard.entity.contracts',
  usage: 'dashboard.entity.usage',
};

/** First launch with an empty store: load demo data, import a CSV or configure sync. */
export function EmptyPortfolio() {
  const t = useT();
  const { db } = useDataLayer();
  const [size, setSize] = useState<number>(1000);
  const { progress, error, load } = useDemoLoad();

  return (
    <section className="empty-state onboarding" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('dashboard.empty.title')}</h2>
      <p>{t('dashboard.empty.body')}</p>
      <div className="onboarding-actions">
        <div className="onboarding-action">
          <SelectField label={t('dashboard.empty.size')} value={size} onChange={(e) => setSize(Number(e.target.value))} disabled={progress !== null}>
            {DEMO_SIZES.map((n) => <option key={n} value={n}>{t('dashboard.empty.sizeOption', { count: n })}</option>)}
          </SelectField>
          <button type="button" className="button primary" onClick={() => void load(db, size)} disabled={progress !== null}>
            {t('dashboard.empty.loadDemo')}
          </button>
        </div>
        <a className="button" href={href('/clients/import')}>{t('dashboard.empty.importCsv')}</a>
        <a className="button" href={href('/synchronisation')}>{t('dashboard.empty.configureSync')}</a>
      </div>
      {progress ? (
        <div className="load-progress" role="status">
          <label>
            {t('dashboard.empty.loading', { entity: t(ENTITY_KEYS[progress.entity] ?? 'dashboard.entity.clients'), written: progress.written, total: progress.total })}
            <progress max={progress.total} value={progress.written} />
          </label>
        </div>
      ) : null}
      {error ? <p className="alert error" role="alert">{error}</p> : null}
    </section>
  );
}
