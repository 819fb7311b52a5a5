import type { DataContext } from './context';
import { auditRepository } from './repositories/audit';
import { clientsRepository } from './repositories/clients';
import { contractsRepository } from './repositories/contracts';
import { invoicesRepository } from './repositories/invoices';
import { lettersRepository } from './repositories/letters';
import { outboxRepository } from './repositories/outbox';
import { paymentsRepository } from './repositories/payments';
import { settingsRepository } from './repositories/settings';
import { usageRepository } from './repositories/usage';

/** Every repository bound to one data context: reads only (writes are commands, commands/index.ts). */
export function createRepositories(ctx: DataContext) {
  return {
    clients: clientsRepository(ctx),
    contracts: contractsRepository(ctx),
    usage: usageRepository(ctx),
    invoices: invoicesRepository(ctx),
    payments: paymentsRepository(ctx),
    letters: lettersRepository(ctx),
    settings: { get: settingsRepository(ctx).get },
    audit: auditRepository(ctx),
    outbox: outboxRepository(ctx),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;
