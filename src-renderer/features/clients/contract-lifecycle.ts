import { terminationEffectiveDateExplained, type Contract, type ContractLifecycle } from '../../../src-core';

/**
 * The lifecycle state machine's view of a stored contract, so src-core's
 * `contractDeadlines` can list and explain its dates. A stored contract only
 * keeps the client's notice (§1); its effective date is re-explained from the
 * receipt date by the same rule that computed it.
 */
export function lifecycleOfContract(contract: Contract): ContractLifecycle {
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
