import type { RecordDifference } from '../../../src-core';
import type { TableComparison } from '../../data/sync-state';
import { useT } from '../../i18n';

/** Records named at most per table: the rest are counted (a new laptop against a full server differs by thousands). */
const SHOWN = 20;

/** The records the reconciliation check found different in one table: which, and at which version on each side. */
export function RecordDifferences({ comparison }: { comparison: TableComparison }) {
  const t = useT();
  const records = comparison.records ?? [];
  if (records.length === 0 && comparison.complete !== false) return null;
  const line = (r: RecordDifference) =>
    r.local === null
      ? t('sync.reconcile.recordOnlyServer', { id: r.id, server: r.server ?? 0 })
      : r.server === null
        ? t('sync.reconcile.recordOnlyHere', { id: r.id, local: r.local })
        : t('sync.reconcile.recordBoth', { id: r.id, local: r.local, server: r.server });
  return (
    <ul>
      {records.slice(0, SHOWN).map((r) => (
        <li key={r.id}>{line(r)}</li>
      ))}
      {records.length > SHOWN ? <li>{t('sync.reconcile.moreRecords', { count: records.length - SHOWN })}</li> : null}
      {comparison.complete === false ? <li>{t('sync.reconcile.incomplete')}</li> : null}
    </ul>
  );
}
