import { INVOICE_KIND_NAMES } from '../billing/invoice-kinds';
import { CONTRACT_STATUS_LABELS, NOTICE_CHANNEL_LABELS } from '../lifecycle/contract-status';
import { clientFileStem, describeHistoryEntry, invoiceRef, type ClientFile, type ExportedTextFile } from './client-file';
import { eurosCell, toCsv, type CsvCell } from './csv-writer';
import { HOSTING_MODE_LABELS, LETTER_KIND_LABELS, LETTER_STATUS_LABELS, PAYMENT_KIND_LABELS, PAYMENT_METHOD_LABELS } from './labels';

/**
 * The client file (§3) as CSV: one file per kind of record, because a
 * spreadsheet holds one table per file. Dates stay ISO (AAAA-MM-JJ), which
 * Excel and every other tool read without guessing the day/month order;
 * amounts are euros with a decimal comma.
 */

const CSV_MIME = 'text/csv;charset=utf-8';

function clientCsv({ client }: ClientFile): string {
  const lines = client.billingAddress.lines;
  return toCsv(
    ['Identifiant', 'Raison sociale', 'SIREN', 'N° de TVA', 'Pays', 'Adresse ligne 1', 'Adresse ligne 2', 'Adresse ligne 3', 'Adresse ligne 4', 'Code postal', 'Ville',
      'Contact', 'E-mail du contact', 'Téléphone du contact', 'Partenaire', 'Contact du partenaire', 'E-mail du partenaire', 'Téléphone du partenaire',
      "Mode d'hébergement", 'Créé le', 'Modifié le'],
    [[client.id, client.legalName, client.siren, client.vatNumber, client.country, lines[0], lines[1], lines[2], lines[3], client.billingAddress.postalCode, client.billingAddress.city,
      client.contact.name, client.contact.email, client.contact.phone, client.partner?.name, client.partner?.contactName, client.partner?.email, client.partner?.phone,
      HOSTING_MODE_LABELS[client.hostingMode], client.createdAt, client.updatedAt]],
  );
}

function contractsCsv({ contracts }: ClientFile): string {
  return toCsv(
    ['Identifiant', 'Référence', 'Formule', 'Grille tarifaire', 'Date de début', 'Statut', 'Préavis reçu le', 'Canal du préavis', 'Résiliation effective le', 'Délai de paiement (jours)'],
    contracts.map((c) => [c.id, c.reference, c.tier, c.priceListId, c.startDate, CONTRACT_STATUS_LABELS[c.status], c.terminationNotice?.receivedOn,
      c.terminationNotice ? NOTICE_CHANNEL_LABELS[c.terminationNotice.channel] : undefined, c.terminationEffectiveDate, c.paymentTermDays]),
  );
}

function historyCsv({ contracts }: ClientFile): string {
  const rows: CsvCell[][] = contracts.flatMap((c) =>
    c.history.map((entry) => {
      const { event, detail } = describeHistoryEntry(entry);
      return [c.reference, entry.at, entry.actor, event, detail];
    }),
  );
  return toCsv(['Contrat', 'Date', 'Auteur', 'Événement', 'Détail'], rows);
}

function usageCsv({ contracts, usage }: ClientFile): string {
  const reference = new Map(contracts.map((c) => [c.id, c.reference]));
  return toCsv(
    ['Contrat', 'Mois', 'Heures CPU', 'Base de données (Go)', 'Stockage (Go)'],
    usage.flatMap((doc) => doc.months.map((m) => [reference.get(doc.contractId) ?? doc.contractId, m.month, m.cpuHours, m.databaseGB, m.storageGB])),
  );
}

function invoicesCsv({ contracts, invoices }: ClientFile): string {
  const reference = new Map(contracts.map((c) => [c.id, c.reference]));
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const refOf = (id: string | undefined) => (id ? invoiceRef(byId.get(id) ?? { id, number: null }) : undefined);
  return toCsv(
    ['Identifiant', 'Type', 'Numéro', 'Statut', 'Contrat', 'Mois facturé', 'Date', 'Échéance', 'Total HT (€)', 'TVA (€)', 'Total TTC (€)', 'Mention TVA', 'Facture corrigée', 'Facture majorée'],
    invoices.map((i) => [i.id, INVOICE_KIND_NAMES[i.kind].label, i.number, i.status === 'draft' ? 'Brouillon' : 'Émise', reference.get(i.contractId) ?? i.contractId, i.period, i.issueDate,
      i.dueDate, eurosCell(i.totals.netCents), eurosCell(i.totals.vatCents), eurosCell(i.totals.totalCents), i.vatMention, refOf(i.creditedInvoiceId), refOf(i.surchargedInvoiceId)]),
  );
}

function invoiceLinesCsv({ invoices }: ClientFile): string {
  return toCsv(
    ['Facture', 'Libellé', 'Quantité', 'Prix unitaire HT (€)', 'Montant HT (€)', 'Taux de TVA (%)'],
    invoices.flatMap((i) => i.lines.map((l) => [invoiceRef(i), l.label, l.quantity, eurosCell(l.unitPriceCents), eurosCell(l.netCents), l.vatRatePercent])),
  );
}

function paymentsCsv({ invoices, payments }: ClientFile): string {
  const byId = new Map(invoices.map((i) => [i.id, i]));
  return toCsv(
    ['Identifiant', 'Nature', 'Facture', 'Date', 'Montant (€)', 'Moyen de paiement', 'Référence', 'Annulé le', 'Motif d’annulation'],
    payments.map((p) => [
      p.id, PAYMENT_KIND_LABELS[p.kind ?? 'payment'], invoiceRef(byId.get(p.invoiceId) ?? { id: p.invoiceId, number: null }), p.date, eurosCell(p.amountCents),
      PAYMENT_METHOD_LABELS[p.method], p.reference, p.cancelledOn, p.cancellationReason,
    ]),
  );
}

function lettersCsv({ contracts, letters }: ClientFile): string {
  const reference = new Map(contracts.map((c) => [c.id, c.reference]));
  return toCsv(
    ['Identifiant', 'Type', 'Statut', 'Contrat', 'Envoyée le', 'N° de recommandé', 'Reçue le', 'Paramètres'],
    letters.map((l) => [l.id, LETTER_KIND_LABELS[l.kind], LETTER_STATUS_LABELS[l.status], reference.get(l.contractId) ?? l.contractId, l.sentOn, l.registeredNumber, l.receivedOn, JSON.stringify(l.params)]),
  );
}

const PARTS: readonly [suffix: string, build: (file: ClientFile) => string][] = [
  ['client', clientCsv],
  ['contrats', contractsCsv],
  ['historique-contrats', historyCsv],
  ['consommations', usageCsv],
  ['factures', invoicesCsv],
  ['lignes-factures', invoiceLinesCsv],
  ['paiements', paymentsCsv],
  ['courriers', lettersCsv],
];

/** The client file as eight CSV files (`;`, UTF-8 with BOM, French headers), named after the client. */
export function clientFileCsv(file: ClientFile): ExportedTextFile[] {
  const stem = clientFileStem(file.client);
  return PARTS.map(([suffix, build]) => ({ name: `${stem}-${suffix}.csv`, mimeType: CSV_MIME, content: build(file) }));
}
