import {
  allocateNumber, formatDocumentNumber, kindOfSeries, parseIsoDate, seriesName, seriesPrefixOf, startSeries,
  type DocumentKind, type Invoice, type IsoDate, type NumberingSeries,
} from '../../../src-core';
import type { DataContext } from '../context';
import type { ContratsDb, SeriesState } from '../db';

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

/** The config row: the device code the central API gave this laptop, and the series it granted (by name). */
interface SeriesConfig {
  deviceCode?: string;
  grants?: string[];
}

async function readConfig(ctx: DataContext): Promise<SeriesConfig> {
  const row = await ctx.db.series.get(CONFIG_ID);
  return { ...(typeof row?.deviceCode === 'string' ? { deviceCode: row.deviceCode } : {}), ...(Array.isArray(row?.grants) ? { grants: row.grants as string[] } : {}) };
}

export async function deviceCode(ctx: DataContext): Promise<string | undefined> {
  return (await readConfig(ctx)).deviceCode;
}

/**
 * The series a grant must cover before this laptop's documents can reach the
 * server: the year of `today` for both kinds, and every series of its own
 * device code it has numbered in, not yet granted (a document of 31/12 pushed
 * in January). Standalone (no code yet): this year's, to get the code.
 */
export async function seriesToGrant(ctx: DataContext, today: IsoDate): Promise<{ year: number; kind: DocumentKind }[]> {
  const { deviceCode: code, grants = [] } = await readConfig(ctx);
  const year = parseIsoDate(today).year;
  const wanted = new Map<string, { year: number; kind: DocumentKind }>();
  for (const kind of ['invoice', 'credit_note'] as const) wanted.set(seriesName({ prefix: seriesPrefixOf(kind), year, ...(code ? { deviceCode: code } : {}) }), { year, kind });
  if (code) {
    for (const state of await ctx.db.series.toArray()) {
      if (state.id === CONFIG_ID || state.deviceCode !== code) continue;
      const series = fromState(state);
      wanted.set(seriesName(series), { year: series.year, kind: kindOfSeries(series.prefix) });
    }
  }
  return [...wanted].filter(([name]) => !grants.includes(name)).map(([, request]) => request);
}

/** What the central API answered to `/series/device-grant` (src-core DeviceGrantResponse). */
export interface GrantedSeries {
  year: number;
  kind: DocumentKind;
  deviceCode: string;
  /** Last number of the series the server has received. */
  lastNumber: number;
}

/**
 * Stores a grant with the series state, in one transaction: the laptop's
 * device code from now on (its documents are then numbered `F-AAAA-<code>-NNNN`),
 * the series marked granted, and its state moved up to the server's last
 * number if the server has seen more than this laptop remembers (its data was
 * erased and synced back): numbering continues without reusing a number.
 */
export async function recordDeviceGrant(ctx: DataContext, grant: GrantedSeries): Promise<void> {
  const empty = startSeries(seriesPrefixOf(grant.kind), grant.year, grant.deviceCode);
  const name = seriesName(empty);
  await ctx.db.transaction('rw', ctx.db.series, async () => {
    const config = await readConfig(ctx);
    const grants = config.deviceCode === grant.deviceCode ? (config.grants ?? []) : [];
    await ctx.db.series.put({ id: CONFIG_ID, deviceCode: grant.deviceCode, grants: [...new Set([...grants, name])] });
    const stored = await ctx.db.series.get(name);
    const local = stored ? fromState(stored) : empty;
    if (grant.lastNumber > local.lastNumber) await ctx.db.series.put(toState({ ...local, lastNumber: grant.lastNumber }));
  });
}

/**
 * Signing out: the grants were the server's, and the next server may be
 * another one, so they are asked again at the next sign-in (the same server
 * answers the same grant). The device code stays: documents already numbered
 * with it keep their series.
 */
export async function forgetDeviceGrants(db: ContratsDb): Promise<void> {
  await db.series.where('id').equals(CONFIG_ID).modify((row) => void delete row.grants);
}

/**
 * The series and number the next document of that kind, dated `issueDate`,
 * would take here: shown before issuing so the account manager knows whether
 * it goes to the laptop's own series or the standalone one.
 */
export async function nextDocumentNumber(ctx: DataContext, kind: Invoice['kind'], issueDate: IsoDate): Promise<{ series: string; number: string; granted: boolean }> {
  const { deviceCode: code, grants = [] } = await readConfig(ctx);
  const empty = startSeries(seriesPrefixOf(kind), parseIsoDate(issueDate).year, code);
  const stored = await ctx.db.series.get(seriesName(empty));
  const series = stored ? fromState(stored) : empty;
  return { series: seriesName(series), number: formatDocumentNumber({ ...series, number: series.lastNumber + 1 }), granted: grants.includes(seriesName(series)) };
}

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
