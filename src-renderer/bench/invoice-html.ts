import { LATE_PAYMENT_TERMS_MENTION, NO_EARLY_PAYMENT_DISCOUNT_MENTION, OPERATION_CATEGORY_MENTION, formatDateFr, formatEuros } from '../../src-core';
import type { InvoiceDocumentModel } from '../documents';

/**
 * The same invoice as an HTML page: the baseline of the PDF benchmark, printed
 * by Chromium's own PDF printing (CDP Page.printToPDF, what Electron's
 * webContents.printToPDF does). Same blocks and mentions as the jsPDF layout,
 * styled with plain CSS, no external resource, so the print measures layout
 * and printing only.
 */
const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const percent = (rate: number) => `${String(rate).replace('.', ',')}&nbsp;%`;
const block = (lines: readonly string[]) => lines.map(escape).join('<br>');

const STYLE = `
@page { size: A4; margin: 16mm; }
body { font: 9.5pt Helvetica, Arial, sans-serif; color: #222; }
header { display: flex; justify-content: space-between; gap: 12mm; }
h1 { font-size: 18pt; margin: 0; text-align: right; }
.buyer { border: 0.2mm solid #999; padding: 2mm 3mm; margin-top: 4mm; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
th { background: #2d3e50; color: #fff; text-align: left; padding: 1.5mm; }
td { border-bottom: 0.2mm solid #ddd; padding: 1.5mm; }
.num { text-align: right; white-space: nowrap; }
.totals { width: 45%; margin-left: auto; }
.totals .strong td { background: #ebeff3; font-weight: bold; }
.mentions { font-size: 8.5pt; margin-top: 6mm; }
footer { font-size: 7.5pt; color: #666; margin-top: 10mm; text-align: center; }
`;

export function invoiceHtml(model: InvoiceDocumentModel): string {
  const { seller, buyer, totals } = model;
  const rows = model.lines
    .map((l) => `<tr><td>${escape(l.label)}</td><td class="num">${String(l.quantity).replace('.', ',')}</td><td class="num">${formatEuros(l.unitPriceCents)}</td><td class="num">${formatEuros(l.netCents)}</td><td class="num">${percent(l.vatRatePercent)}</td></tr>`)
    .join('');
  const totalRows = [
    `<tr><td>Total HT</td><td class="num">${formatEuros(totals.netCents)}</td></tr>`,
    ...totals.byRate.map((r) => `<tr><td>TVA ${percent(r.ratePercent)} sur ${formatEuros(r.baseCents)}</td><td class="num">${formatEuros(r.vatCents)}</td></tr>`),
    `<tr><td>Total TVA</td><td class="num">${formatEuros(totals.vatCents)}</td></tr>`,
    `<tr class="strong"><td>Total TTC</td><td class="num">${formatEuros(totals.totalCents)}</td></tr>`,
  ].join('');
  const mentions = [model.vatMention, `Date d’échéance : ${formatDateFr(model.dueDate ?? model.issueDate)}`, model.paymentTerms, NO_EARLY_PAYMENT_DISCOUNT_MENTION, LATE_PAYMENT_TERMS_MENTION]
    .filter((m): m is string => Boolean(m))
    .map((m) => `<p>${escape(m)}</p>`)
    .join('');
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Facture ${escape(model.number ?? '')}</title><style>${STYLE}</style></head><body>
<header>
  <div><strong style="font-size:12pt">${escape(seller.legalName)}</strong><br>${block([
    ...seller.addressLines, `${seller.postalCode} ${seller.city}`, `${seller.legalForm} au capital de ${seller.capital}`,
    `SIREN ${seller.siren} — ${seller.rcs}`, `TVA intracommunautaire : ${seller.vatNumber}`, `${seller.email} — ${seller.phone}`,
  ])}</div>
  <div><h1>FACTURE</h1><p style="text-align:right"><strong>N° ${escape(model.number ?? '')}</strong><br>Date d’émission : ${formatDateFr(model.issueDate)}<br>Date d’échéance : ${formatDateFr(model.dueDate ?? model.issueDate)}</p>
    <div class="buyer">Facturé à<br><strong>${escape(buyer.legalName)}</strong><br>${block([
      ...buyer.addressLines, `${buyer.postalCode} ${buyer.city}`, ...(buyer.siren ? [`SIREN : ${buyer.siren}`] : []),
      ...(buyer.vatNumber ? [`TVA intracommunautaire : ${buyer.vatNumber}`] : []),
    ])}</div></div>
</header>
<p>Nature de l’opération : ${escape(OPERATION_CATEGORY_MENTION)}<br>Période de service : du ${formatDateFr(model.servicePeriod.from)} au ${formatDateFr(model.servicePeriod.to)}</p>
<table><thead><tr><th>Désignation</th><th class="num">Quantité</th><th class="num">Prix unitaire HT</th><th class="num">Montant HT</th><th class="num">TVA</th></tr></thead><tbody>${rows}</tbody></table>
<table class="totals">${totalRows}</table>
<div class="mentions">${mentions}</div>
<footer>${escape(`${seller.legalName} — ${seller.legalForm} au capital de ${seller.capital} — ${seller.rcs} — TVA ${seller.vatNumber}`)}</footer>
</body></html>`;
}
