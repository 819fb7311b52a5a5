import type { jsPDF } from 'jspdf';
import { PAGE } from './page';
import { toWinAnsi } from './winansi';

/**
 * The invoice lines table, drawn directly: the layout jspdf-autotable's
 * "striped" theme gave these documents (dark header in bold white, every other
 * row greyed, numbers right-aligned, the designation wrapped), the header
 * repeated on each page the table runs onto — at a fraction of the cost:
 * autotable re-resolved its themes and styles for every cell, a third of the
 * time of an invoice.
 */
export interface TableColumn {
  header: string;
  /** Width in mm; the one column without a width takes what is left of the content width. */
  width?: number;
  /** Of the body cells; headers are left-aligned. */
  align: 'left' | 'right';
}

export interface TableLayout {
  columns: readonly TableColumn[];
  /** Cell texts, one array per row, in column order. */
  rows: readonly (readonly string[])[];
  startY: number;
  /** Where a row may not reach (the legal footer is below). */
  bottom: number;
  /** Where the table resumes on a new page. */
  topOnNewPage: number;
}

const FONT_SIZE = 9;
const PADDING = 1.8;
/** jsPDF's line-height factor, the one autotable used: rows keep their height. */
const LINE_FACTOR = 1.15;
const HEAD_FILL: [number, number, number] = [45, 62, 80];
const STRIPE_FILL = 245;
const TEXT_GREY = 20;

interface Cell {
  lines: string[];
  align: 'left' | 'right';
}

/** Draws the table from `startY`, breaking onto new pages as needed; returns the y below its last row. */
export function drawTable(doc: jsPDF, layout: TableLayout): number {
  const { columns, rows } = layout;
  const k = doc.internal.scaleFactor;
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const widths = columns.map((c) => c.width ?? PAGE.width - 2 * PAGE.margin - fixed);
  const xs = widths.map((_, i) => PAGE.margin + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const tableWidth = widths.reduce((a, b) => a + b, 0);
  const lineHeight = (FONT_SIZE * LINE_FACTOR) / k;
  // Where the first line's baseline sits below the cell's top padding, as autotable placed it.
  const ascent = (FONT_SIZE / k) * (2 - LINE_FACTOR);

  const split = (value: string, i: number, align: Cell['align']): Cell => ({
    lines: doc.splitTextToSize(toWinAnsi(value), widths[i]! - 2 * PADDING) as string[],
    align,
  });
  const height = (cells: readonly Cell[]) => Math.max(...cells.map((c) => c.lines.length)) * lineHeight + 2 * PADDING;

  const drawRow = (cells: readonly Cell[], y: number, rowHeight: number, fill: number | [number, number, number] | null) => {
    if (fill !== null) {
      if (Array.isArray(fill)) doc.setFillColor(fill[0], fill[1], fill[2]);
      else doc.setFillColor(fill, fill, fill);
      doc.rect(PAGE.margin, y, tableWidth, rowHeight, 'F');
    }
    cells.forEach((cell, i) => {
      const x = cell.align === 'right' ? xs[i]! + widths[i]! - PADDING : xs[i]! + PADDING;
      let ty = y + PADDING + ascent;
      for (const line of cell.lines) {
        doc.text(line, x, ty, cell.align === 'right' ? { align: 'right' } : {});
        ty += lineHeight;
      }
    });
  };

  doc.setFontSize(FONT_SIZE);
  doc.setFont('helvetica', 'bold');
  // Headers stay left-aligned over every column, as autotable drew them.
  const head = columns.map((c, i) => split(c.header, i, 'left'));
  const headHeight = height(head);
  doc.setFont('helvetica', 'normal');
  const body = rows.map((row) => row.map((value, i) => split(value, i, columns[i]!.align)));

  const drawHead = (y: number) => {
    doc.setFont('helvetica', 'bold');
    doc.setTextColor(255);
    drawRow(head, y, headHeight, HEAD_FILL);
    doc.setFont('helvetica', 'normal');
    doc.setTextColor(TEXT_GREY);
    return y + headHeight;
  };

  let y = layout.startY;
  // The header never sits alone at the bottom of a page: with the first row, or on the next page.
  if (y + headHeight + (body[0] ? height(body[0]) : 0) > layout.bottom) {
    doc.addPage();
    y = layout.topOnNewPage;
  }
  y = drawHead(y);
  body.forEach((cells, index) => {
    const rowHeight = height(cells);
    if (y + rowHeight > layout.bottom) {
      doc.addPage();
      y = drawHead(layout.topOnNewPage);
    }
    // The first row greyed, then every other one.
    drawRow(cells, y, rowHeight, index % 2 === 0 ? STRIPE_FILL : null);
    y += rowHeight;
  });
  return y;
}
