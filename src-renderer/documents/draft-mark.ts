import { GState, type jsPDF } from 'jspdf';
import { PAGE, font, text } from './page';
import { toWinAnsi } from './winansi';

export const DRAFT_MARK = 'BROUILLON — sans valeur';

/** A faint diagonal "BROUILLON — sans valeur" across a page, so a draft can never pass for an issued document. */
export function drawDraftWatermark(doc: jsPDF): void {
  doc.saveGraphicsState();
  doc.setGState(new GState({ opacity: 0.15 }));
  font(doc, 44, 'bold', 120);
  const label = toWinAnsi(DRAFT_MARK);
  const half = doc.getTextWidth(label) / 2;
  const angle = 50;
  const rad = (angle * Math.PI) / 180;
  // jsPDF rotates around the text's start point: step back half the width along the slant to centre it.
  doc.text(label, PAGE.width / 2 - half * Math.cos(rad), PAGE.height / 2 + half * Math.sin(rad), { angle });
  doc.restoreGraphicsState();
}

/** The draft mark in the place of the number, in red. */
export function drawDraftNumber(doc: jsPDF, x: number, y: number): void {
  font(doc, 10, 'bold');
  doc.setTextColor(180, 0, 0);
  text(doc, DRAFT_MARK, x, y, 'right');
  doc.setTextColor(0);
}
