import { toParisWallClock } from '../../src-core/calendar';
import { formatDateFr } from '../../src-core/dates';

/**
 * A document cannot be issued ahead of time: numbering is chronological, so
 * one number dated 31/12 of next year would block its whole series until
 * then. Today is Paris's (DOMAIN.md). Returns the French refusal, if any.
 */
export function futureIssueDateRefusal(issueDate: string, now = Date.now()): string | undefined {
  const today = toParisWallClock(now).date;
  // Malformed dates are the schemas' to refuse; ISO dates compare as text.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(issueDate) || issueDate <= today) return undefined;
  return `Date d’émission ${formatDateFr(issueDate)} postérieure à aujourd’hui (${formatDateFr(today)}) : un document ne peut pas être émis à l’avance.`;
}
