import type { jsPDF } from 'jspdf';
import {
  INVOICE_KIND_NAMES, LATE_PAYMENT_TERMS_MENTION, NO_EARLY_PAYMENT_DISCOUNT_MENTION, OPERATION_CATEGORY_MENTION, OUTSIDE_VAT_SCOPE_MENTION, VAT_ON_DEBITS_MENTION,
} from '../../src-core/billing';
import { formatDateFr } from '../../src-core/dates';
import type { InvoiceKind } from '../../src-core/model';
import { formatEuros } from '../../src-core/money';
import { countryNameFr } from './address';
import { DRAFT_MARK, drawDraftNumber, drawDraftWatermark } from './draft-mark';
import type { InvoiceDocumentModel } from './invoice-model';
import { CONTENT_WIDTH, PAGE, drawLogo, finishPages, font, lineHeight, newA4, text, toBytes, wrap } from './page';
import { drawTable, type TableColumn } from './table';

/** What changes between an invoice, a credit note and a late-surcharge document; the layout does not. */
const KIND: Record<InvoiceKind, { vatApplies: boolean; operation: string; period: string }> = {
  invoice: { vatApplies: true, operation: OPERATION_CATEGORY_MENTION, period: 'Période de service' },
  credit_note: { vatApplies: true, operation: OPERATION_CATEGORY_MENTION, period: 'Période de service' },
  // Damages for late payment, not a service (§6.6): the period is the one of the invoice paid late.
  surcharge: { vatApplies: false, operation: 'Majoration et indemnité pour retard de paiement', period: 'Période de la facture concernée' },
};


const RIGHT_COLUMN_X = 112;
const RIGHT_EDGE = PAGE.width - PAGE.margin;
/** Bottom of the area the table and blocks may use, above the legal footer. */
const BODY_BOTTOM = PAGE.footerTop - 6;

const percent = (rate: number) => `${String(rate).replace('.', ',')}\u00a0%`;
const quantity = (q: number) => String(q).replace('.', ',');

/** Seller identity top-left, under the logo. Returns the y below it. */
function drawSeller(doc: jsPDF, model: InvoiceDocumentModel): number {
  const { seller } = model;
  let y = PAGE.margin;
  const logo = drawLogo(doc, seller, PAGE.margin, y, 50, 18);
  if (logo) y += logo + 3;
  font(doc, 12, 'bold');
  text(doc, seller.legalName, PAGE.margin, y);
  y += lineHeight(12);
  font(doc, 9);
  const lines = [
    ...seller.addressLines,
    `${seller.postalCode} ${seller.city}`,
    `${seller.legalForm} au capital de ${seller.capital}`,
    `SIREN ${seller.siren} — ${seller.rcs}`,
    `TVA intracommunautaire : ${seller.vatNumber}`,
    `${seller.email} — ${seller.phone}`,
  ];
  for (const line of lines) {
    text(doc, line, PAGE.margin, y);
    y += lineHeight(9);
  }
  return y;
}

/** Title, number and dates top-right, then the buyer's block. Returns the y below it. */
function drawHeaderRight(doc: jsPDF, model: InvoiceDocumentModel): number {
  let y = PAGE.margin;
  font(doc, 18, 'bold');
  text(doc, INVOICE_KIND_NAMES[model.kind].label.toUpperCase(), RIGHT_EDGE, y, 'right');
  y += lineHeight(18);
  if (model.number) {
    font(doc, 11, 'bold');
    text(doc, `N° ${model.number}`, RIGHT_EDGE, y, 'right');
  } else {
    drawDraftNumber(doc, RIGHT_EDGE, y);
  }
  y += lineHeight(11) + 1;
  font(doc, 9);
  for (const line of [`Date d’émission : ${formatDateFr(model.issueDate)}`, ...(model.dueDate ? [`Date d’échéance : ${formatDateFr(model.dueDate)}`] : [])]) {
    text(doc, line, RIGHT_EDGE, y, 'right');
    y += lineHeight(9);
  }
  return drawBuyer(doc, model, y + 5);
}

