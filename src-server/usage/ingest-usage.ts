import { withUsageMonth, type UsageDocument } from '../../src-core/model';
import type { UsageIngestRequest, UsageIngestResponse, UsageIngestRow, UsageMonth } from '../../src-core/sync';
import type { Db, Queryable } from '../storage/db';
import { message } from '../../src-core/messages';
import { HttpError } from '../http/errors';
import { lockWrites, loadRecord } from '../sync/record-store';
import { writeServerChange } from '../sync/server-change';

/**
 * Merges the platform's monthly rows into the per-contract usage documents
 * (ARCHITECTURE.md: one document per contract holding its months is what the
 * app stores fast). All or nothing: a feed is re-sent whole after a failure.
 */
export async function ingestUsage(db: Db, userId: string, request: UsageIngestRequest): Promise<UsageIngestResponse> {
  const byContract = new Map<string, UsageIngestRow[]>();
  for (const row of request.rows) byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row]);
  return db.transaction(async (tx) => {
    await lockWrites(tx);
    let documentsChanged = 0;
    for (const [contractId, rows] of byContract) {
      const current = await loadRecord(tx, 'usage', contractId);
      // Stored documents passed usageDocumentSchema when written.
      const stored = current && !current.deleted ? (current.data as UsageDocument) : undefined;
      const clientId = rows.find((row) => row.clientId)?.clientId ?? stored?.clientId ?? (await contractClientId(tx, contractId));
      if (!clientId) {
        throw new HttpError(422, 'UNKNOWN_CONTRACT', message('sync.refusal.usageContract', { id: contractId }));
      }
      // A month measured again replaces the stored one.
      const months = rows.map(toMonth).reduce(withUsageMonth, stored?.months ?? []);
      const { changed } = await writeServerChange(tx, { userId, action: 'ingest' }, 'usage', contractId, current, { contractId, clientId, months });
      if (changed) documentsChanged++;
    }
    return { rows: request.rows.length, documentsChanged };
  });
}

function toMonth({ month, cpuHours, databaseGB, storageGB }: UsageIngestRow): UsageMonth {
  return { month, cpuHours, databaseGB, storageGB };
}

function stringField(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function contractClientId(tx: Queryable, contractId: string): Promise<string | undefined> {
  const contract = await loadRecord(tx, 'contracts', contractId);
  return contract && !contract.deleted ? stringField(contract.data.clientId) : undefined;
}
