import { toParisWallClock } from '../../src-core/calendar';
import { message, type Message } from '../../src-core/messages';

/**
 * A document cannot be issued ahead of time: numbering is chronological, so
 * one number dated 31/12 of next year would block its whole series until
 * then. Today is Paris's (DOMAIN.md). Returns the refusal (a message code, its French for the answer), if any.
 */
export function futureIssueDateRefusal(issueDate: string, now = Date.now()): Message | undefined {
  const today = toParisWallClock(now).date;
  // Malformed dates are the schemas' to refuse; ISO dates compare as text.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate) || issueDate <= today) return undefined;
  return message('sync.refusal.futureIssue', { date: { date: issueDate }, today: { date: today } });
}
