import { DomainError, type DomainErrorCode } from '../errors';
import { messageFr, type Message } from '../messages';

/**
 * What a business invariant answers (ARCHITECTURE.md, data flow 4 and 4b):
 * null when the change is allowed, else a refusal with its code and a French
 * message an account manager can read as is. The laptop's commands turn a
 * refusal into a DomainError (`enforce`); the central API returns its message
 * as the mutation's `rejected` reason — the same words on both sides.
 */
export interface Refusal {
  code: DomainErrorCode;
  message: string;
  /** The message as a code and its values, for the interface's language (issue 19); absent where the French is all there is. */
  said?: Message;
}
export type Verdict = Refusal | null;

/** A refusal in French, or from a message (its French in `message`, the code kept for the screens). */
export function refusal(code: DomainErrorCode, message: string | Message): Refusal {
  return typeof message === 'string' ? { code, message } : { code, message: messageFr(message), said: message };
}

/** Throws the refusal as a DomainError; a command calls it before writing anything. */
export function enforce(verdict: Verdict): void {
  if (verdict) throw new DomainError(verdict.code, verdict.message, verdict.said);
}

/** The first refusal of several checks, run in order (later ones may assume earlier ones passed). */
export function firstRefusal(...checks: readonly (() => Verdict)[]): Verdict {
  for (const check of checks) {
    const verdict = check();
    if (verdict) return verdict;
  }
  return null;
}

/** A rule of src-core that throws its DomainError (date arithmetic, a state machine) as a verdict. */
export function verdictOf(rule: () => unknown): Verdict {
  try {
    rule();
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.said ? refusal(error.code, error.said) : refusal(error.code, error.message);
    throw error;
  }
}
