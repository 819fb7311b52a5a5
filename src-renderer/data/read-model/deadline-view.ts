import { compareDates, type ContractDeadline, type IsoDate } from '../../../src-core';
import type { ClientSummary } from './client-summary';

/** A contract's deadline with the client it concerns, as the dashboard and the deadlines page list it. */
export interface PortfolioDeadline {
  clientId: string;
  clientName: string;
  contractId: string;
  contractReference: string;
  deadline: ContractDeadline;
}

/** Every deadline of the portfolio from `from` to `to` (both included), soonest first; archived clients included (their dates still run). */
export function deadlinesBetween(summaries: readonly ClientSummary[], from: IsoDate, to: IsoDate): PortfolioDeadline[] {
  const found: PortfolioDeadline[] = [];
  for (const s of summaries) {
    for (const { contractId, contractReference, deadline } of s.deadlines) {
      if (compareDates(deadline.value, from) >= 0 && compareDates(deadline.value, to) <= 0) {
        found.push({ clientId: s.id, clientName: s.legalName, contractId, contractReference, deadline });
      }
    }
  }
  return found.sort((a, b) => compareDates(a.deadline.value, b.deadline.value));
}
