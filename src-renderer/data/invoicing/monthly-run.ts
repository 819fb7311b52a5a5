import { contractMonthDraft, DomainError, invoiceInputSchema, invoiceSchema, parseEntity, parseYearMonth, regularisedMonths, type Client, type Contract, type Invoice, type InvoiceDraft, type InvoiceInput, type PastRegularisations, type UsageDocument, type YearMonth, message } from '../../../src-core';
import type { DataContext } from '../context';
import { writeInvoiceChanges, type WriteProgress } from './bulk-write';
import { invoicingTransaction } from './transaction';
import { parisToday } from '../context';
import { ruleSettings } from '../settings-in-force';
import { storedPriceLists } from '../price-lists';
import { readInvoicedContracts } from '../read-model/invoiced-months';
import { storedTotals } from './stored-amounts';

/**
 * The monthly run (DOMAIN.md, Billing): a draft invoice for every billable
 * contract of month M, computed by src-core `buildInvoiceDraft`. It runs in two
 * steps so that the account manager sees before anything is written: `planMonthlyRun`
 * computes the preview in chunks, yielding to the UI between them (progress on
 * long runs), and `createMonthlyDrafts` writes the drafts in one transaction.
 * Idempotent per (contract, month): a contract already invoiced for M — draft
 * or issued, made here or synced from another laptop — is never billed again.
 */
export interface RunItem {
  contract: Contract;
  client: Client;
  draft: InvoiceDraft;
}

export interface RunProblem {
  contractId: string;
  reference: string;
  clientName: string;
  message: string;
}

export interface MonthlyRunPlan {
  month: YearMonth;
  items: RunItem[];
  /** Contracts that already have their invoice of the month. */
  alreadyInvoiced: number;
  /** Contracts whose draft could not be computed (a price list or date the rules refuse). */
  problems: RunProblem[];
}

export interface RunProgress {
  done: number;
  total: number;
}

export interface PlanOptions {
  onProgress?: (progress: RunProgress) => void;
  /** Contracts computed between two yields to the UI (default 200). */
  chunkSize?: number;
}

/** Lets the browser paint between chunks; a macrotask, since a resolved promise would not. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * What the contract's stored invoices already regularised (DOMAIN.md: every
 * past overrun not yet regularised is proposed on the next run), and from
 * which month the app holds its invoices.
 */
function pastRegularisations(invoices: readonly Invoice[], usage: UsageDocument | undefined): PastRegularisations {
  const own = invoices.filter((i) => i.kind === 'invoice');
  const first = own.reduce<YearMonth | undefined>((min, i) => (i.period && (min === undefined || i.period < min) ? i.period : min), undefined);
  return { regularised: regularisedMonths(own, usage?.months.map((m) => m.month) ?? []), ...(first ? { firstInvoicedMonth: first } : {}) };
}

/**
 * Contracts already invoiced for the month, by id; credit notes and surcharges do not count. One
 * row of the read model (read-model/invoiced-months.ts), not the 10,000 books of the year.
 */
const invoicedContractIds = (ctx: DataContext, month: YearMonth): Promise<Set<string>> => readInvoicedContracts(ctx.db, month);

