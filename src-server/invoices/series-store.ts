import { DomainError } from '../../src-core/errors';
import { seriesName, startSeries, type NumberingSeries, type SeriesPrefix } from '../../src-core/billing';
import type { Queryable } from '../storage/db';
import { HttpError } from '../http/errors';

/**
 * Persistence of the numbering series. The rules (continuity, chronology,
 * formats `F-YYYY-NNNNNN` / `F-YYYY-<code>-NNNN`) are src-core/billing's, the
 * same the laptops apply; the server only keeps each series' state, read and
 * written inside a write transaction (lockWrites) so no two requests interleave.
 */
export async function loadSeries(tx: Queryable, prefix: SeriesPrefix, year: number, deviceCode?: string): Promise<NumberingSeries> {
  const empty = startSeries(prefix, year, deviceCode);
  const [row] = await tx.query<{ last_number: number; last_issue_date: string | null }>(
    'select last_number, last_issue_date::text as last_issue_date from numbering_series where name = $1',
    [seriesName(empty)],
  );
  if (!row) return empty;
  return { ...empty, lastNumber: row.last_number, ...(row.last_issue_date ? { lastIssueDate: row.last_issue_date } : {}) };
}

export async function saveSeries(tx: Queryable, series: NumberingSeries): Promise<void> {
  await tx.query(
    `insert into numbering_series (name, last_number, last_issue_date) values ($1, $2, $3::date)
     on conflict (name) do update set last_number = excluded.last_number, last_issue_date = excluded.last_issue_date`,
    [seriesName(series), series.lastNumber, series.lastIssueDate ?? null],
  );
}

/** A numbering rule refused the document: 409 with the rule's French message. */
export function numberingRefusal(error: unknown): HttpError {
  if (error instanceof DomainError) return new HttpError(409, error.code, error.said ?? error.message);
  throw error;
}
