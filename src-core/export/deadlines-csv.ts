import type { IsoDate } from '../dates';
import type { ContractDeadline } from '../lifecycle/deadlines';
import type { ExportedTextFile } from './client-file';
import { toCsv } from './csv-writer';

/** One line of the deadlines export: a contract's deadline and the client it concerns. */
export interface DeadlineExportRow {
  clientName: string;
  contractReference: string;
  deadline: ContractDeadline;
}

/**
 * The deadlines of a period as CSV (the deadlines page's export): each date
 * with its rule and clause, so the file explains itself. Dates stay ISO, as in
 * the client file export.
 */
export function deadlinesCsv(rows: readonly DeadlineExportRow[], from: IsoDate, to: IsoDate): ExportedTextFile {
  return {
    name: `echeances-${from}-${to}.csv`,
    mimeType: 'text/csv;charset=utf-8',
    content: toCsv(
      ['Date', 'Échéance', 'Client', 'Contrat', 'Règle', 'Clause'],
      rows.map(({ clientName, contractReference, deadline }) => [deadline.value, deadline.label, clientName, contractReference, deadline.rule, deadline.clause]),
    ),
  };
}
