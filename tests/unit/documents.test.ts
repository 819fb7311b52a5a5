import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ENVELOPE_MODELS, DEMO_SELLER_PROFILE, LETTER_KINDS, composeLetter, formatDateLongFr, formatEuros,
  type EnvelopeModel, type LetterKind, type LetterParamsByKind,
} from '../../src-core';
import {
  recipientBlockRect, renderEnvelopeCalibrationPdf, renderInvoicePdf, renderInvoicesBatchPdf, renderLetterPdf, renderLettersBatchPdf,
  toWinAnsi, windowRect, type InvoiceDocumentLine, type InvoiceDocumentModel, type LetterDocumentModel, type RectMm,
} from '../../src-renderer/documents';

// The PDFs are read back with poppler's pdftotext, as a user's viewer would
// show them. CI installs poppler-utils; without it these tests fail loudly
// rather than skip, since they are the only proof the documents are right.
let dir = '';
beforeAll(() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    throw new Error('pdftotext est introuvable : installez poppler-utils (apt-get install poppler-utils) pour vérifier les PDF.');
  }
  dir = mkdtempSync(join(tmpdir(), 'contrats-documents-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function save(pdf: Uint8Array): string {
  const file = join(dir, `document-${++fileCount}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** Pages of text as pdftotext -layout prints them, with every kind of space (U+00A0 included) as one plain space. */
function pdfPages(pdf: Uint8Array): string[] {
  const out = execFileSync('pdftotext', ['-layout', save(pdf), '-'], { encoding: 'utf8' });
  return out.split('\f').slice(0, -1).map((page) => page.replace(/[ \u00a0\u202f]+/g, ' '));
}

/** The whole text on one line, for phrases that a paragraph may have wrapped. */
const flat = (pdf: Uint8Array) => pdfPages(pdf).join(' ').replace(/\s+/g, ' ');
const plain = (value: string) => value.replace(/\u00a0/g, ' ');

interface Word { text: string; xMin: number; yMin: number; xMax: number; yMax: number }
/** Words with their boxes in points from the page's top-left (pdftotext -bbox). */
function pdfWords(pdf: Uint8Array): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', save(pdf), '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '',
  }));
}

const PT_PER_MM = 72 / 25.4;
const insideMm = (word: Word, r: RectMm) =>
  word.xMin >= r.x * PT_PER_MM && word.xMax <= (r.x + r.width) * PT_PER_MM && word.yMin >= r.y * PT_PER_MM && word.yMax <= (r.y + r.height) * PT_PER_MM;

// 8 × 4 px blue PNG: enough to prove the logo is embedded.
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAIAAAA8r+mnAAAAEElEQVR4nGNgiFqAHVFPAgAHPh9BSe9YaQAAAABJRU5ErkJggg==';

const line = (label: string, netCents: number, vatRatePercent = 20): InvoiceDocumentLine => ({ label, quantity: 1, unitPriceCents: netCents, netCents, vatRatePercent });

function invoice(overrides: Partial<InvoiceDocumentModel> = {}): InvoiceDocumentModel {
  const lines = overrides.lines ?? [
    line('Hébergement Dokos — formule T999 « premium » (novembre 2026)', 99900),
    line('Régularisation dépassement octobre 2026 : stockage, accès à l’œuvre reçue, façade', 23556),
  ];
  const net = lines.reduce((sum, l) => sum + l.netCents, 0);
  const vat = Math.round(net * 0.2);
  return {
    seller: { ...DEMO_SELLER_PROFILE, logoDataUrl: LOGO },
    buyer: { legalName: 'Boulangerie Lefèvre & Fils SARL', addressLines: ['3 place Stanislas'], postalCode: '54000', city: 'Nancy', country: 'FR', siren: '552100554', vatNumber: 'FR40552100554' },
    kind: 'invoice',
    number: 'F-2026-000123',
    issueDate: '2026-11-01',
    servicePeriod: { from: '2026-11-01', to: '2026-11-30' },
    dueDate: '2026-12-01',
    lines,
    totals: { netCents: net, vatCents: vat, totalCents: net + vat, byRate: [{ ratePercent: 20, baseCents: net, vatCents: vat }] },
    paymentTerms: 'Paiement par virement bancaire — IBAN FR76 3000 6000 0112 3456 7890 189',
    ...overrides,
  };
}

describe('renderInvoicePdf', () => {
  it('prints every mandatory mention of a French B2B invoice, accents and € intact', () => {
    const pdf = renderInvoicePdf(invoice());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = flat(pdf);
    const s = DEMO_SELLER_PROFILE;
    for (const mention of [
      // seller: legal name, form, capital, address, SIREN, RCS, VAT number
      s.legalName, s.legalForm, `au capital de ${s.capital}`, s.addressLines[0], `${s.postalCode} ${s.city}`, `SIREN ${s.siren}`, s.rcs, s.vatNumber,
      // buyer
      'Boulangerie Lefèvre & Fils SARL', '3 place Stanislas', '54000 Nancy', 'SIREN : 552100554', 'TVA intracommunautaire : FR40552100554',
      // number, dates, nature of the operation
      'FACTURE', 'N° F-2026-000123', 'Date d’émission : 01/11/2026', 'Période de service : du 01/11/2026 au 30/11/2026',
      'Nature de l’opération : Prestation de services', 'Date d’échéance : 01/12/2026',
      // lines and totals
      'Désignation', 'Quantité', 'Prix unitaire HT', 'Montant HT', '999,00 €', '235,56 €',
      'Total HT 1 234,56 €', 'TVA 20 % sur 1 234,56 € 246,91 €', 'Total TVA 246,91 €', 'Total TTC 1 481,47 €',
      // payment and late-payment terms
      "Pas d'escompte pour paiement anticipé.", 'Pénalités de retard : 50 % du montant TTC impayé, exigibles le lendemain de l’échéance', 'indemnité forfaitaire pour frais de recouvrement de 40 €',
      'L441-10 et D441-5 du Code de commerce', 'IBAN FR76 3000 6000 0112 3456 7890 189',
      // WinAnsi characters
      '« premium »', 'accès à l’œuvre reçue, façade', 'Régularisation dépassement',
    ]) {
      expect(text, mention).toContain(mention);
    }
    expect(text).toContain('Page 1/1');
    expect(execFileSync('pdfimages', ['-list', save(pdf)], { encoding: 'utf8' })).toMatch(/\n\s*1\s+\d+\s+image\s+8\s+4\s/);
  });

  it('repeats the table header and numbers the pages of a 60-line invoice', () => {
    const lines = Array.from({ length: 60 }, (_, i) => line(`Prestation n° ${i + 1} — hébergement complémentaire`, 1000));
    const pages = pdfPages(renderInvoicePdf(invoice({ lines })));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Page ${i + 1}/${pages.length}`);
      if (i < pages.length - 1 || page.includes('Prestation n°')) expect(page).toMatch(/Désignation Quantité Prix unitaire HT Montant HT TVA/);
    });
    expect(pages[1]).toContain('Facture n° F-2026-000123 — Boulangerie Lefèvre & Fils SARL (suite)');
    expect(pages.join(' ')).toContain('Prestation n° 60 ');
    expect(pages.at(-1)).toContain('Total TTC 720,00 €');
  });

  it('prints a credit note as an AVOIR referencing the credited invoice, with the reverse-charge mention', () => {
    const text = flat(renderInvoicePdf(invoice({
      kind: 'credit_note', number: 'AV-2026-000007', creditedInvoiceNumber: 'F-2026-000100', creditedInvoiceDate: '2026-10-01', dueDate: undefined,
      buyer: { legalName: 'Brüsseler Bäckerei BV', addressLines: ['Rue Neuve 1'], postalCode: '1000', city: 'Bruxelles', country: 'BE', vatNumber: 'BE0123456789' },
      vatMention: 'Autoliquidation – article 196 de la directive 2006/112/CE',
    })));
    expect(text).not.toMatch(/échéance|Pénalités|escompte/i);
    for (const expected of ['AVOIR', 'N° AV-2026-000007', 'Avoir sur la facture n° F-2026-000100 du 01/10/2026', 'Belgique', 'BE0123456789', 'Autoliquidation – article 196 de la directive 2006/112/CE.']) {
      expect(text).toContain(expected);
    }
  });

  it('prints a late-surcharge document outside the scope of VAT', () => {
    const lines = [line('Majoration de 50 % pour retard de paiement – facture F-2026-000123', 74074, 0), line('Indemnité forfaitaire pour frais de recouvrement – facture F-2026-000123', 4000, 0)];
    const text = flat(renderInvoicePdf(invoice({
      kind: 'surcharge', number: 'F-2027-000004', surchargedInvoiceNumber: 'F-2026-000123', lines,
      totals: { netCents: 78074, vatCents: 0, totalCents: 78074, byRate: [] },
    })));
    for (const expected of ['MAJORATION DE RETARD', 'Nature de l’opération : Majoration et indemnité pour retard de paiement', 'Période de la facture concernée : du 01/11/2026 au 30/11/2026', 'Majoration de retard sur la facture n° F-2026-000123', 'Total à payer 780,74 €', 'Hors champ de la TVA', 'Indemnité forfaitaire']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Total TTC');
  });

  it('marks a draft "BROUILLON — sans valeur" and prints no number', () => {
    const text = flat(renderInvoicePdf(invoice({ number: null })));
    expect(text).toContain('BROUILLON — sans valeur');
    expect(text).not.toMatch(/N° F-/);
  });

  it('draws text that Intl formats with narrow no-break spaces, and folds characters outside WinAnsi', () => {
    const intl = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(1234.56);
    expect(intl).toContain('\u202f');
    const text = flat(renderInvoicePdf(invoice({ lines: [line(`Remise exceptionnelle ${intl} — Łódź Gdańsk`, 1000)] })));
    expect(text).toContain('Remise exceptionnelle 1 234,56 € — ?ódz Gdansk');
    expect(toWinAnsi('a\u2009b\u202fc\td')).toBe('a\u00a0b\u00a0c d');
    expect(toWinAnsi('œ € « » – ’ 😀')).toBe('œ € « » – ’ ?');
  });
});

