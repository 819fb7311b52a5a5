import type { OverConsumption } from '../pricing/over-consumption';
import { formatQuantityFr, METRIC_LABELS_FR } from '../pricing/usage';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Temps CPU : 1,8 h pour 1,5 h incluses" for each metric over its limit, as the tier change notice lists them (§5.1). */
export function overLimitLines(over: OverConsumption): string[] {
  return over.metrics.filter((m) => m.over).map((m) => `${capitalised(METRIC_LABELS_FR[m.metric].label)} : ${formatQuantityFr(m.used, m.metric)} pour ${formatQuantityFr(m.limit, m.metric)} incluses`);
}
