import type { Contract, ContractStatus } from '../model/contract';
import type { ContractLifecycle } from './contract-status';
import { terminationEffectiveDateExplained } from './termination-notice';

/**
 * The lifecycle state machine's view of a stored contract, so that
 * `applyLifecycleEvent` can judge the next event and `contractDeadlines` can
 * list and explain its dates. A stored contract only keeps the client's
 * notice (§1): its effective date is re-explained from the receipt date by the
 * same rule that computed it, the stored date winning if both exist.
 */
export function lifecycleOfContract(contract: Pick<Contract, 'status' | 'startDate' | 'terminationNotice' | 'terminationEffectiveDate'>): ContractLifecycle {
  const notice = contract.terminationNotice;
  if (!notice) return { status: contract.status, startDate: contract.startDate };
  const effective = terminationEffectiveDateExplained(notice.receivedOn);
  return {
    status: contract.status,
    startDate: contract.startDate,
    termination: {
      cause: 'client_notice',
      noticeDate: notice.receivedOn,
      effectiveDate: contract.terminationEffectiveDate ?? effective.value,
      clause: effective.clause,
      rule: effective.rule,
      channel: notice.channel,
    },
  };
}

/** Contracts billed this month: running, including under notice (billed until the effective date) and suspended. */
export const RUNNING_STATUSES: readonly ContractStatus[] = ['active', 'notice_received', 'suspended'];

export const isRunning = (contract: Pick<Contract, 'status'>): boolean => RUNNING_STATUSES.includes(contract.status);