export async function planMonthlyRun(ctx: DataContext, month: YearMonth, options: PlanOptions = {}): Promise<MonthlyRunPlan> {
  parseYearMonth(month);
  const { onProgress, chunkSize = 200 } = options;
  const { db } = ctx;
  const [contracts, invoiced, settings, lists] = await Promise.all([
    // A contract still being drafted has not started: nothing to bill.
    db.contracts.toArray().then((all) => all.filter((c) => c.status !== 'draft')),
    invoicedContractIds(ctx, month),
    ruleSettings(ctx),
    storedPriceLists(db),
  ]);
  // Each draft is dated the day the run is computed, as it would be if issued now (never backdated).
  const today = parisToday(ctx);
  const toBill = contracts.filter((c) => !invoiced.has(c.id));
  const plan: MonthlyRunPlan = { month, items: [], alreadyInvoiced: contracts.length - toBill.length, problems: [] };
  onProgress?.({ done: 0, total: toBill.length });
  for (let start = 0; start < toBill.length; start += chunkSize) {
    const chunk = toBill.slice(start, start + chunkSize);
    const [clients, usage, invoices] = await Promise.all([
      db.clients.bulkGet(chunk.map((c) => c.clientId)),
      db.usage.bulkGet(chunk.map((c) => c.id)),
      db.invoices.ofContracts(chunk.map((c) => c.id)),
    ]);
    const invoicesOf = new Map<string, Invoice[]>();
    for (const invoice of invoices) invoicesOf.set(invoice.contractId, [...(invoicesOf.get(invoice.contractId) ?? []), invoice]);
    chunk.forEach((contract, i) => {
      const client = clients[i];
      const problem = (message: string) => plan.problems.push({ contractId: contract.id, reference: contract.reference, clientName: client?.legalName ?? contract.clientId, message });
      if (!client) return problem('Client introuvable.');
      try {
        const draft = contractMonthDraft(contract, client, usage[i], month, lists, settings, pastRegularisations(invoicesOf.get(contract.id) ?? [], usage[i]), today);
        if (draft) plan.items.push({ contract, client, draft });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        problem(error.message);
      }
    });
    onProgress?.({ done: start + chunk.length, total: toBill.length });
    await yieldToUi();
  }
  plan.items.sort((a, b) => a.client.legalName.localeCompare(b.client.legalName, 'fr') || a.contract.reference.localeCompare(b.contract.reference));
  return plan;
}

/**
 * The stored draft of a computed one. Its `period` is the run's month, the
 * idempotence key, even for a supplement billed alone after the last month.
 */
export function draftInvoiceInput(item: RunItem): InvoiceInput {
  const { draft, contract } = item;
  return {
    kind: 'invoice',
    status: 'draft',
    number: null,
    clientId: contract.clientId,
    contractId: contract.id,
    period: draft.month,
    issueDate: draft.issueDate.value,
    dueDate: draft.dueDate.value,
    lines: draft.lines,
    totals: storedTotals(draft.totals),
    vatMention: draft.vat.value.mention,
  };
}

export interface CreateOptions {
  /** Drafts written so far, between the bulk requests of the one transaction. */
  onProgress?: (progress: WriteProgress) => void;
}

/**
 * Writes the plan's drafts in one transaction, in bulk (records, audit,
 * outbox). Contracts invoiced for the month since the plan was made (another
 * run, a sync) are checked again inside it and skipped, so two runs racing
 * still bill each contract once. A draft the schema refuses aborts the
 * transaction: nothing of the run is written.
 */
export async function createMonthlyDrafts(ctx: DataContext, plan: MonthlyRunPlan, actor: string, options: CreateOptions = {}): Promise<{ created: number; skipped: number }> {
  const inputs = plan.items.map(draftInvoiceInput);
  // Validated before the transaction: a refused draft throws before anything is opened, and parsing stays off the transaction's clock.
  const at = ctx.now();
  const records = inputs.map((input) => {
    const fields = parseEntity(invoiceInputSchema, { ...input, status: 'draft', number: null }, 'Facture');
    return parseEntity(invoiceSchema, { ...fields, id: ctx.newId(), createdAt: at, updatedAt: at, version: 0 }, 'Facture');
  });
  return invoicingTransaction(ctx, async () => {
    const invoiced = await invoicedContractIds(ctx, plan.month);
    const fresh = records.filter((invoice) => !invoiced.has(invoice.contractId));
    await writeInvoiceChanges(
      ctx,
      fresh.map((after) => ({ before: undefined, after, action: 'create', summary: message('audit.invoice.draftMonth', { period: after.period ?? '' }) })),
      actor,
      options.onProgress,
    );
    return { created: fresh.length, skipped: inputs.length - fresh.length };
  });
}
