import {
  contractDeadlines, contractStateAt, contractTerms, lifecycleOfContract, priceInForce,
  type Contract, type PriceLists, type UsageDocument,
} from '../../../src-core';
import { useT, useFormat, useSay } from '../../i18n';
import { href } from '../../components/router';
import { ContractStatusBadge } from '../../components/ContractStatusBadge';
import { ExplainedDate, useRuleWithClause } from '../../components/ExplainedDate';
import { parisToday } from '../../components/today';
import { UsagePanel } from './UsagePanel';

/** One contract on the client page: its facts, every computed date with its rule, its usage against the tier. */
export function ContractSection({ contract, usage, lists }: { contract: Contract; usage: UsageDocument | undefined; lists: PriceLists }) {
  const t = useT();
  // A contract synced before its price list (or naming one this laptop never received) cannot be priced yet: say so.
  if (!lists.some((l) => l.id === contract.priceListId)) {
    return (
      <section className="card contract-card" aria-labelledby={`contract-${contract.id}`}>
        <h2 id={`contract-${contract.id}`}>{t('clients.contract.title', { reference: contract.reference })}</h2>
        <p className="alert warning" role="note">{t('prices.unknownList', { id: contract.priceListId })}</p>
      </section>
    );
  }
  return <PricedContractSection contract={contract} usage={usage} lists={lists} />;
}

function PricedContractSection({ contract, usage, lists }: { contract: Contract; usage: UsageDocument | undefined; lists: PriceLists }) {
  const say = useSay();
  const withClause = useRuleWithClause();
  const fmt = useFormat();
  const t = useT();
  const today = parisToday();
  const terms = contractTerms(contract);
  // The status of the day and the price in force this month, read from the contract's events (issue 15).
  const state = contractStateAt(terms, today);
  const inForce = priceInForce(terms, today.slice(0, 7), lists);
  const running = state.status === 'active' || state.status === 'suspended' || state.status === 'notice_received';
  const deadlines = contractDeadlines({ lifecycle: lifecycleOfContract(contract) });
  const base = `/clients/${encodeURIComponent(contract.clientId)}/contrats/${encodeURIComponent(contract.id)}`;
  return (
    <section className="card contract-card" aria-labelledby={`contract-${contract.id}`}>
      <header className="contract-header">
        <h2 id={`contract-${contract.id}`}>
          {t('clients.contract.title', { reference: contract.reference })} <ContractStatusBadge status={state.status} />
        </h2>
        <div className="page-actions">
          <a className="button" href={href(`${base}/modifier`)}>{t('clients.contract.edit')}</a>
          {running && !contract.terminationNotice ? (
            <a className="button" href={href(`${base}/preavis`)}>{t('clients.contract.recordNotice')}</a>
          ) : null}
        </div>
      </header>
      <dl className="facts">
        <dt>{t('clients.contract.tier')}</dt>
        <dd>
          {t('clients.contract.tierPrice', { tier: inForce.tier, price: fmt.money(inForce.price.value) })}
          {inForce.version ? <span className="explained-rule"> — {withClause(inForce.price)}</span> : null}
        </dd>
        <dt>{t('life.contract.state')}</dt>
        <dd data-testid="contract-state">{say(state.message)}</dd>
        <dt>{t('clients.contract.start')}</dt>
        <dd>{fmt.date(contract.startDate)}</dd>
        {contract.terminationNotice ? (
          <>
            <dt>{t('clients.contract.noticeReceived')}</dt>
            <dd>
              {t('clients.contract.noticeOn', { date: fmt.date(contract.terminationNotice.receivedOn), channel: t(`code.noticeChannel.${contract.terminationNotice.channel}`) })}
            </dd>
          </>
        ) : null}
        {deadlines.map((d) => (
          <div key={d.kind} className="facts-row" data-testid={`deadline-${d.kind}`}>
            <dt>{say(d.labelMessage ?? d.label)}</dt>
            <dd><ExplainedDate date={d} /></dd>
          </div>
        ))}
      </dl>
      <UsagePanel contract={contract} usage={usage} lists={lists} />
    </section>
  );
}
