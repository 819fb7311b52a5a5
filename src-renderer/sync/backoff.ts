export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Injected by tests; Math.random otherwise. */
  random?: () => number;
}

/**
 * Delay before retry number `attempt` (0 = first retry): exponential, capped,
 * with jitter — a random delay between half the step and the whole —
 * so laptops cut off by the same outage do not all come back in the same second.
 */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(step / 2 + (random() * step) / 2);
}
