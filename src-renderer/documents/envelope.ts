import type { jsPDF } from 'jspdf';
import type { EnvelopeModel } from '../../src-core/settings';
import { postalLines, type PostalAddress } from './address';
import { PAGE, font, lineHeight, newA4, text, toBytes, wrap } from './page';

export interface RectMm {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A letter moves a few millimetres inside its envelope: the address keeps this
 * clearance from the window's edges so no line is ever hidden (La Poste asks
 * for a free margin around the address block).
 */
const WINDOW_CLEARANCE = { left: 5, top: 5, right: 4, bottom: 4 } as const;

export function windowRect(envelope: EnvelopeModel): RectMm {
  return { x: envelope.windowLeftMm, y: envelope.windowTopMm, width: envelope.windowWidthMm, height: envelope.windowHeightMm };
}

/** Where the recipient's address is printed, in mm from the page's top-left: inside the window, with clearance. */
export function recipientBlockRect(envelope: EnvelopeModel): RectMm {
  const w = windowRect(envelope);
  return {
    x: w.x + WINDOW_CLEARANCE.left,
    y: w.y + WINDOW_CLEARANCE.top,
    width: w.width - WINDOW_CLEARANCE.left - WINDOW_CLEARANCE.right,
    height: w.height - WINDOW_CLEARANCE.top - WINDOW_CLEARANCE.bottom,
  };
}

/** Address font sizes tried in turn until the block fits its rectangle (6 lines of 38 characters at most, La Poste). */
const ADDRESS_SIZES = [10.5, 9.5] as const;
const MIN_ADDRESS_SIZE = 8.5;

/** Prints the address inside the envelope window, the name in bold; a smaller size is used if it would not fit. */
export function drawRecipientBlock(doc: jsPDF, address: PostalAddress, envelope: EnvelopeModel): void {
  const rect = recipientBlockRect(envelope);
  const linesAt = (size: number) => {
    font(doc, size);
    return postalLines(address).map((line) => wrap(doc, line, rect.width));
  };
  const size = ADDRESS_SIZES.find((s) => linesAt(s).flat().length * lineHeight(s) <= rect.height) ?? MIN_ADDRESS_SIZE;
  let y = rect.y;
  linesAt(size).forEach((wrapped, i) => {
    font(doc, size, i === 0 ? 'bold' : 'normal');
    for (const line of wrapped) {
      doc.text(line, rect.x, y, { baseline: 'top' });
      y += lineHeight(size);
    }
  });
}

const SAMPLE_ADDRESS: PostalAddress = {
  name: 'Société Exemple SAS',
  addressLines: ['Service comptabilité', '10 rue de la Paix'],
  postalCode: '75002',
  city: 'Paris',
  country: 'FR',
};

function dimension(doc: jsPDF, x1: number, y1: number, x2: number, y2: number, label: string): void {
  doc.setLineDashPattern([], 0);
  doc.line(x1, y1, x2, y2);
  font(doc, 8, 'normal', 60);
  text(doc, label, (x1 + x2) / 2 + (x1 === x2 ? 1.5 : 0), (y1 + y2) / 2 + (y1 === y2 ? -4 : 0), x1 === x2 ? 'left' : 'center');
}

/**
 * A page to hold against an envelope: the window's frame, the address block
 * inside it, their offsets from the page edges, and a 100 mm rule to check the
 * printer did not scale the page (a scaled print would misplace every address).
 */
export function renderEnvelopeCalibrationPdf(envelope: EnvelopeModel): Uint8Array {
  const doc = newA4();
  const w = windowRect(envelope);
  const r = recipientBlockRect(envelope);
  doc.setDrawColor(200, 0, 0);
  doc.setLineWidth(0.4);
  doc.setLineDashPattern([2, 1.5], 0);
  doc.rect(w.x, w.y, w.width, w.height);
  doc.setDrawColor(0, 90, 200);
  doc.setLineWidth(0.2);
  doc.setLineDashPattern([0.5, 1], 0);
  doc.rect(r.x, r.y, r.width, r.height);
  drawRecipientBlock(doc, SAMPLE_ADDRESS, envelope);

  doc.setDrawColor(90);
  dimension(doc, 0, w.y + w.height + 6, w.x, w.y + w.height + 6, `${w.x} mm du bord gauche`);
  dimension(doc, w.x - 4, 0, w.x - 4, w.y, `${w.y} mm du haut`);
  font(doc, 8.5, 'normal', 60);
  text(doc, `Fenêtre ${w.width} × ${w.height} mm — adresse imprimée dans ${r.width} × ${r.height} mm`, w.x, w.y + w.height + 10);

  // Instructions below the window, away from the offset lines drawn from the page edges.
  let y = w.y + w.height + 22;
  font(doc, 14, 'bold');
  text(doc, `Calibrage de l’enveloppe : ${envelope.label}`, PAGE.margin, y);
  y += lineHeight(14) + 2;
  font(doc, 9.5);
  const help = [
    'Imprimez cette page à 100 % (sans « ajuster à la page »), pliez-la comme un courrier et glissez-la dans l’enveloppe.',
    'Le cadre en tirets doit coïncider avec la fenêtre ; l’adresse doit y apparaître entière, même en secouant l’enveloppe.',
    'Sinon, corrigez les décalages de ce modèle dans Paramètres › Enveloppes.',
  ];
  for (const line of help) {
    for (const part of wrap(doc, line, PAGE.width - 2 * PAGE.margin)) {
      doc.text(part, PAGE.margin, y, { baseline: 'top' });
      y += lineHeight(9.5);
    }
  }
  const ruleY = y + 15;
  doc.setDrawColor(0);
  doc.setLineDashPattern([], 0);
  doc.line(PAGE.margin, ruleY, PAGE.margin + 100, ruleY);
  for (let mm = 0; mm <= 100; mm += 10) doc.line(PAGE.margin + mm, ruleY - (mm % 50 === 0 ? 3 : 1.5), PAGE.margin + mm, ruleY);
  font(doc, 9);
  text(doc, 'Ce trait doit mesurer exactement 100 mm (10 cm) une fois imprimé.', PAGE.margin, ruleY + 2);
  return toBytes(doc);
}
