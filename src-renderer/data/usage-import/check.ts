import { overwrittenMonths, parseUsageCsv, type IsoDate, type UsageDocument, type UsageImportContract, type UsageImportRow } from '../../../src-core';
import type { DataContext } from '../context';
import { readPortfolio } from '../read-model/portfolio-chunks';
import type { UsageFileCheck } from './protocol';

export const PREVIEW_ROWS = 50;

/**
 * Every contract a file may name, with its client's SIREN and its end date by
 * its events (src-core resolves the identifiers): read from the portfolio's
 * read model, a few dozen documents, rather than 10,000 client files. A
 * contract whose client is not stored yet has no summary, and is unknown here.
 */
async function importContracts(ctx: DataContext): Promise<UsageImportContract[]> {
  return (await readPortfolio(ctx.db)).flatMap((s) =>
    s.contracts.map((c) => ({
      id: c.id, reference: c.reference, clientId: s.id, ...(s.siren ? { clientSiren: s.siren } : {}), startDate: c.startDate,
      ...(c.end ? { terminationEffectiveDate: c.end.value } : {}),
    })),
  );
}

/** The months stored for each of `docs`. */
function monthsOf(docs: Iterable<UsageDocument | undefined>): Map<string, Set<string>> {
  const stored = new Map<string, Set<string>>();
  for (const doc of docs) if (doc) stored.set(doc.contractId, new Set(doc.months.map((m) => m.month)));
  return stored;
}

/** Lines of `text`, at most: a bound on the rows, hence on the contracts it names. */
function lineCount(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * Reads and checks a usage CSV against the stored contracts (src-core
 * `parseUsageCsv`), then — when no row is refused — finds the stored months
 * it would replace. Writes nothing. Returns what the screen shows and the
 * valid rows, which the caller keeps for the write.
 *
 * The file (`text` may still be being read) and the read model are read
 * together. A file with a line per contract or more (a month's export names
 * them all) has every stored document read in one request started before
 * its parse, so IndexedDB reads while the parse runs (10,981 documents: one
 * request instead of one each); a smaller file, the documents of the
 * contracts it names, once it is parsed.
 */
export async function checkUsageFile(ctx: DataContext, text: string | Promise<string>, today: IsoDate, onProgress?: (done: number, total: number) => void): Promise<{ check: UsageFileCheck; rows: UsageImportRow[] }> {
  const [contracts, content] = await Promise.all([importContracts(ctx), text]);
  const everyDocument = lineCount(content) >= contracts.length ? ctx.db.usage.toArray() : undefined;
  const { rows, ...report } = parseUsageCsv(content, { contracts, today, ...(onProgress ? { onProgress } : {}) });
  const named = [...new Set(rows.map((r) => r.contractId))];
  const reference = new Map(contracts.map((c) => [c.id, c.reference]));
  const writable = report.errorCount === 0 && rows.length > 0;
  const documents = everyDocument ? await everyDocument : writable ? await ctx.db.usage.bulkGet(named) : [];
  const stored = writable ? monthsOf(documents) : null;
  const overwritten = stored ? overwrittenMonths(rows, stored) : null;
  const preview = rows.slice(0, PREVIEW_ROWS).map((r) => ({ ...r, reference: reference.get(r.contractId) ?? r.contractId }));
  return { check: { report, rowCount: rows.length, contractCount: named.length, preview, overwritten }, rows };
}
