import { readCdar, withPlatformEvent, type PlatformState } from '../../src-core';
import type { Db } from '../storage/db';
import { lockWrites, loadRecord } from '../sync/record-store';
import { writeServerChange } from '../sync/server-change';
import { PLATFORM_USER_ID } from './flow-sender';
import type { PlatformAdapter } from './platform-client';

const PAGE = 100;

/**
 * Follows the documents' lifecycle (XP Z12-013: search the incoming CDAR
 * flows updated after a cursor, download each): every status is written on
 * its invoice, which the laptops then pull. The cursor is stored; a status
 * read twice (a page cut inside one instant, a restart) changes nothing.
 * Answers how many invoices changed.
 */
export async function pollLifecycle(db: Db, platform: PlatformAdapter, log: (message: string) => void): Promise<number> {
  let changed = 0;
  for (;;) {
    const [cursor] = await db.query<{ lifecycle_after: string | null }>('select lifecycle_after from platform_cursor where id = 1');
    const after = cursor?.lifecycle_after ?? undefined;
    const flows = await platform.search({ where: { flowType: ['CustomerInvoiceLC'], flowDirection: ['In'], ...(after ? { updatedAfter: after } : {}) }, limit: PAGE });
    for (const flow of flows) {
      let status;
      try {
        status = readCdar(await platform.download(flow.flowId));
      } catch (error) {
        log(`statut ${flow.flowId} illisible : ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      changed += await db.transaction(async (tx) => {
        await lockWrites(tx);
        const [row] = await tx.query<{ id: string }>(`select id from records where entity = 'invoices' and not deleted and data->>'number' = $1`, [status.documentNumber]);
        const current = row && (await loadRecord(tx, 'invoices', row.id));
        if (!current) return 0;
        const next = withPlatformEvent((current.data.platform as PlatformState | undefined) ?? { history: [] }, {
          status: status.status,
          at: new Date(status.at).toISOString(),
          ...(status.reason ? { reason: status.reason.slice(0, 500) } : {}),
        });
        if (!next) return 0;
        await writeServerChange(tx, { userId: PLATFORM_USER_ID, action: 'platform' }, 'invoices', row.id, current, { platform: next });
        return 1;
      });
    }
    const nextCursor = pageCursor(flows.map((f) => f.updatedAt), flows.length === PAGE);
    if (nextCursor) await db.query('update platform_cursor set lifecycle_after = $1 where id = 1', [nextCursor]);
    if (flows.length < PAGE || !nextCursor || nextCursor === after) return changed;
  }
}

/**
 * Where the next search starts: after the latest instant read; when the page
 * was full, after the latest instant strictly before its last one, so flows
 * sharing that instant beyond the page are read next time (harmless twice).
 */
export function pageCursor(updatedAts: readonly string[], full: boolean): string | undefined {
  const sorted = [...updatedAts].sort((a, b) => Date.parse(a) - Date.parse(b));
  const last = sorted.at(-1);
  if (!last || !full) return last;
  return sorted.filter((at) => Date.parse(at) < Date.parse(last)).at(-1) ?? last;
}
