import type { DataContext } from '../context';
import { invoiceDraftCommands } from '../invoicing/drafts';
import { settingsRepository } from '../repositories/settings';
import { clientCommands } from './clients';
import { contractCommands } from './contracts';
import { usageCommands } from './usage';

/**
 * The commands bound to one data context, per aggregate: the only way a
 * screen changes a client, a contract, its usage, an invoice draft or a
 * setting. Each checks its rules (src-core) and writes through the write
 * gateway (writes/gateway.ts) with its audit and outbox. Invoicing, letters
 * and the contract's life have their own command functions (invoicing/,
 * letters-flow/, contract-life/), taking the context.
 */
export function createCommands(ctx: DataContext) {
  return {
    clients: clientCommands(ctx),
    contracts: contractCommands(ctx),
    usage: usageCommands(ctx),
    invoices: invoiceDraftCommands(ctx),
    settings: { set: settingsRepository(ctx).set },
  };
}
export type Commands = ReturnType<typeof createCommands>;
