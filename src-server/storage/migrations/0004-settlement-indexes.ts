import type { Migration } from './migration';

/**
 * The payments and credit notes of an invoice, read by the payment and credit
 * note rules (sync/business-rules.ts) on each pushed payment or note, without
 * reading every payment of the portfolio.
 */
export const settlementIndexes: Migration = {
  version: 4,
  name: 'settlement-indexes',
  sql: `
create index records_payment_invoice_idx on records ((data->>'invoiceId')) where entity = 'payments' and not deleted;
create index records_credited_invoice_idx on records ((data->>'creditedInvoiceId')) where entity = 'invoices' and not deleted;
`,
};
