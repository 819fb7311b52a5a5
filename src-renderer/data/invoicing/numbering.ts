import {
  allocateNumber, parseIsoDate, seriesName, startSeries,
  type Invoice, type IsoDate, type NumberingSeries, type SeriesPrefix,
} from '../../../src-core';
import type { DataContext } from '../context';
import type { SeriesState } from '../db';

/**
 * The laptop's numbering series (DOMAIN.md, Numbering; CGI art. 242 nonies A).
 * Standalone the laptop owns `F-YYYY-NNNNNN`; once the central API has granted
 * it a device code, `F-YYYY-<code>-NNNN`. Credit notes run in `AV-…` alike.
 * The state of each series is a row of the `series` table keyed by its name,
 * read and written inside the transaction that writes the numbered documents:
 * IndexedDB serialises read-write transactions on a table, so racing issues
 * each see the previous one's last number and the series stays gapless.
 */

/** The device code lives with the series it shapes; the row is absent while the laptop is standalone. */
const CONFIG_ID = 'config';

export async function deviceCode(ctx: DataContext): Promise<string | undefined> {
  const config = await ctx.db.series.get(CONFIG_ID);
  return typeof config?.deviceCode === 'string' ? config.deviceCode : undefined;
}

/** Sets (or clears with undefined) the device code granted by the central API; validated as a series would be. */
export async function setDeviceCode(ctx: DataContext, code: string | undefined): Promise<void> {
  if (code === undefined) {
    await ctx.db.series.delete(CONFIG_ID);
    return;
  }
  startSeries('F', 2000, code);
  await ctx.db.series.put({ id: CONFIG_ID, deviceCode: code });
}

/** Documents of the F series: invoices and late-surcharge documents (both claim a payment); credit notes use AV. */
export const seriesPrefixOf = (kind: Invoice['kind']): SeriesPrefix => (kind === 'credit_note' ? 'AV' : 'F');

function toState(series: NumberingSeries): SeriesState {
  return { id: seriesName(series), ...series };
}

function fromState(state: SeriesState): NumberingSeries {
  const { id: _id, ...series } = state;
  return series as unknown as NumberingSeries;
}

/**
 * Hands out numbers inside one read-write transaction over `series`; `save`
 * writes the advanced states back before the transaction ends. Must only be
 * used inside such a transaction (the caller's), never across two.
 */
export async function numberAllocator(ctx: DataContext) {
  const code = await deviceCode(ctx);
  const states = new Map<string, NumberingSeries>();
  const emptyOf = (kind: Invoice['kind'], issueDate: IsoDate) => startSeries(seriesPrefixOf(kind), parseIsoDate(issueDate).year, code);
  /** Reads the state of the series a document of that kind and date belongs to, once. */
  async function load(kind: Invoice['kind'], issueDate: IsoDate): Promise<void> {
    const empty = emptyOf(kind, issueDate);
    const seriesId = seriesName(empty);
    if (states.has(seriesId)) return;
    const stored = await ctx.db.series.get(seriesId);
    states.set(seriesId, stored ? fromState(stored) : empty);
  }
  /**
   * The next number of a series already loaded, without awaiting: a batch of
   * thousands is numbered synchronously, so the transaction (and Dexie's
   * tracking of it across awaits) is not stretched over thousands of ticks.
   */
  function take(kind: Invoice['kind'], issueDate: IsoDate): { number: string; seriesId: string } {
    const seriesId = seriesName(emptyOf(kind, issueDate));
    const current = states.get(seriesId);
    if (!current) throw new Error(`numbering: series ${seriesId} not loaded`);
    const { number, series } = allocateNumber(current, issueDate);
    states.set(seriesId, series);
    return { number, seriesId };
  }
  return {
    load,
    take,
    async next(kind: Invoice['kind'], issueDate: IsoDate): Promise<{ number: string; seriesId: string }> {
      await load(kind, issueDate);
      return take(kind, issueDate);
    },
    save: () => ctx.db.series.bulkPut([...states.values()].map(toState)),
  };
}
