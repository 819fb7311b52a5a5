import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { DEMO_SELLER_PROFILE, invoiceDocumentModel, parseXml, readCiiXml, validateEInvoice, type Invoice, type InvoiceDocumentModel, type XmlNode } from '../../src-core';
import { renderInvoicePdf } from '../../src-renderer/documents';
import { renderFacturXPdf } from '../../src-renderer/documents/facturx-pdf';
import { issuedCreditNote, issuedMonthInvoice, issuedSurcharge, portfolio } from './support/einvoice-fixtures';

/**
 * Factur-X files read back with poppler, as a platform or an accountant
 * would: the attached XML (pdfdetach) term by term against the stored
 * document, the fonts (pdffonts), the XMP, the page text against the plain PDF.
 */
const fonts = { regular: new Uint8Array(readFileSync('assets/fonts/LiberationSans-Regular.ttf')), bold: new Uint8Array(readFileSync('assets/fonts/LiberationSans-Bold.ttf')) };
const dir = mkdtempSync(join(tmpdir(), 'facturx-'));
const now = new Date('2026-11-27T09:30:00Z');

function documents(): { doc: Invoice; model: InvoiceDocumentModel; sign: 1 | -1 }[] {
  const p = portfolio(1);
  const found = new Map<string, { doc: Invoice; model: InvoiceDocumentModel; sign: 1 | -1 }>();
  for (const contract of p.contracts) {
    const family = issuedMonthInvoice(p, contract, '2026-10', 'F-2026-000042');
    if (!family) continue;
    const key = family.invoice.vatMention ?? 'FR';
    if (found.has(key)) continue;
    found.set(key, { doc: family.invoice, model: invoiceDocumentModel(family.invoice, family.client, DEMO_SELLER_PROFILE), sign: 1 });
    if (key === 'FR') {
      const note = issuedCreditNote(family.invoice, 'full', 'AV-2026-000001');
      found.set('credit', { doc: note, model: invoiceDocumentModel(note, family.client, DEMO_SELLER_PROFILE, { referencedNumber: family.invoice.number }), sign: -1 });
      const surcharge = issuedSurcharge(family.invoice, family.invoice.totals.totalCents, true, 'F-2026-000043');
      found.set('surcharge', { doc: surcharge, model: invoiceDocumentModel(surcharge, family.client, DEMO_SELLER_PROFILE, { referencedNumber: family.invoice.number }), sign: 1 });
    }
  }
  return [...found.values()];
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

describe('Factur-X PDF/A-3b read back', () => {
  const cases = documents();

  it('covers French VAT, reverse charge, outside the EU, a credit note and a late surcharge', () => {
    expect(cases.map((c) => c.model.kind).sort()).toEqual(['credit_note', 'invoice', 'invoice', 'invoice', 'surcharge']);
  });

  it.each(cases.map((c) => [c.model.number!, c.model.vatMention ?? c.model.kind, c] as const))('%s (%s): the attached XML reads back equal to the document, every font embedded, PDF/A-3 B + Factur-X declared', async (number, _label, { doc, model, sign }) => {
    const file = join(dir, `${number}-${doc.id}.pdf`);
    writeFileSync(file, await renderFacturXPdf(model, fonts, { now }));

    // The attachment, by name, extracted by poppler.
    expect(run('pdfdetach', ['-list', file])).toMatch(/^1 embedded files\n1: factur-x\.xml\n$/);
    const xmlFile = join(dir, `${number}-${doc.id}.xml`);
    run('pdfdetach', ['-save', '1', '-o', xmlFile, file]);
    const e = readCiiXml(readFileSync(xmlFile, 'utf8'));
    expect(validateEInvoice(e)).toEqual([]);
    expect(e.typeCode).toBe(doc.kind === 'credit_note' ? '381' : '380');
    expect(e.number).toBe(doc.number);
    expect(e.issueDate).toBe(doc.issueDate);
    expect(e.buyer.name).toBe(doc.buyer!.legalName);
    expect(e.buyer.siren).toBe(doc.buyer!.siren);
    expect(e.seller.siren).toBe(DEMO_SELLER_PROFILE.siren);
    expect(e.lines.map((l) => [l.name, l.netCents])).toEqual(doc.lines.map((l) => [l.label, sign * l.netCents]));
    expect(e.vat.map((v) => [v.basisCents, v.taxCents])).toEqual(doc.totals.byRate.map((r) => [sign * r.baseCents, sign * r.vatCents || 0]));
    expect([e.totals.taxBasisCents, e.totals.taxTotalCents, e.totals.grandTotalCents]).toEqual([sign * doc.totals.netCents, sign * doc.totals.vatCents || 0, sign * doc.totals.totalCents]);

    // Every font embedded, as TrueType subsets of Liberation Sans.
    const fontRows = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(fontRows.length).toBeGreaterThanOrEqual(2);
    for (const row of fontRows) expect(row).toMatch(/^[A-Z]{6}\+LiberationSans(-Bold)?\s+TrueType\s+WinAnsi\s+yes\s+yes\s+no\s/);

    // The cross-reference table: every object where it says (the file is written once, its offsets by jsPDF).
    const bytes = Buffer.from(readFileSync(file)).toString('latin1');
    const xref = Number(/startxref\n(\d+)\n%%EOF\s*$/.exec(bytes)![1]);
    const [, countText] = /^xref\n0 (\d+)\n/.exec(bytes.slice(xref))!;
    const entries = bytes.slice(xref).split('\n').slice(3, 2 + Number(countText));
    expect(entries.length).toBeGreaterThan(10);
    entries.forEach((entry, i) => expect(bytes.startsWith(`${i + 1} 0 obj\n`, Number(entry.slice(0, 10)))).toBe(true));

    // Not encrypted, PDF 1.7, and the page says what the plain PDF says.
    expect(run('pdfinfo', [file])).toMatch(/Encrypted:\s+no[\s\S]*PDF version:\s+1\.7/);
    const plain = join(dir, `${number}-${doc.id}-plain.pdf`);
    writeFileSync(plain, renderInvoicePdf(model));
    // Same words (poppler groups lines by the fonts' ascents, which differ from the standard font's).
    const words = (pdf: string) => run('pdftotext', [pdf, '-']).split(/\s+/).filter(Boolean).sort();
    expect(words(file)).toEqual(words(plain));
    // Poppler draws the page with the embedded fonts and the ICC profile without a single warning.
    const drawn = spawnSync('pdftoppm', ['-png', '-r', '30', '-f', '1', '-l', '1', file, join(dir, 'page')], { encoding: 'utf8' });
    expect([drawn.status, drawn.stderr]).toEqual([0, '']);

    // The XMP: PDF/A-3 B, the Factur-X properties and their extension schema; the information dictionary agrees.
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'));
    if (!(metadata instanceof PDFRawStream)) throw new Error('no XMP metadata stream');
    expect(metadata.dict.has(PDFName.of('Filter'))).toBe(false);
    const xmp = parseXml(new TextDecoder().decode(metadata.contents).replace(/^\ufeff/, ''));
    const find = (node: XmlNode, name: string): XmlNode | undefined => (node.name === name ? node : node.children.map((c) => find(c, name)).find(Boolean));
    const text = (name: string) => find(xmp, name)?.text.trim();
    expect([text('pdfaid:part'), text('pdfaid:conformance')]).toEqual(['3', 'B']);
    expect([text('fx:DocumentType'), text('fx:DocumentFileName'), text('fx:Version'), text('fx:ConformanceLevel')]).toEqual(['INVOICE', 'factur-x.xml', '1.0', 'EN 16931']);
    expect(text('pdfaSchema:namespaceURI')).toBe('urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#');
    expect(text('xmp:CreateDate')).toBe('2026-11-27T09:30:00Z');
    expect(pdf.getCreationDate()?.toISOString()).toBe('2026-11-27T09:30:00.000Z');
    expect(find(find(xmp, 'dc:title')!, 'rdf:li')?.text).toBe(pdf.getTitle());
    expect(pdf.getTitle()).toBe(`${{ invoice: 'Facture', credit_note: 'Avoir', surcharge: 'Majoration de retard' }[model.kind]} ${number} — ${doc.buyer!.legalName}`);
    expect(find(find(xmp, 'dc:creator')!, 'rdf:li')?.text).toBe(pdf.getAuthor());

    // The associated file (/AF, /Data) and the sRGB output intent.
    const af = pdf.catalog.lookup(PDFName.of('AF'));
    const spec = pdf.context.lookup((af as unknown as { get(i: number): unknown }).get(0) as never, PDFDict);
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Data'));
    const intents = pdf.catalog.lookup(PDFName.of('OutputIntents'));
    const intent = pdf.context.lookup((intents as unknown as { get(i: number): unknown }).get(0) as never, PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    expect(profile instanceof PDFRawStream && profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');

    // No transparency: no soft mask, no constant alpha.
    for (const [, object] of pdf.context.enumerateIndirectObjects()) {
      const dict = object instanceof PDFDict ? object : object instanceof PDFRawStream ? object.dict : undefined;
      expect(dict?.has(PDFName.of('SMask')) ?? false).toBe(false);
      expect(dict?.has(PDFName.of('CA')) ?? false).toBe(false);
      expect(dict?.has(PDFName.of('ca')) ?? false).toBe(false);
    }
    // The first document also makes the font subsets; poppler runs six times: room on a loaded machine.
  }, 60_000);

  it('writes any buyer name in the information dictionary and the XMP (a CR byte in UTF-16, parentheses, a backslash)', async () => {
    const { model } = cases[0]!;
    // "č" is U+010D: its UTF-16 has a CR byte, which a literal string would read back as LF.
    const legalName = 'Vlčková (Čechy) \\ s.r.o.';
    const file = join(dir, 'unicode-title.pdf');
    writeFileSync(file, await renderFacturXPdf({ ...model, buyer: { ...model.buyer, legalName } }, fonts, { now }));
    const title = `Facture ${model.number} — ${legalName}`;
    expect(run('pdfinfo', [file])).toContain(`Title:           ${title}\n`);
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    expect([pdf.getTitle(), pdf.getCreator(), pdf.getProducer()]).toEqual([title, 'Contrats — DOKOS SAS', expect.stringMatching(/^jsPDF \d/)]);
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'));
    if (!(metadata instanceof PDFRawStream)) throw new Error('no XMP metadata stream');
    const xmp = parseXml(new TextDecoder().decode(metadata.contents).replace(/^\ufeff/, ''));
    const find = (node: XmlNode, name: string): XmlNode | undefined => (node.name === name ? node : node.children.map((c) => find(c, name)).find(Boolean));
    expect(find(find(xmp, 'dc:title')!, 'rdf:li')?.text).toBe(title);
    expect(find(xmp, 'pdf:Producer')?.text).toBe(pdf.getProducer());
  });

  it('refuses a draft and a document failing the rules, saying why', async () => {
    const { model } = cases[0]!;
    await expect(renderFacturXPdf({ ...model, number: null }, fonts)).rejects.toThrow("Un brouillon n'est pas une facture électronique");
    await expect(renderFacturXPdf({ ...model, seller: { ...model.seller, siren: '732829321' } }, fonts)).rejects.toThrow(/\[BR-CO-26\] Le SIREN du vendeur/);
  });
});
