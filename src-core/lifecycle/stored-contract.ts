import type { Contract } from '../model/contract';
import type { ContractLifecycle } from './contract-status';
import { contractEnd } from './contract-state';

/**
 * The lifecycle state machine's view of a stored contract, so that
 * `applyLifecycleEvent` can judge the next event and `contractDeadlines` can
 * list and explain its dates. Its termination is the contract's end as its
 * events set it (`contractEnd`: the client's notice re-explained by §1, or a
 * letter's termination); for the client's notice the stored date wins if both exist.
 */
export function lifecycleOfContract(
  contract: Pick<Contract, 'status' | 'startDate' | 'terminationNotice' | 'terminationEffectiveDate'> & { history?: Contract['history'] },
): ContractLifecycle {
  const end = contractEnd(contract);
  if (!end) return { status: contract.status, startDate: contract.startDate };
  const notice = end.cause === 'client_notice' ? contract.terminationNotice : undefined;
  return {
    status: contract.status,
    startDate: contract.startDate,
    termination: {
      cause: end.cause ?? 'client_notice',
      noticeDate: end.noticeDate ?? end.value,
      effectiveDate: notice ? (contract.terminationEffectiveDate ?? end.value) : end.value,
      clause: end.clause,
      rule: end.rule,
      ...(end.message ? { message: end.message } : {}),
      ...(notice ? { channel: notice.channel } : {}),
    },
  };
}
