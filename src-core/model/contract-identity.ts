import { addDays, compareDates, type IsoDate } from '../dates';
import { message, messageFr, type Message } from '../messages';
import type { FieldIssue } from './validate';

/**
 * Contract references (DOMAIN.md: "Contract references are unique
 * (`CT-YYYY-NNNNN`, assigned by the app)"). The app proposes the next free
 * number of the year of creation; a reference typed or kept from before that
 * format stays valid, but two contracts never share one. The laptop checks it
 * against its database, the central API against every laptop's contracts:
 * both call `referenceClash`, so the rule and its message are written once.
 */

const ASSIGNED = /^CT-(\d{4})-(\d{5,})$/;

/** References compare without case and surrounding spaces: "ct-2026-00001 " is "CT-2026-00001". */
export function normalizeContractReference(reference: string): string {
  return reference.trim().toUpperCase();
}

/** The next free reference of `year`: one more than the highest `CT-<year>-NNNNN` in use (numbers are never reused). */
export function nextContractReference(year: number, references: Iterable<string>): string {
  let last = 0;
  for (const reference of references) {
    const match = ASSIGNED.exec(normalizeContractReference(reference));
    if (match && Number(match[1]) === year) last = Math.max(last, Number(match[2]));
  }
  return `CT-${year}-${String(last + 1).padStart(5, '0')}`;
}

/** A stored contract's identity, as far as uniqueness is concerned. */
export interface ReferencedContract {
  id: string;
  reference: string;
}

/**
 * Why `candidate` may not carry its reference (a message code, its French by messageFr): another contract (not itself)
 * already has it. `undefined` when it is free. The caller gives the contracts
 * it knows (all of them, or only those found under the same normalized
 * reference by an index).
 */
export function referenceClash(candidate: ReferencedContract, others: Iterable<ReferencedContract>): Message | undefined {
  const wanted = normalizeContractReference(candidate.reference);
  for (const other of others) {
    if (other.id !== candidate.id && normalizeContractReference(other.reference) === wanted) {
      return message('validation.contract.referenceTaken', { reference: candidate.reference.trim() });
    }
  }
  return undefined;
}

/** The same refusal as a field issue, for forms and ValidationError. */
export function referenceIssue(candidate: ReferencedContract, others: Iterable<ReferencedContract>): FieldIssue | undefined {
  const said = referenceClash(candidate, others);
  return said ? { path: 'reference', message: messageFr(said), said } : undefined;
}

/** How far ahead a contract may start, and how far ahead of today it may end (DOMAIN.md gives no longer path to an end). */
export const MAX_START_AHEAD_DAYS = 366;
export const MAX_END_AHEAD_DAYS = 2 * 366;

/** Date fields of a contract the rules below read. */
export interface DatedContract {
  startDate: IsoDate;
  terminationNotice?: { receivedOn: IsoDate } | undefined;
  terminationEffectiveDate?: IsoDate | undefined;
}

/**
 * The dates of a contract that today makes impossible: a notice "received"
 * after today, a start more than a year ahead, an end more than two years
 * ahead (a typing slip such as 2207 for 2027). Each stays true once true as
 * the days pass, so a record accepted by a laptop is still accepted when the
 * central API receives it later. The start before the first price list is
 * checked by the schema itself (it needs no today).
 */
export function contractDateIssues(contract: DatedContract, today: IsoDate): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const issue = (path: string, said: Message) => issues.push({ path, message: messageFr(said), said });
  const latestStart = addDays(today, MAX_START_AHEAD_DAYS);
  if (compareDates(contract.startDate, latestStart) > 0) {
    issue('startDate', message('validation.contract.startTooFar', { latest: { date: latestStart } }));
  }
  const received = contract.terminationNotice?.receivedOn;
  if (received && compareDates(received, today) > 0) {
    issue('terminationNotice.receivedOn', message('validation.contract.noticeFuture', { on: { date: received }, today: { date: today } }));
  }
  const end = contract.terminationEffectiveDate;
  const latestEnd = addDays(today, MAX_END_AHEAD_DAYS);
  if (end && compareDates(end, latestEnd) > 0) {
    issue('terminationEffectiveDate', message('validation.contract.endTooFar', { end: { date: end }, latest: { date: latestEnd } }));
  }
  return issues;
}
