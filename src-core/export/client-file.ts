import type { Client } from '../model/client';
import type { Contract, ContractHistoryEntry } from '../model/contract';
import type { Invoice } from '../model/invoice';
import type { Letter } from '../model/letter';
import type { Payment } from '../model/payment';
import type { UsageDocument } from '../model/usage';
import { message, messageFr, messageOfFrench, type Message } from '../messages';

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
  const { event, detail } = historyEntryMessages(entry);
  return { event: messageFr(event), detail: messageFr(detail) };
}

/**
 * A history entry as message codes (issue 19), for the client's history in
 * the interface's language: what happened and its detail. What the entry
 * stores as French text (a termination's rule, a status change's reason) is
 * a value, said again by its code when it is one of src-core's sentences.
 */
export function historyEntryMessages(entry: ContractHistoryEntry): { event: Message; detail: Message } {
  switch (entry.kind) {
    case 'tier_change':
      return { event: message('history.event.tier_change'), detail: message('history.detail.tier_change', { from: entry.fromTier, to: entry.toTier, month: { month: entry.fromMonth } }) };
    case 'termination_notice':
      return {
        event: message('history.event.termination_notice'),
        detail: message('history.detail.termination_notice', { date: { date: entry.receivedOn }, channel: { word: `code.noticeChannel.${entry.channel}` }, effective: { date: entry.effectiveDate } }),
      };
    case 'termination': {
      const rule = messageOfFrench(entry.rule);
      return {
        event: message('history.event.termination', { cause: { word: `code.terminationCauseLabel.${entry.cause}` } }),
        detail: message('history.detail.termination', { effective: { date: entry.effectiveDate }, rule: rule ? { message: rule } : entry.rule }),
      };
    }
    case 'price_change':
      return {
        event: message('history.event.price_change'),
        detail: message('history.detail.price_change', {
          tier: entry.tier, price: { cents: entry.priceCents }, from: { date: entry.from }, receivedOn: { date: entry.receivedOn }, objectionBy: { date: entry.objectionDeadline },
        }),
      };
    case 'status_change':
      return {
        event: message('history.event.status_change'),
        detail: message('history.detail.status_change', {
          from: { word: `code.contractStatus.${entry.from}` }, to: { word: `code.contractStatus.${entry.to}` },
          reason: entry.reason ? { message: message('history.detail.reason', { reason: entry.reason }) } : '',
        }),
      };
  }
}

/** Invoices are referred to by number once issued, by id while drafts. */
export const invoiceRef = (invoice: Pick<Invoice, 'number' | 'id'>) => invoice.number ?? invoice.id;
