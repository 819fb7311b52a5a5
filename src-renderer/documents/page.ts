import { jsPDF } from 'jspdf';
import type { SellerProfile } from '../../src-core/settings';
import { toWinAnsi } from './winansi';

/** A4 portrait in millimetres: every position in these documents is in mm from the page's top-left. */
export const PAGE = { width: 210, height: 297, margin: 18, footerTop: 280 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Points to millimetres, for line heights derived from a font size. */
export const PT = 25.4 / 72;

/**
 * jsPDF's text hooks: the Arabic shaper (preProcessText), the bidi reorderer
 * and the UTF-8 escaper for embedded fonts (postProcessText). Every string
 * these documents draw is folded into WinAnsi first (`toWinAnsi`), which has
 * no Arabic and no right-to-left letter, and the fonts are the standard ones,
 * so the three hooks return their input unchanged — at a third of the cost of
 * each `doc.text`. They are unsubscribed from each document this module makes
 * (never from jsPDF itself, which other code may use).
 */
const TEXT_HOOK_TOPICS = ['preProcessText', 'postProcessText'] as const;
const TEXT_HOOKS = new Set<unknown>(
  (jsPDF.API.events as unknown as [string, unknown][])
    .filter(([topic]) => (TEXT_HOOK_TOPICS as readonly string[]).includes(topic))
    .map(([, handler]) => (Array.isArray(handler) ? handler[0] : handler)),
);

type Topics = Record<string, Record<string, [unknown, boolean]>>;

function dropTextHooks(doc: jsPDF): void {
  const topics = (doc.internal as unknown as { events: { getTopics(): Topics } }).events.getTopics();
  for (const topic of TEXT_HOOK_TOPICS) {
    const subscribers = topics[topic];
    if (!subscribers) continue;
    for (const token of Object.keys(subscribers)) {
      if (TEXT_HOOKS.has(subscribers[token]![0])) delete subscribers[token];
    }
    if (Object.keys(subscribers).length === 0) delete topics[topic];
  }
}

/**
 * A new A4 document. `compress` deflates the content streams (the fonts are
 * standard, not embedded, so they are all that weighs): a one-page invoice is
 * ≈ 3 KB compressed, ≈ 8 KB not — but deflating is a fifth of the time of an
 * invoice in Chromium, so a document saved alone, one of a thousand, skips it
 * while a file of many documents keeps it.
 */
export function newA4(options: { compress?: boolean } = {}): jsPDF {
  // putOnlyUsedFonts: the file declares the two or three Helvetica faces drawn, not all fourteen standard fonts.
  const doc = new jsPDF({ unit: 'mm', format: 'a4', orientation: 'portrait', compress: options.compress ?? true, putOnlyUsedFonts: true });
  dropTextHooks(doc);
  return doc;
}

export type Weight = 'normal' | 'bold' | 'italic';

export function font(doc: jsPDF, size: number, weight: Weight = 'normal', grey = 0): void {
  doc.setFont('helvetica', weight);
  doc.setFontSize(size);
  doc.setTextColor(grey);
}

/** Line height for a font size, 1.25 × the size. */
export function lineHeight(size: number): number {
  return size * PT * 1.25;
}

/** Draws text made WinAnsi-safe; every string drawn goes through here or through `wrap`. */
export function text(doc: jsPDF, value: string, x: number, y: number, align: 'left' | 'right' | 'center' = 'left'): void {
  doc.text(toWinAnsi(value), x, y, { align, baseline: 'top' });
}

/** Splits a paragraph into lines that fit `width` at the current font. */
export function wrap(doc: jsPDF, value: string, width: number): string[] {
  return doc.splitTextToSize(toWinAnsi(value), width) as string[];
}

/** "Société par actions simplifiée au capital de 10 000 € — RCS Nancy 732 829 320 — SIREN … — TVA …" */
export function sellerLegalLine(seller: SellerProfile): string {
  return [
    `${seller.legalName}, ${seller.legalForm} au capital de ${seller.capital}`,
    `${seller.addressLines.join(', ')}, ${seller.postalCode} ${seller.city}`,
    `SIREN ${seller.siren}`,
    seller.rcs,
    `TVA intracommunautaire ${seller.vatNumber}`,
  ].join(' — ');
}

/**
 * Pixel sizes of the logos drawn, by data URL. jsPDF's getImageProperties
 * decodes the whole image, as addImage does again: knowing the size spares
 * one of the two decodes per document. Only two numbers per logo are kept
 * (a seller has one; the map is cleared past a few), never a document.
 */
const logoSizes = new Map<string, { width: number; height: number }>();
const MAX_LOGO_SIZES = 4;

function logoSize(doc: jsPDF, dataUrl: string): { width: number; height: number } {
  let size = logoSizes.get(dataUrl);
  if (!size) {
    const { width, height } = doc.getImageProperties(dataUrl);
    size = { width, height };
    if (logoSizes.size >= MAX_LOGO_SIZES) logoSizes.clear();
    logoSizes.set(dataUrl, size);
  }
  return size;
}

/** The seller's logo, top-left, at most maxWidth × maxHeight mm, its proportions kept. Returns its height. */
export function drawLogo(doc: jsPDF, seller: SellerProfile, x: number, y: number, maxWidth: number, maxHeight: number): number {
  if (!seller.logoDataUrl) return 0;
  const { width, height } = logoSize(doc, seller.logoDataUrl);
  const scale = Math.min(maxWidth / width, maxHeight / height);
  doc.addImage(seller.logoDataUrl, x, y, width * scale, height * scale);
  return height * scale;
}

/**
 * Legal footer and "Page k/n" on pages first..last of the document, numbered
 * from 1: called once a document is complete, because n is only known then,
 * and per document so that each invoice of a batch has its own numbering.
 */
export function finishPages(doc: jsPDF, seller: SellerProfile, first: number, last: number, numbered = true): void {
  const total = last - first + 1;
  for (let page = first; page <= last; page++) {
    doc.setPage(page);
    font(doc, 7, 'normal', 90);
    const lines = wrap(doc, sellerLegalLine(seller), CONTENT_WIDTH - 22);
    lines.forEach((line, i) => text(doc, line, PAGE.margin, PAGE.footerTop + i * lineHeight(7)));
    if (numbered) {
      font(doc, 8, 'normal', 60);
      text(doc, `Page ${page - first + 1}/${total}`, PAGE.width - PAGE.margin, PAGE.footerTop, 'right');
    }
  }
  doc.setPage(last);
}

export function toBytes(doc: jsPDF): Uint8Array {
  return new Uint8Array(doc.output('arraybuffer'));
}
