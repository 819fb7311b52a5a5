import type { jsPDF } from 'jspdf';
import { FIRST_CHAR, LAST_CHAR, type EmbeddableFont } from './truetype-subset';

/**
 * The PDF/A-3 pieces of a document written by jsPDF itself, as it writes the
 * file, through its output events: no second library parses the file and
 * writes it again (that was most of a Factur-X's time).
 *  - putFont: each standard font jsPDF would name unembedded becomes its
 *    embedded TrueType face (same metrics: the content streams stay as drawn);
 *  - putResources: output profile, XMP, attached file and its file specification;
 *  - putCatalog: /Metadata, /OutputIntents, /Names /EmbeddedFiles, /AF.
 * jsPDF builds the file as a string, one char per byte: a binary stream
 * (font programs, profile, XMP, XML) is given to it as a placeholder of its
 * length and its bytes are copied into place once the file is built, so the
 * 60 KB of fonts every document carries are never turned into a string and
 * back. jsPDF catches and logs what its event handlers throw, so a face
 * missing for a font drawn is collected and reported once the file is written.
 */

/** A face ready to embed, made once per session: its program deflated, its widths array written. */
export interface PdfAFace {
  font: EmbeddableFont;
  /** The font program, deflated (FlateDecode). */
  program: Uint8Array;
  /** "[w32 … w255]" */
  widths: string;
}

export interface PdfA3Parts {
  /** Embedded face for each standard font name jsPDF writes (Helvetica, Helvetica-Bold…). */
  faces: Record<string, PdfAFace>;
  /** The output intent's ICC profile (RGB), deflated, and its identifier. */
  outputProfile: { deflated: Uint8Array; identifier: string };
  /** The XMP packet (text; written UTF-8, unfiltered as PDF/A wants). */
  xmp: string;
  /** The associated file, unfiltered (a few KB of XML: deflating costs more than it saves). */
  attachment: { name: string; mimeType: string; description: string; relationship: 'Data' | 'Source' | 'Alternative'; bytes: Uint8Array };
  /** Information dictionary entries; jsPDF adds its own /Producer, which the XMP must repeat. */
  info: { title: string; author: string; creator: string };
  /** Creation and modification instant, whole seconds. */
  date: Date;
}

/** The file, and the standard fonts drawn that had no embedded face (the file is then not PDF/A). */
export interface PdfA3File {
  bytes: Uint8Array;
  unembeddable: string[];
}

interface JsPdfPrivate {
  __private__: { setPdfVersion(version: string): void };
}

type PutStream = (options: { data: string; filters?: string[]; alreadyAppliedFilters?: string[]; additionalKeyValues?: { key: string; value: string | number }[] }) => void;
interface PutFontEvent {
  font: { postScriptName: string; objectNumber?: number; isAlreadyPutted?: boolean };
}
interface Internal {
  events: { subscribe(topic: string, callback: (...args: never[]) => void): string };
  newObject(): number;
  write(line: string): void;
  putStream: PutStream;
}

/** A PDF text string's bytes (PDF 32000-1 7.9.2.2): printable ASCII as is, anything else UTF-16BE after its BOM. */
function pdfTextBytes(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  let out = '\xfe\xff';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out += String.fromCharCode(unit >> 8, unit & 0xff);
  }
  return out;
}