describe('renderInvoicesBatchPdf', () => {
  it('starts each invoice on a new page with its own page numbering', () => {
    const long = invoice({ lines: Array.from({ length: 40 }, (_, i) => line(`Ligne ${i + 1}`, 100)) });
    const pages = pdfPages(renderInvoicesBatchPdf([long, invoice({ number: 'F-2026-000124' })]));
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain('Page 1/2');
    expect(pages[1]).toContain('Page 2/2');
    expect(pages[2]).toContain('N° F-2026-000124');
    expect(pages[2]).toContain('Page 1/1');
  });
});

const contract = { reference: 'C-2026-0042', label: 'Hébergement Dokos T99' };
const unpaid = { invoiceNumber: 'F-2026-000123', invoiceDate: '2026-11-01', dueDate: '2026-12-01', amountDueCents: 123456 };
const LETTER_PARAMS: { [K in LetterKind]: LetterParamsByKind[K] } = {
  terminationAcknowledgement: { contract, letterDate: '2027-02-02', noticeReceivedOn: '2027-01-31', channel: 'registeredLetter' },
  priceChange: { contract, letterDate: '2026-11-27', reason: 'la hausse du coût de l’énergie', prices: [{ label: 'Formule T99', currentCents: 9900, newCents: 10900 }] },
  tierChange: {
    contract, letterDate: '2026-11-04', month: '2026-10', currentTier: { id: 'T99', priceCents: 9900 }, newTier: { id: 'T199', priceCents: 19900 },
    effectiveFrom: '2026-11-01', overLimits: ['Stockage : 14 Go pour 10 Go inclus'], supplementCents: 10000,
  },
  paymentReminder: { contract, letterDate: '2026-12-08', ...unpaid },
  formalNotice: { contract, letterDate: '2026-12-16', ...unpaid },
  nonPaymentTermination: { contract, letterDate: '2027-01-05', ...unpaid },
  breachNotice: { contract, letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' },
  breachTermination: { contract, letterDate: '2027-05-04', description: 'le module de contrôle de licence a été désactivé.', breachNoticeSentOn: '2027-03-29', breachNoticeReceivedOn: '2027-04-01' },
  forceMajeureTermination: { contract, letterDate: '2026-11-02', event: 'l’incendie du centre de données de Strasbourg', startedOn: '2026-10-01' },
  receiptCorrection: {
    contract, letterDate: '2026-12-07',
    corrects: { kind: 'breachNotice', sentOn: '2027-03-05', receivedOn: '2027-03-15', params: { 'contract.reference': 'C-2026-0042', letterDate: '2027-03-05', description: 'le module de contrôle de licence a été désactivé.' } },
  },
};

const [DL, C5] = DEFAULT_ENVELOPE_MODELS as [EnvelopeModel, EnvelopeModel];
const recipient = { name: 'Boulangerie Lefèvre & Fils SARL', addressLines: ['À l’attention de Mme Françoise Müller', '3 place Stanislas'], postalCode: '54000', city: 'Nancy', country: 'FR' };

function letterModel(kind: LetterKind, overrides: Partial<LetterDocumentModel> = {}): LetterDocumentModel {
  const params = LETTER_PARAMS[kind];
  return { seller: DEMO_SELLER_PROFILE, recipient, envelope: DL, date: params.letterDate, content: composeLetter(kind, params as never), ...overrides };
}

describe('renderLetterPdf', () => {
  it.each(LETTER_KINDS)('%s: the PDF carries the subject, the computed dates, the amounts and the clauses', (kind) => {
    const model = letterModel(kind);
    const text = flat(renderLetterPdf(model));
    const { content } = model;
    expect(text).toContain(`Nancy, le ${formatDateLongFr(model.date)}`);
    expect(text).toContain('Lettre recommandée avec accusé de réception n° ____');
    expect(text).toContain(`Objet : ${content.subject}`);
    expect(text).toContain('Référence : Contrat n° C-2026-0042 — Hébergement Dokos T99');
    expect(text).toContain('Madame, Monsieur,');
    for (const d of content.deadlines) expect(text, d.label).toContain(formatDateLongFr(d.value));
    const written = content.paragraphs.join(' ');
    for (const amount of written.match(/\d[\d\u00a0]*,\d\d\u00a0€/g) ?? []) expect(text).toContain(plain(amount));
    const articles = written.match(/l’article \d+(\.\d+)? de nos conditions générales de vente/g) ?? [];
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) expect(text).toContain(article);
    expect(text).toContain('Service clients DOKOS SAS');
    expect(text).toMatch(/SIREN 732829320 — RCS Nancy 732 829 320/);
  });

  it('prints the registered number when known, the partner copy, and numbers the pages of a long letter', () => {
    const base = letterModel('breachNotice');
    const long = { ...base.content, paragraphs: Array.from({ length: 14 }, (_, i) => `Paragraphe ${i + 1} : ${base.content.paragraphs[1] ?? ''}`) };
    const pages = pdfPages(renderLetterPdf({ ...base, content: long, registeredNumber: '1A 234 567 8901 2', copyTo: 'Intégrations de l’Est SARL, partenaire Dokos' }));
    expect(pages.length).toBe(2);
    expect(pages[0]).toContain('Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2');
    expect(pages[0]).toContain('Copie : Intégrations de l’Est SARL, partenaire Dokos');
    expect(pages[0]).toContain('Page 1/2');
    expect(pages[1]).toContain('Notification d’un manquement contractuel (suite)');
    expect(pages[1]).toContain('Page 2/2');
    expect(pages[1]).toContain('Paragraphe 14');
  });

  it('prints a foreign address with its country in capitals', () => {
    const text = flat(renderLetterPdf(letterModel('paymentReminder', { recipient: { ...recipient, postalCode: '1000', city: 'Bruxelles', country: 'BE' } })));
    expect(text).toContain('1000 BRUXELLES BELGIQUE');
  });
});

