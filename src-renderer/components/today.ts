import type { YearMonth } from '../../src-core';
import { parisToday } from '../data';

// Today on the Paris calendar for the screens: the data layer's one definition, on the laptop's clock.
export { parisToday };

export function parisMonth(): YearMonth {
  return parisToday().slice(0, 7);
}
