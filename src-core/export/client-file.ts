import type { Client } from '../model/client';
import type { Contract, ContractHistoryEntry } from '../model/contract';
import type { Invoice } from '../model/invoice';
import type { Letter } from '../model/letter';
import type { Payment } from '../model/payment';
import type { UsageDocument } from '../model/usage';
import { CONTRACT_STATUS_LABELS, NOTICE_CHANNEL_LABELS, TERMINATION_CAUSE_LABELS } from '../lifecycle/contract-status';
import { formatEuros } from '../money';
import { formatDateFr, formatMonthFr } from '../dates';

/**
 * Everything stored about one client: the data portability file of §3 ("le
 * Client peut récupérer l'ensemble de ses données"), free of charge.
 */
export interface ClientFile {
  client: Client;
  contracts: readonly Contract[];
  usage: readonly UsageDocument[];
  invoices: readonly Invoice[];
  payments: readonly Payment[];
  letters: readonly Letter[];
}

/** A file to hand to platform.saveDocument, as text (the caller encodes it in UTF-8). */
export interface ExportedTextFile {
  name: string;
  mimeType: string;
  content: string;
}

/** "dossier-boulangerie-martin-sas": the stem of every file of the export. */
export function clientFileStem(client: Pick<Client, 'legalName' | 'id'>): string {
  const slug = client.legalName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `dossier-${slug || client.id}`;
}

/** One sentence per history entry, the same in CSV and XML. */
export function describeHistoryEntry(entry: ContractHistoryEntry): { event: string; detail: string } {
  switch (entry.kind) {
    case 'tier_change':
      return { event: 'Changement de formule', detail: `${entry.fromTier} → ${entry.toTier} à compter de ${formatMonthFr(entry.fromMonth)}` };
    case 'termination_notice':
      return {
        event: 'Préavis de résiliation reçu',
        detail: `Reçu le ${formatDateFr(entry.receivedOn)} par ${NOTICE_CHANNEL_LABELS[entry.channel]}, effet le ${formatDateFr(entry.effectiveDate)}`,
      };
    case 'termination':
      return { event: `Résiliation — ${TERMINATION_CAUSE_LABELS[entry.cause]}`, detail: `Effet le ${formatDateFr(entry.effectiveDate)} : ${entry.rule}` };
    case 'price_change':
      return {
        event: 'Modification des prix',
        detail: `Formule ${entry.tier} à ${formatEuros(entry.priceCents)} HT à compter du ${formatDateFr(entry.from)} (avis reçu le ${formatDateFr(entry.receivedOn)}, opposition possible jusqu’au ${formatDateFr(entry.objectionDeadline)}, §5.2)`,
      };
    case 'status_change':
      return {
        event: 'Changement de statut',
        detail: `${CONTRACT_STATUS_LABELS[entry.from]} → ${CONTRACT_STATUS_LABELS[entry.to]}${entry.reason ? ` (${entry.reason})` : ''}`,
      };
  }
}

/** Invoices are referred to by number once issued, by id while drafts. */
export const invoiceRef = (invoice: Pick<Invoice, 'number' | 'id'>) => invoice.number ?? invoice.id;