describe('recipient block in the envelope window', () => {
  it.each([DL, C5])('$id: the address block lies inside the window, by the helper and in the PDF itself', (envelope) => {
    const win = windowRect(envelope);
    const block = recipientBlockRect(envelope);
    expect(block.x).toBeGreaterThanOrEqual(win.x);
    expect(block.y).toBeGreaterThanOrEqual(win.y);
    expect(block.x + block.width).toBeLessThanOrEqual(win.x + win.width);
    expect(block.y + block.height).toBeLessThanOrEqual(win.y + win.height);

    const words = pdfWords(renderLetterPdf(letterModel('terminationAcknowledgement', { envelope })));
    // Words found only in the address (the sender also writes "54000 Nancy").
    const addressWords = ['Boulangerie', 'Lefèvre', 'Müller', 'Stanislas', 'NANCY'];
    for (const expected of addressWords) {
      const word = words.find((w) => w.text === expected);
      expect(word, expected).toBeDefined();
      expect(insideMm(word as Word, block), `${expected} dans le bloc adresse`).toBe(true);
    }
    // The sender's block stays out of the window, else it would show through.
    const sender = words.find((w) => w.text === 'Saint-Dizier');
    expect(insideMm(sender as Word, win)).toBe(false);
  });

  it('prints a calibration page with the window frame and its offsets', () => {
    const text = flat(renderEnvelopeCalibrationPdf(C5));
    for (const expected of ['Calibrage de l’enveloppe : C5 162 × 229 mm', '105 mm du bord gauche', '55 mm du haut', 'Fenêtre 95 × 45 mm', 'exactement 100 mm', 'Société Exemple SAS']) {
      expect(text).toContain(expected);
    }
  });
});

describe('renderLettersBatchPdf', () => {
  it('prints one letter per page group', () => {
    const pages = pdfPages(renderLettersBatchPdf([letterModel('paymentReminder'), letterModel('formalNotice')]));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Relance — facture n° F-2026-000123 impayée');
    expect(pages[1]).toContain('Mise en demeure de payer — facture n° F-2026-000123');
    expect(pages[1]).toContain(plain(formatEuros(61728)));
  });
});
