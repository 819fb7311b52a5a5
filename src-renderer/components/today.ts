import { toParisWallClock, type IsoDate, type YearMonth } from '../../src-core';

/**
 * Today on the Europe/Paris calendar (DOMAIN.md, Conventions): a laptop abroad
 * or a UTC clock must not shift "this month" or a deadline window by a day.
 */
export function parisToday(): IsoDate {
  return toParisWallClock(Date.now()).date;
}

export function parisMonth(): YearMonth {
  return parisToday().slice(0, 7);
}