function drawBuyer(doc: jsPDF, model: InvoiceDocumentModel, top: number): number {
  const { buyer } = model;
  const x = RIGHT_COLUMN_X;
  let y = top + 3;
  font(doc, 8, 'normal', 90);
  text(doc, model.kind === 'credit_note' ? 'Client' : 'Facturé à', x + 3, y);
  y += lineHeight(8);
  font(doc, 10, 'bold');
  for (const line of wrap(doc, buyer.legalName, RIGHT_EDGE - x - 6)) {
    text(doc, line, x + 3, y);
    y += lineHeight(10);
  }
  font(doc, 9);
  const lines = [
    ...buyer.addressLines,
    `${buyer.postalCode} ${buyer.city}`,
    ...(buyer.country.toUpperCase() === 'FR' ? [] : [countryNameFr(buyer.country)]),
    ...(buyer.siren ? [`SIREN : ${buyer.siren}`] : []),
    ...(buyer.vatNumber ? [`TVA intracommunautaire : ${buyer.vatNumber}`] : []),
  ];
  for (const line of lines) {
    text(doc, line, x + 3, y);
    y += lineHeight(9);
  }
  y += 1;
  doc.setDrawColor(160);
  doc.setLineWidth(0.2);
  doc.rect(x, top, RIGHT_EDGE - x, y - top);
  return y;
}

/** Nature of the operation, service period and, for a credit note, the invoice it credits. */
function drawOperation(doc: jsPDF, model: InvoiceDocumentModel, top: number): number {
  let y = top;
  const lines = [
    `Nature de l’opération : ${KIND[model.kind].operation}`,
    `${KIND[model.kind].period} : du ${formatDateFr(model.servicePeriod.from)} au ${formatDateFr(model.servicePeriod.to)}`,
    ...(model.creditedInvoiceNumber
      ? [`Avoir sur la facture n° ${model.creditedInvoiceNumber}${model.creditedInvoiceDate ? ` du ${formatDateFr(model.creditedInvoiceDate)}` : ''}`]
      : []),
    ...(model.surchargedInvoiceNumber ? [`Majoration de retard sur la facture n° ${model.surchargedInvoiceNumber}`] : []),
  ];
  font(doc, 9.5);
  for (const line of lines) {
    text(doc, line, PAGE.margin, y);
    y += lineHeight(9.5);
  }
  return y;
}

function drawLines(doc: jsPDF, model: InvoiceDocumentModel, startY: number): number {
  const vat = KIND[model.kind].vatApplies;
  const numeric = (header: string, width: number): TableColumn => ({ header, width, align: 'right' });
  const columns: TableColumn[] = [
    { header: 'Désignation', align: 'left' },
    numeric('Quantité', 20),
    numeric(vat ? 'Prix unitaire HT' : 'Prix unitaire', 28),
    numeric(vat ? 'Montant HT' : 'Montant', 28),
    ...(vat ? [numeric('TVA', 16)] : []),
  ];
  const rows = model.lines.map((line) => [
    line.label,
    quantity(line.quantity),
    formatEuros(line.unitPriceCents),
    formatEuros(line.netCents),
    ...(vat ? [percent(line.vatRatePercent)] : []),
  ]);
  // The bottom keeps the table off the legal footer; the top leaves room for the "(suite)" line.
  return drawTable(doc, { columns, rows, startY, bottom: BODY_BOTTOM, topOnNewPage: PAGE.margin + 6 });
}

function totalRows(model: InvoiceDocumentModel): [string, string, boolean][] {
  const { totals } = model;
  if (!KIND[model.kind].vatApplies) return [['Total à payer', formatEuros(totals.totalCents), true]];
  return [
    ['Total HT', formatEuros(totals.netCents), false],
    ...totals.byRate.map(
      (r): [string, string, boolean] => [`TVA ${percent(r.ratePercent)} sur ${formatEuros(r.baseCents)}`, formatEuros(r.vatCents), false],
    ),
    ['Total TVA', formatEuros(totals.vatCents), false],
    ['Total TTC', formatEuros(totals.totalCents), true],
    ...imputedRows(model),
  ];
}

/** Credit notes imputed on the invoice (issue 16): each taken off, then what remains to pay; the totals above stay. */
function imputedRows(model: InvoiceDocumentModel): [string, string, boolean][] {
  const credits = model.imputedCredits ?? [];
  if (credits.length === 0) return [];
  const paid = credits.reduce((s, c) => s + c.amountCents, 0);
  return [...credits.map((c): [string, string, boolean] => [c.label, formatEuros(-c.amountCents), false]), ['Net à payer', formatEuros(model.totals.totalCents - paid), true]];
}

