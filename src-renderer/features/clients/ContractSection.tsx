import { contractDeadlines, formatDateFr, formatEuros, getTier, isRunning, lifecycleOfContract, NOTICE_CHANNEL_LABELS, type Contract, type UsageDocument } from '../../../src-core';
import { useT } from '../../i18n';
import { href } from '../../shell/router';
import { ContractStatusBadge } from '../../components/ContractStatusBadge';
import { ExplainedDate } from '../../components/ExplainedDate';
import { UsagePanel } from './UsagePanel';

/** One contract on the client page: its facts, every computed date with its rule, its usage against the tier. */
export function ContractSection({ contract, usage }: { contract: Contract; usage: UsageDocument | undefined }) {
  const t = useT();
  const tier = getTier(contract.tier, contract.priceListId);
  const deadlines = contractDeadlines({ lifecycle: lifecycleOfContract(contract) });
  const base = `/clients/${encodeURIComponent(contract.clientId)}/contrats/${encodeURIComponent(contract.id)}`;
  return (
    <section className="card contract-card" aria-labelledby={`contract-${contract.id}`}>
      <header className="contract-header">
        <h2 id={`contract-${contract.id}`}>
          {t('clients.contract.title', { reference: contract.reference })} <ContractStatusBadge status={contract.status} />
        </h2>
        <div className="page-actions">
          <a className="button" href={href(`${base}/modifier`)}>{t('clients.contract.edit')}</a>
          {isRunning(contract) && !contract.terminationNotice ? (
            <a className="button" href={href(`${base}/preavis`)}>{t('clients.contract.recordNotice')}</a>
          ) : null}
        </div>
      </header>
      <dl className="facts">
        <dt>{t('clients.contract.tier')}</dt>
        <dd>{t('clients.contract.tierPrice', { tier: tier.id, price: formatEuros(tier.priceCents) })}</dd>
        <dt>{t('clients.contract.start')}</dt>
        <dd>{formatDateFr(contract.startDate)}</dd>
        {contract.terminationNotice ? (
          <>
            <dt>{t('clients.contract.noticeReceived')}</dt>
            <dd>
              {t('clients.contract.noticeOn', { date: formatDateFr(contract.terminationNotice.receivedOn), channel: NOTICE_CHANNEL_LABELS[contract.terminationNotice.channel] })}
            </dd>
          </>
        ) : null}
        {deadlines.map((d) => (
          <div key={d.kind} className="facts-row" data-testid={`deadline-${d.kind}`}>
            <dt>{d.label}</dt>
            <dd><ExplainedDate date={d} /></dd>
          </div>
        ))}
      </dl>
      <UsagePanel contract={contract} usage={usage} />
    </section>
  );
}
