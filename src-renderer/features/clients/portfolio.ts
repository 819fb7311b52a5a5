import {
  evaluateUsage, getTier, overConsumption, tierForMonth, usageOfMonth, type Contract, type ContractStatus, type OverConsumption, type Tier,
  type UsageDocument, type YearMonth,
} from '../../../src-core';

/**
 * Portfolio figures read by the dashboard and the clients list. The rules
 * (tier of a month, limits, covering tier) are src-core's; this module only
 * gathers them over many contracts.
 */

/** Contracts that are billed this month: running, including under notice (billed until the effective date) and suspended. */
export const RUNNING_STATUSES: readonly ContractStatus[] = ['active', 'notice_received', 'suspended'];

export const isRunning = (c: Pick<Contract, 'status'>) => RUNNING_STATUSES.includes(c.status);

/** The tier billed for `month`, following the contract's tier changes. */
export function tierOfMonth(contract: Contract, month: YearMonth): Tier {
  return getTier(tierForMonth(contract, month), contract.priceListId);
}

/** Whether the contract's usage of `month` exceeds a limit of the tier billed that month. */
export function isOverInMonth(contract: Contract, usage: UsageDocument | undefined, month: YearMonth): boolean {
  const measured = usage && usageOfMonth(usage, month);
  return !!measured && evaluateUsage(measured, tierOfMonth(contract, month)).some((m) => m.over);
}

/** Running contracts over a limit in `month`. */
export function contractsOverInMonth(contracts: readonly Contract[], usage: readonly UsageDocument[], month: YearMonth): Set<string> {
  const byContract = new Map(usage.map((u) => [u.contractId, u]));
  return new Set(contracts.filter((c) => isRunning(c) && isOverInMonth(c, byContract.get(c.id), month)).map((c) => c.id));
}

/**
 * The over-consumption of the latest measured month of a contract, as src-core
 * judges it (covering tier, supplement, proposed switch), or null when that
 * month is within the limits.
 */
export function latestOverConsumption(contract: Contract, usage: UsageDocument | undefined): OverConsumption | null {
  const last = usage?.months[usage.months.length - 1];
  if (!last || last.month < contract.startDate.slice(0, 7)) return null;
  const result = overConsumption({
    month: last.month,
    usage: last,
    tierId: tierForMonth(contract, last.month),
    priceListId: contract.priceListId,
    contractStartDate: contract.startDate,
    ...(contract.terminationEffectiveDate ? { terminationEffectiveDate: contract.terminationEffectiveDate } : {}),
  });
  return result.over ? result : null;
}