/** A hexadecimal string token of a text: safe for any byte (a literal would turn a CR byte into LF). */
function pdfHexText(text: string): string {
  let hex = '';
  const bytes = pdfTextBytes(text);
  for (let i = 0; i < bytes.length; i++) hex += bytes.charCodeAt(i).toString(16).padStart(2, '0');
  return `<${hex.toUpperCase()}>`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** D:YYYYMMDDHHmmSS+00'00' (UTC), the information dictionary's date, equal to the XMP's instant. */
function pdfDate(date: Date): string {
  return `D:${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}+00'00'`;
}

const utf8 = new TextEncoder();

/** Placeholders by stream: the same string for the same font program or profile, document after document. */
const placeholders = new WeakMap<Uint8Array, string>();

function placeholder(bytes: Uint8Array): string {
  let text = placeholders.get(bytes);
  if (text === undefined) {
    text = '\0'.repeat(bytes.length);
    placeholders.set(bytes, text);
  }
  return text;
}

/** A binary stream to copy into the file once built: the object it is the stream of, and its bytes. */
interface Splice {
  id: number;
  bytes: Uint8Array;
}

class Writer {
  readonly splices: Splice[] = [];
  constructor(private readonly internal: Internal) {}

  object(body: string): number {
    const id = this.internal.newObject();
    this.internal.write(body);
    this.internal.write('endobj');
    return id;
  }

  stream(bytes: Uint8Array, keys: Record<string, string | number>, deflated: boolean): number {
    const id = this.internal.newObject();
    this.internal.putStream({
      data: placeholder(bytes), filters: [], alreadyAppliedFilters: deflated ? ['/FlateDecode'] : [],
      additionalKeyValues: Object.entries(keys).map(([key, value]) => ({ key, value })),
    });
    this.internal.write('endobj');
    this.splices.push({ id, bytes });
    return id;
  }
}

function putFace(writer: Writer, event: PutFontEvent, face: PdfAFace): void {
  const { font } = face;
  const file = writer.stream(face.program, { Length1: font.program.length }, true);
  const descriptor = writer.object(
    `<</Type /FontDescriptor /FontName /${font.baseFont} /Flags ${font.flags} /FontBBox [${font.bbox.join(' ')}] /ItalicAngle ${font.italicAngle}` +
      ` /Ascent ${font.ascent} /Descent ${font.descent} /CapHeight ${font.capHeight} /StemV 80 /FontFile2 ${file} 0 R>>`,
  );
  event.font.objectNumber = writer.object(
    `<</Type /Font /Subtype /TrueType /BaseFont /${font.baseFont} /FirstChar ${FIRST_CHAR} /LastChar ${LAST_CHAR}` +
      ` /Widths ${face.widths} /FontDescriptor ${descriptor} 0 R /Encoding /WinAnsiEncoding>>`,
  );
  // jsPDF writes its standard font dictionary unless told the font is written.
  event.font.isAlreadyPutted = true;
}

function putParts(writer: Writer, parts: PdfA3Parts): { profile: number; metadata: number; fileSpec: number } {
  const profile = writer.stream(parts.outputProfile.deflated, { N: 3 }, true);
  // Unfiltered (PDF/A): a reader finds the metadata without decoding.
  const metadata = writer.stream(utf8.encode(parts.xmp), { Type: '/Metadata', Subtype: '/XML' }, false);
  const { attachment } = parts;
  const date = pdfHexText(pdfDate(parts.date));
  const file = writer.stream(attachment.bytes, {
    Type: '/EmbeddedFile',
    Subtype: `/${attachment.mimeType.replace('/', '#2F')}`,
    Params: `<</Size ${attachment.bytes.length} /CreationDate ${date} /ModDate ${date}>>`,
  }, false);
  const name = pdfHexText(attachment.name);
  const fileSpec = writer.object(
    `<</Type /Filespec /F ${name} /UF ${name} /Desc ${pdfHexText(attachment.description)} /AFRelationship /${attachment.relationship} /EF <</F ${file} 0 R /UF ${file} 0 R>>>>`,
  );
  return { profile, metadata, fileSpec };
}

/** The file's bytes: the string's chars, with each binary stream's bytes in its placeholder. */
function assemble(file: string, splices: readonly Splice[]): Uint8Array {
  const bytes = new Uint8Array(file.length);
  let from = 0;
  const copy = (to: number) => {
    for (let i = from; i < to; i++) bytes[i] = file.charCodeAt(i);
  };
  for (const { id, bytes: data } of splices) {
    const object = file.indexOf(`\n${id} 0 obj\n`, from);
    const at = file.indexOf('\nstream\n', object) + '\nstream\n'.length;
    if (object < 0 || !file.startsWith('\nendstream', at + data.length)) throw new Error(`PDF/A : flux de l'objet ${id} introuvable.`);
    copy(at);
    bytes.set(data, at);
    from = at + data.length;
  }
  copy(file.length);
  return bytes;
}

const INFO_KEYS = { title: 'Title', author: 'Author', creator: 'Creator' } as const;

/**
 * `doc` (drawn, not yet written) written as PDF/A-3, with the parts. jsPDF
 * writes the information dictionary's strings as literals without escaping a
 * CR byte (UTF-16 "č" has one), so each is given to it as a placeholder as
 * long as its hexadecimal token, then replaced in place: no offset moves.
 */
export function writePdfA3(doc: jsPDF, parts: PdfA3Parts): PdfA3File {
  const unembeddable: string[] = [];
  const internal = doc.internal as unknown as Internal;
  const writer = new Writer(internal);
  (doc as unknown as JsPdfPrivate).__private__.setPdfVersion('1.7');
  doc.setCreationDate(pdfDate(parts.date));
  const info = Object.entries(INFO_KEYS).map(([property, key]) => {
    const token = pdfHexText(parts.info[property as keyof typeof INFO_KEYS]);
    return { property, key, token, written: `/${key} (${'X'.repeat(token.length - 2)})` };
  });
  doc.setDocumentProperties(Object.fromEntries(info.map(({ property, token }) => [property, 'X'.repeat(token.length - 2)])));

  internal.events.subscribe('putFont', (event: PutFontEvent) => {
    const face = parts.faces[event.font.postScriptName];
    if (face) putFace(writer, event, face);
    else unembeddable.push(event.font.postScriptName);
  });
  let refs = { profile: 0, metadata: 0, fileSpec: 0 };
  internal.events.subscribe('putResources', () => {
    refs = putParts(writer, parts);
  });
  internal.events.subscribe('putCatalog', () => {
    const id = pdfHexText(parts.outputProfile.identifier);
    internal.write(`/Metadata ${refs.metadata} 0 R`);
    internal.write(`/OutputIntents [<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ${id} /Info ${id} /RegistryName (http://www.color.org) /DestOutputProfile ${refs.profile} 0 R>>]`);
    internal.write(`/Names <</EmbeddedFiles <</Names [${pdfHexText(parts.attachment.name)} ${refs.fileSpec} 0 R]>>>>`);
    internal.write(`/AF [${refs.fileSpec} 0 R]`);
  });

  const file = doc.output();
  const bytes = assemble(file, writer.splices);
  // The information dictionary is the last but one object: its entries are the last of their kind.
  for (const { key, token, written } of info) {
    const at = file.lastIndexOf(written);
    if (at < 0) throw new Error(`PDF/A : entrée /${key} introuvable dans le dictionnaire d'information.`);
    const replacement = `/${key} ${token}`;
    for (let i = 0; i < replacement.length; i++) bytes[at + i] = replacement.charCodeAt(i);
  }
  return { bytes, unembeddable };
}