/** Totals on the right, then the payment terms and legal mentions full width. Both stay on one page. */
function drawTotalsAndMentions(doc: jsPDF, model: InvoiceDocumentModel, top: number): void {
  const rows = totalRows(model);
  // A credit note owes nothing: no due date, no discount or late-payment terms (DOMAIN.md, Billing).
  const owes = model.kind !== 'credit_note';
  const mentions = [
    model.vatMention ?? (KIND[model.kind].vatApplies ? undefined : OUTSIDE_VAT_SCOPE_MENTION),
    model.seller.vatOnDebits && KIND[model.kind].vatApplies ? VAT_ON_DEBITS_MENTION : undefined,
    owes && model.dueDate ? `Date d’échéance : ${formatDateFr(model.dueDate)}` : undefined,
    model.paymentTerms,
    owes ? NO_EARLY_PAYMENT_DISCOUNT_MENTION : undefined,
    owes ? LATE_PAYMENT_TERMS_MENTION : undefined,
  ]
    .filter((m): m is string => Boolean(m))
    // The core's mentions are phrases; on paper each ends as a sentence.
    .map((m) => (m.endsWith('.') ? m : `${m}.`));
  font(doc, 8.5);
  const mentionLines = mentions.map((m) => wrap(doc, m, CONTENT_WIDTH));
  const height = rows.length * lineHeight(10) + 8 + mentionLines.flat().length * lineHeight(8.5) + mentions.length;
  let y = top + 5;
  if (y + height > BODY_BOTTOM) {
    doc.addPage();
    y = PAGE.margin + 6;
  }
  const labelX = RIGHT_COLUMN_X + 4;
  for (const [label, amount, strong] of rows) {
    if (strong) {
      doc.setFillColor(235, 239, 243);
      doc.rect(RIGHT_COLUMN_X, y - 1, RIGHT_EDGE - RIGHT_COLUMN_X, lineHeight(10) + 1.5, 'F');
    }
    font(doc, 10, strong ? 'bold' : 'normal');
    text(doc, label, labelX, y);
    text(doc, amount, RIGHT_EDGE - 2, y, 'right');
    y += lineHeight(10) + (strong ? 1.5 : 0);
  }
  y += 6;
  font(doc, 8.5);
  for (const lines of mentionLines) {
    for (const line of lines) {
      doc.text(line, PAGE.margin, y, { baseline: 'top' });
      y += lineHeight(8.5);
    }
    y += 1;
  }
}

/** On every page after the first, what document this page continues. */
function drawContinuationHeaders(doc: jsPDF, model: InvoiceDocumentModel, first: number, last: number): void {
  const label = `${INVOICE_KIND_NAMES[model.kind].label} ${model.number ? `n° ${model.number}` : `— ${DRAFT_MARK}`} — ${model.buyer.legalName} (suite)`;
  for (let page = first + 1; page <= last; page++) {
    doc.setPage(page);
    font(doc, 8.5, 'normal', 90);
    text(doc, label, PAGE.margin, PAGE.margin - 4);
  }
}

/** Draws one document from the current page on, with its own page numbering. */
function drawInvoice(doc: jsPDF, model: InvoiceDocumentModel): void {
  const first = doc.getNumberOfPages();
  const top = Math.max(drawSeller(doc, model), drawHeaderRight(doc, model)) + 8;
  const tableTop = drawOperation(doc, model, top) + 3;
  drawTotalsAndMentions(doc, model, drawLines(doc, model, tableTop));
  const last = doc.getNumberOfPages();
  drawContinuationHeaders(doc, model, first, last);
  if (!model.number) {
    for (let page = first; page <= last; page++) {
      doc.setPage(page);
      drawDraftWatermark(doc);
    }
  }
  finishPages(doc, model.seller, first, last);
}

/** An invoice, credit note or late-surcharge document as PDF bytes (A4, standard Helvetica). */
export function renderInvoicePdf(model: InvoiceDocumentModel): Uint8Array {
  return toBytes(drawnInvoicePdf(model));
}

/** One document drawn, not yet written: the Factur-X writes this very page with its PDF/A parts (facturx-pdf.ts). */
export function drawnInvoicePdf(model: InvoiceDocumentModel): jsPDF {
  const doc = newA4({ compress: false });
  drawInvoice(doc, model);
  return doc;
}

/**
 * A month's documents in one PDF, each starting on a new page with its own
 * "Page k/n". Nothing is cached: the jsPDF document is dropped once its bytes
 * are returned, so printing a month does not hold every invoice in memory.
 * One invoice is written uncompressed (≈ 8 KB, and twice as fast to make when
 * a month is saved as one file per invoice); a file of several is compressed.
 */
export function renderInvoicesBatchPdf(models: readonly InvoiceDocumentModel[]): Uint8Array {
  const doc = newA4({ compress: models.length > 1 });
  models.forEach((model, i) => {
    if (i > 0) doc.addPage();
    drawInvoice(doc, model);
  });
  return toBytes(doc);
}
