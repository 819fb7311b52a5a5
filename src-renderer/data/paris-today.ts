import { parseInstant, toParisWallClock, type IsoDate } from '../../src-core';
import type { DataContext } from './context';

/** Today on the Paris calendar (DOMAIN.md, Conventions), from the context's clock so tests can fix it. */
export function parisToday(ctx: DataContext): IsoDate {
  return toParisWallClock(parseInstant(ctx.now())).date;
}
