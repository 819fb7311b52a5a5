import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SELLER_PROFILE, REVERSE_CHARGE_MENTION } from '../../src-core';
import { createCreditNote, createLateSurcharge, createMonthlyDrafts, issueDrafts, planMonthlyRun, printableDocument, printableMonth, recordPayment } from '../../src-renderer/data/invoicing';
import { renderInvoicesBatchPdf } from '../../src-renderer/documents';
import { documentFileName, invoiceDocumentModel } from '../../src-renderer/features/invoices/document-model';
import type { PrintBatch } from '../../src-renderer/data/invoicing';
import { ACTOR, CLIENT_INPUT, openTestData } from './helpers';

// Stored documents → documents' model → jsPDF → read back with poppler's pdftotext, as a viewer shows them.
const dir = mkdtempSync(join(tmpdir(), 'contrats-invoicing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function pdfText(batch: PrintBatch): string {
  const file = join(dir, `${++n}.pdf`);
  writeFileSync(file, renderInvoicesBatchPdf(batch.documents.map((d) => invoiceDocumentModel(d.invoice, d.client, batch.seller, { referencedNumber: d.referencedNumber, referencedDate: d.referencedDate }))));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \u00a0\u202f]+/g, ' ');
}

async function issued() {
  const data = await openTestData();
  const fr = await data.commands.clients.create(CLIENT_INPUT, ACTOR);
  const de = await data.commands.clients.create({ ...CLIENT_INPUT, legalName: 'Bäckerei Müller GmbH', siren: undefined, country: 'DE', vatNumber: 'DE123456789', billingAddress: { lines: ['Hauptstraße 1'], postalCode: '10115', city: 'Berlin' } }, ACTOR);
  await data.commands.contracts.create({ clientId: fr.id, reference: 'CT-FR', tier: 'T99', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  await data.commands.contracts.create({ clientId: de.id, reference: 'CT-DE', tier: 'T199', priceListId: 'PL-2024-09-01', startDate: '2026-01-01' }, ACTOR);
  // Issued on 01/09/2026 (an invoice is dated the day it is issued), read back on 27/11/2026.
  data.setToday('2026-09-01');
  await createMonthlyDrafts(data.ctx, await planMonthlyRun(data.ctx, '2026-09'), ACTOR);
  const invoices = await issueDrafts(data.ctx, (await data.repos.invoices.query({ period: '2026-09' })).map((d) => d.id), ACTOR);
  data.setToday();
  const french = invoices.find((i) => i.clientId === fr.id)!;
  const german = invoices.find((i) => i.clientId === de.id)!;
  return { ...data, french, german };
}

describe('PDF of stored documents', () => {
  it('an issued invoice prints its number, dates, amounts the French way, the seller and buyer, and the mandatory mentions', async () => {
    const { ctx, french } = await issued();
    const text = pdfText(await printableDocument(ctx, french.id));
    expect(text).toContain(french.number!);
    expect(text).toContain('01/09/2026');
    expect(text).toContain('01/10/2026');
    expect(text).toContain('118,80 €');
    expect(text).toContain('99,00 €');
    expect(text).toContain(DEMO_SELLER_PROFILE.legalName);
    expect(text).toContain('Boulangerie Martin SARL');
    expect(text).toContain('Prestation de services');
    expect(text).toContain("Pas d'escompte pour paiement anticipé");
    // The penalty rate of §6.6 stated as such (C. com. L441-10), then the 40 € indemnity.
    expect(text.replace(/\s+/g, ' ')).toContain('Pénalités de retard : 50 % du montant TTC impayé, exigibles le lendemain de l’échéance (article 6.6 des conditions générales de vente) ; indemnité forfaitaire pour frais de recouvrement de 40 €');
    expect(text).not.toContain('après les débits');
    expect(documentFileName(french, 'Boulangerie Martin SARL')).toBe(`facture-${french.number}.pdf`);
  });

  it('a reverse-charge invoice carries its VAT mention and the buyer’s accents', async () => {
    const { ctx, german } = await issued();
    const text = pdfText(await printableDocument(ctx, german.id)).replace(/\s+/g, ' ');
    expect(text).toContain('Bäckerei Müller GmbH');
    expect(text).toContain(REVERSE_CHARGE_MENTION);
    expect(text).toContain('199,00 €');
  });

  it('a credit note names the invoice it corrects; a surcharge the unpaid invoice; the month exports every issued document', async () => {
    const { ctx, french, german } = await issued();
    await recordPayment(ctx, { invoiceId: german.id, clientId: german.clientId, date: '2026-09-20', amountCents: german.totals.totalCents, method: 'virement', reference: '' }, ACTOR);
    const note = await createCreditNote(ctx, french.id, [{ lineIndex: 0, netCents: 1000 }], ACTOR);
    const noteText = pdfText(await printableDocument(ctx, note.id));
    expect(noteText).toContain('AVOIR');
    expect(noteText).toContain(note.number!);
    expect(noteText).toContain(french.number!);
    expect(noteText).toContain('-12,00 €');
    // A credit note owes nothing: it names the corrected invoice's number and date, and has no due date nor late-payment terms.
    expect(noteText).toContain(`Avoir sur la facture n° ${french.number} du 01/09/2026`);
    expect(noteText).not.toMatch(/échéance/i);
    expect(noteText).not.toMatch(/Pénalités|escompte|recouvrement/);
    const surcharge = await createLateSurcharge(ctx, french.id, ACTOR);
    const surchargeText = pdfText(await printableDocument(ctx, surcharge.id));
    expect(surchargeText).toContain(surcharge.number!);
    expect(surchargeText).toContain('53,40 €'); // 50 % × (118,80 − 12,00)
    expect(surchargeText).toContain('40,00 €');
    const month = await printableMonth(ctx, '2026-09');
    // Invoices first, then credit notes and surcharges, each by number.
    expect(month.documents.map((d) => d.invoice.number)).toEqual([...[french.number, german.number].sort(), note.number, surcharge.number]);
  });

  it('states the VAT-on-debits option when the seller opted for it (off by default)', async () => {
    const { ctx, commands, french } = await issued();
    await commands.settings.set('sellerProfile', { ...DEMO_SELLER_PROFILE, vatOnDebits: true }, ACTOR);
    const text = pdfText(await printableDocument(ctx, french.id));
    expect(text).toContain('Option pour le paiement de la taxe d’après les débits');
  });
});
