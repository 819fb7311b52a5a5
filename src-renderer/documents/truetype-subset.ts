import fontkit from '@pdf-lib/fontkit';

/**
 * A TrueType font cut down to the WinAnsi characters the documents draw
 * (every string goes through `toWinAnsi`), ready to embed as a simple
 * TrueType font with /WinAnsiEncoding: the PDF's content streams stay the
 * single-byte ones jsPDF writes. fontkit's subsetter keeps the outlines and
 * metrics but drops the cmap, which a non-symbolic TrueType font needs
 * (PDF/A-3 6.2.11.6), so a (3,1) Unicode cmap is added back here.
 * Made once per font and reused by every document.
 */

/** WinAnsiEncoding (PDF 32000-1 annex D) codes 0x80–0x9F; the rest of 0x20–0xFF is ASCII and Latin-1. */
const WINANSI_HIGH: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02c6,
  0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201c,
  0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc, 0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a,
  0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

export const FIRST_CHAR = 0x20;
export const LAST_CHAR = 0xff;

/** The Unicode code point of a WinAnsi code, or undefined for the codes it leaves unassigned. */
export function winAnsiToUnicode(code: number): number | undefined {
  if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) return code;
  return WINANSI_HIGH[code];
}

export interface EmbeddableFont {
  /** PostScript name, with the six-letter subset tag PDF asks of a subset. */
  baseFont: string;
  /** The subset font program (FontFile2). */
  program: Uint8Array;
  /** Advance widths of codes FIRST_CHAR…LAST_CHAR in 1/1000 em, as the font program has them. */
  widths: number[];
  flags: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  ascent: number;
  descent: number;
  capHeight: number;
}

function collect(stream: ReturnType<ReturnType<ReturnType<typeof fontkit.create>['createSubset']>['encodeStream']>): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    stream.on('data', (chunk) => parts.push(chunk));
    stream.on('end', () => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      resolve(out);
    });
  });
}

/** A (3,1) format 4 cmap, one segment per character (a couple of hundred: no need to merge ranges). */
function cmapTable(map: ReadonlyMap<number, number>): Uint8Array {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const segCount = codes.length + 1;
  const subtableLength = 16 + segCount * 8;
  const out = new DataView(new ArrayBuffer(12 + subtableLength));
  out.setUint16(0, 0);
  out.setUint16(2, 1);
  out.setUint16(4, 3);
  out.setUint16(6, 1);
  out.setUint32(8, 12);
  const t = 12;
  const entrySelector = Math.floor(Math.log2(segCount));
  const searchRange = 2 * 2 ** entrySelector;
  out.setUint16(t, 4);
  out.setUint16(t + 2, subtableLength);
  out.setUint16(t + 4, 0);
  out.setUint16(t + 6, segCount * 2);
  out.setUint16(t + 8, searchRange);
  out.setUint16(t + 10, entrySelector);
  out.setUint16(t + 12, segCount * 2 - searchRange);
  const ends = t + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const offsets = deltas + segCount * 2;
  [...codes, 0xffff].forEach((code, i) => {
    out.setUint16(ends + 2 * i, code);
    out.setUint16(starts + 2 * i, code);
    out.setUint16(deltas + 2 * i, code === 0xffff ? 1 : (map.get(code)! - code) & 0xffff);
    out.setUint16(offsets + 2 * i, 0);
  });
  return new Uint8Array(out.buffer);
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** An sfnt's tables by tag, each a copy. */
function readTables(font: Uint8Array): Map<string, Uint8Array> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, Uint8Array>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(...font.subarray(rec, rec + 4));
    tables.set(tag, font.slice(view.getUint32(rec + 8), view.getUint32(rec + 8) + view.getUint32(rec + 12)));
  }
  return tables;
}

/** Adds `extra` to an sfnt and writes it again with its directory, checksums and head adjustment. */
function withTables(font: Uint8Array, extra: Record<string, Uint8Array>): Uint8Array {
  const tables = readTables(font);
  for (const [tag, bytes] of Object.entries(extra)) tables.set(tag, bytes);
  const tags = [...tables.keys()].sort();
  const headerLength = 12 + 16 * tags.length;
  const total = headerLength + tags.reduce((n, tag) => n + Math.ceil(tables.get(tag)!.length / 4) * 4, 0);
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(tags.length));
  dv.setUint32(0, 0x00010000);
  dv.setUint16(4, tags.length);
  dv.setUint16(6, 16 * 2 ** entrySelector);
  dv.setUint16(8, entrySelector);
  dv.setUint16(10, tags.length * 16 - 16 * 2 ** entrySelector);
  let at = headerLength;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const bytes = tables.get(tag)!;
    if (tag === 'head') {
      headAt = at;
      new DataView(bytes.buffer, bytes.byteOffset).setUint32(8, 0);
    }
    const rec = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
    dv.setUint32(rec + 4, checksum(bytes));
    dv.setUint32(rec + 8, at);
    dv.setUint32(rec + 12, bytes.length);
    out.set(bytes, at);
    at += Math.ceil(bytes.length / 4) * 4;
  });
  if (headAt >= 0) dv.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

/** "AAAAAA"-style tag from the font's name, the same for the same font: documents stay reproducible. */
function subsetTag(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return Array.from({ length: 6 }, (_, i) => String.fromCharCode(65 + (Math.floor(h / 26 ** i) % 26))).join('');
}

export async function winAnsiSubset(fontBytes: Uint8Array): Promise<EmbeddableFont> {
  const font = fontkit.create(fontBytes);
  const name = font.postscriptName ?? 'Font';
  const subset = font.createSubset();
  const scale = 1000 / font.unitsPerEm;
  const cmap = new Map<number, number>();
  const widths: number[] = [];
  for (let code = FIRST_CHAR; code <= LAST_CHAR; code++) {
    const unicode = winAnsiToUnicode(code);
    const glyph = unicode === undefined ? undefined : font.glyphForCodePoint(unicode);
    if (unicode === undefined || !glyph || glyph.id === 0) {
      widths.push(0);
      continue;
    }
    cmap.set(unicode, subset.includeGlyph(glyph));
    widths.push(Math.round(glyph.advanceWidth * scale));
  }
  // The original's name (its copyright and licence travel with the glyphs) and OS/2; post in
  // version 3, without glyph names, since the subset renumbers the glyphs.
  const original = readTables(fontBytes);
  const post = original.get('post')!.slice(0, 32);
  new DataView(post.buffer).setUint32(0, 0x00030000);
  const program = withTables(await collect(subset.encodeStream()), { cmap: cmapTable(cmap), name: original.get('name')!, 'OS/2': original.get('OS/2')!, post });
  const { bbox } = font;
  return {
    baseFont: `${subsetTag(name)}+${name}`,
    program,
    widths,
    // Non-symbolic (32): the glyphs are found by their Unicode through the cmap, as WinAnsiEncoding requires.
    flags: 32 | (font.italicAngle !== 0 ? 64 : 0),
    bbox: [bbox.minX, bbox.minY, bbox.maxX, bbox.maxY].map((v) => Math.round(v * scale)) as [number, number, number, number],
    italicAngle: font.italicAngle,
    ascent: Math.round(font.ascent * scale),
    descent: Math.round(font.descent * scale),
    capHeight: Math.round((font.capHeight || font.ascent) * scale),
  };
}
