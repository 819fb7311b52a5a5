import { type VatBreakdown } from '../../../src-core';
import type { MonthlyRunPlan, RunItem } from '../../data/invoicing';
import { useFormat, useSay, useT } from '../../i18n';

/** Clients listed at once in the preview; the totals always cover the whole run. */
const MAX_CLIENTS = 200;

interface ClientGroup {
  clientId: string;
  name: string;
  contracts: number;
  netCents: number;
  vatCents: number;
  totalCents: number;
  /** In the interface's language, each once. */
  warnings: string[];
}

function byClient(items: readonly RunItem[], say: ReturnType<typeof useSay>): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const { client, draft } of items) {
    const g = groups.get(client.id) ?? { clientId: client.id, name: client.legalName, contracts: 0, netCents: 0, vatCents: 0, totalCents: 0, warnings: [] };
    g.contracts += 1;
    g.netCents += draft.totals.netCents;
    g.vatCents += draft.totals.vatCents;
    g.totalCents += draft.totals.totalCents;
    for (const w of draft.warnings.map(say)) if (!g.warnings.includes(w)) g.warnings.push(w);
    groups.set(client.id, g);
  }
  return [...groups.values()];
}

/** Per rate, the sum of each invoice's own base and VAT (VAT is rounded per invoice, EN 16931 BR-CO-17). */
function byRate(items: readonly RunItem[]): VatBreakdown[] {
  const rates = new Map<number, VatBreakdown>();
  for (const r of items.flatMap((i) => i.draft.totals.byRate)) {
    const sum = rates.get(r.ratePercent) ?? { ratePercent: r.ratePercent, baseCents: 0, vatCents: 0 };
    rates.set(r.ratePercent, { ...sum, baseCents: sum.baseCents + r.baseCents, vatCents: sum.vatCents + r.vatCents });
  }
  return [...rates.values()].sort((a, b) => a.ratePercent - b.ratePercent);
}

/** The run before anything is written: totals per rate, per client, warnings and problems. */
export function RunPreview({ plan, busy, onCreate }: { plan: MonthlyRunPlan; busy: boolean; onCreate: () => void }) {
  const fmt = useFormat();
  const t = useT();
  const say = useSay();
  const clients = byClient(plan.items, say);
  const rates = byRate(plan.items);
  const total = clients.reduce((s, c) => s + c.totalCents, 0);
  const warned = clients.filter((c) => c.warnings.length > 0);
  const late = plan.items.filter((i) => i.draft.lateIssue);
  return (
    <section className="run-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('invoices.preview.title', { count: plan.items.length, clients: clients.length })}</h2>
      <div className="cards">
        {rates.map((r) => (
          <div key={r.ratePercent} className="card stat">
            <h3 className="stat-label">{t('invoices.preview.rate', { rate: String(r.ratePercent).replace('.', ',') })}</h3>
            <p className="stat-value">{fmt.money(r.baseCents)}</p>
            <p className="muted">{t('invoices.preview.vat', { vat: fmt.money(r.vatCents) })}</p>
          </div>
        ))}
        <div className="card stat">
          <h3 className="stat-label">{t('invoices.preview.total')}</h3>
          <p className="stat-value">{fmt.money(total)}</p>
        </div>
      </div>
      {late.length > 0 ? (
        <p className="alert warning" data-testid="late-issue">
          <strong>{t('invoices.preview.lateIssue')}</strong> — {t('invoices.preview.lateIssueBody', { count: late.length, date: fmt.date(late[0]!.draft.issueDate.value), due: fmt.date(late[0]!.draft.dueDate.value) })}
        </p>
      ) : null}
      {plan.alreadyInvoiced > 0 ? <p className="alert success">{t('invoices.preview.already', { count: plan.alreadyInvoiced })}</p> : null}
      {warned.length > 0 ? (
        <div className="alert warning">
          <h3>{t('invoices.preview.warnings', { count: warned.length })}</h3>
          <ul>
            {warned.slice(0, MAX_CLIENTS).map((c) => c.warnings.map((w) => <li key={`${c.clientId}${w}`}><strong>{c.name}</strong> — {w}</li>))}
          </ul>
        </div>
      ) : null}
      {plan.problems.length > 0 ? (
        <div className="alert error">
          <h3>{t('invoices.preview.problems', { count: plan.problems.length })}</h3>
          <ul>
            {plan.problems.slice(0, MAX_CLIENTS).map((p) => <li key={p.contractId}><strong>{p.clientName}</strong> ({p.reference}) — {p.message}</li>)}
          </ul>
        </div>
      ) : null}
      {plan.items.length > 0 ? (
        <>
          <table className="data">
            <caption className="visually-hidden">{t('invoices.preview.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invoices.col.client')}</th>
                <th scope="col" className="num">{t('invoices.preview.contracts')}</th>
                <th scope="col" className="num">{t('invoices.col.net')}</th>
                <th scope="col" className="num">{t('invoices.col.vat')}</th>
                <th scope="col" className="num">{t('invoices.col.total')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.slice(0, MAX_CLIENTS).map((c) => (
                <tr key={c.clientId}>
                  <td>{c.name}{c.warnings.length > 0 ? <> <span className="badge warning">{t('invoices.preview.warningBadge')}</span></> : null}</td>
                  <td className="num">{c.contracts}</td>
                  <td className="num">{fmt.money(c.netCents)}</td>
                  <td className="num">{fmt.money(c.vatCents)}</td>
                  <td className="num">{fmt.money(c.totalCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {clients.length > MAX_CLIENTS ? <p className="muted">{t('invoices.list.truncated', { shown: MAX_CLIENTS, count: clients.length })}</p> : null}
          <div className="invoice-toolbar">
            <button type="button" className="button primary" disabled={busy} onClick={onCreate}>{t('invoices.preview.create', { count: plan.items.length })}</button>
          </div>
        </>
      ) : (
        <p className="empty-state">{t('invoices.preview.nothing')}</p>
      )}
    </section>
  );
}
