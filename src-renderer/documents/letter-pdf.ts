import type { jsPDF } from 'jspdf';
import { formatDateLongFr, type IsoDate } from '../../src-core/dates';
import type { LetterContent } from '../../src-core/letters/types';
import type { EnvelopeModel, SellerProfile } from '../../src-core/settings';
import type { PostalAddress } from './address';
import { drawRecipientBlock, windowRect } from './envelope';
import { CONTENT_WIDTH, PAGE, drawLogo, finishPages, font, lineHeight, newA4, text, toBytes, wrap } from './page';

export interface LetterDocumentModel {
  seller: SellerProfile;
  recipient: PostalAddress;
  envelope: EnvelopeModel;
  /** Sending date, printed as "Nancy, le 27 novembre 2026" (the place is the seller's letterPlace). */
  date: IsoDate;
  /** La Poste number of the registered letter; left blank to be written by hand when not yet known. */
  registeredNumber?: string;
  content: LetterContent;
  /** A Dokos Partner receives a copy of the client's letters (§4.6). */
  copyTo?: string;
}

const BODY_SIZE = 10;
const BODY_BOTTOM = PAGE.footerTop - 8;
const LIST_INDENT = 5;

/** Sender identity and legal mentions, top-left, clear of the envelope window. */
function drawSender(doc: jsPDF, seller: SellerProfile): number {
  let y = PAGE.margin;
  const logo = drawLogo(doc, seller, PAGE.margin, y, 45, 16);
  if (logo) y += logo + 3;
  font(doc, 11, 'bold');
  text(doc, seller.legalName, PAGE.margin, y);
  y += lineHeight(11);
  const blocks: [number, string[]][] = [
    [9, [...seller.addressLines, `${seller.postalCode} ${seller.city}`, `${seller.phone} — ${seller.email}`]],
    [7.5, [`${seller.legalForm} au capital de ${seller.capital}`, `SIREN ${seller.siren} — ${seller.rcs}`, `TVA intracommunautaire ${seller.vatNumber}`]],
  ];
  for (const [size, lines] of blocks) {
    font(doc, size, 'normal', size < 9 ? 80 : 0);
    for (const line of lines) {
      text(doc, line, PAGE.margin, y);
      y += lineHeight(size);
    }
    y += 1;
  }
  return y;
}

/**
 * Writes the body top-down, starting a new page when a block would cross the
 * footer; continuation pages carry the subject so a loose sheet is identifiable.
 */
class BodyWriter {
  constructor(
    private readonly doc: jsPDF,
    private readonly subject: string,
    public y: number,
  ) {}

  /** List items sit close together; the paragraph after a list gets the usual gap back. */
  private afterItem = false;

  private ensure(height: number): void {
    if (this.y + height <= BODY_BOTTOM) return;
    this.doc.addPage();
    font(this.doc, 8.5, 'normal', 90);
    text(this.doc, `${this.subject} (suite)`, PAGE.margin, PAGE.margin - 4);
    this.y = PAGE.margin + 6;
  }

  /** A paragraph, wrapped; "– " items get a hanging indent. Lines may break across pages. */
  paragraph(value: string, weight: 'normal' | 'bold' = 'normal', after = 3): void {
    const item = value.startsWith('– ');
    const indent = item ? LIST_INDENT : 0;
    if (this.afterItem && !item) this.y += after;
    this.afterItem = item;
    font(this.doc, BODY_SIZE, weight);
    const lines = wrap(this.doc, item ? value.slice(2) : value, CONTENT_WIDTH - indent);
    lines.forEach((line, i) => {
      this.ensure(lineHeight(BODY_SIZE));
      font(this.doc, BODY_SIZE, weight);
      if (item && i === 0) this.doc.text('–', PAGE.margin + 1, this.y, { baseline: 'top' });
      this.doc.text(line, PAGE.margin + indent, this.y, { baseline: 'top' });
      this.y += lineHeight(BODY_SIZE);
    });
    this.y += item ? 0.5 : after;
  }

  /** Lines that must stay together on one page (the signature). */
  block(lines: string[], x: number, weight: 'normal' | 'bold'): void {
    this.ensure(lines.length * lineHeight(BODY_SIZE));
    font(this.doc, BODY_SIZE, weight);
    for (const line of lines) {
      text(this.doc, line, x, this.y);
      this.y += lineHeight(BODY_SIZE);
    }
  }
}

function registeredLine(number: string | undefined): string {
  // Unknown until the sticker is on the envelope: a rule to write it by hand.
  return `Lettre recommandée avec accusé de réception n° ${number ?? '________________________'}`;
}

function drawLetter(doc: jsPDF, model: LetterDocumentModel): void {
  const first = doc.getNumberOfPages();
  const { content, seller } = model;
  const senderBottom = drawSender(doc, seller);
  drawRecipientBlock(doc, model.recipient, model.envelope);
  const window = windowRect(model.envelope);
  let y = Math.max(senderBottom, window.y + window.height) + 6;
  font(doc, BODY_SIZE);
  text(doc, `${seller.letterPlace}, le ${formatDateLongFr(model.date)}`, window.x, y);
  y += lineHeight(BODY_SIZE) + 6;

  font(doc, 9.5, 'bold');
  text(doc, registeredLine(model.registeredNumber), PAGE.margin, y);
  y += lineHeight(9.5) + 2;
  const body = new BodyWriter(doc, content.subject, y);
  body.paragraph(`Objet : ${content.subject}`, 'bold', 0.5);
  body.paragraph(`Référence : ${content.contractReference}`, 'normal', 0.5);
  if (model.copyTo) body.paragraph(`Copie : ${model.copyTo}`, 'normal', 0.5);
  body.y += 6;
  body.paragraph(content.salutation, 'normal', 3);
  content.paragraphs.forEach((p) => body.paragraph(p));
  body.paragraph(content.closing, 'normal', 8);
  body.block([seller.signatoryName, seller.signatoryTitle].filter(Boolean), window.x, 'bold');

  const last = doc.getNumberOfPages();
  // A one-page letter carries no "Page 1/1"; a longer one is numbered so its sheets stay in order.
  finishPages(doc, seller, first, last, last > first);
}

/** A registered letter as PDF bytes, its address placed for the envelope's window. */
export function renderLetterPdf(model: LetterDocumentModel): Uint8Array {
  return renderLettersBatchPdf([model]);
}

/** Several letters in one PDF, each starting on a new page with its own numbering; nothing kept afterwards. */
export function renderLettersBatchPdf(models: readonly LetterDocumentModel[]): Uint8Array {
  const doc = newA4();
  models.forEach((model, i) => {
    if (i > 0) doc.addPage();
    drawLetter(doc, model);
  });
  return toBytes(doc);
}
