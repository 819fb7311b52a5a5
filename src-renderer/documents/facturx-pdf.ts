import { AFRelationship, ParseSpeeds, PDFDict, PDFDocument, PDFHeader, PDFName, PDFRawStream, PDFString, type PDFRef } from 'pdf-lib';
import { describeProblems, DomainError, FACTURX_FILE_NAME, facturX, INVOICE_KIND_NAMES, type InvoiceDocumentModel } from '../../src-core';
import { renderInvoicePdf } from './invoice-pdf';
import { srgbIccProfile } from './srgb-icc';
import { FIRST_CHAR, LAST_CHAR, winAnsiSubset, type EmbeddableFont } from './truetype-subset';
import { facturXXmp } from './facturx-xmp';

/**
 * An issued document as Factur-X (PDF/A-3b + `factur-x.xml`, profile EN 16931).
 * The page is the very one jsPDF draws for the plain PDF, from the same view
 * model as the XML; then pdf-lib makes it an archival PDF:
 *  - the standard Helvetica faces, which PDF/A forbids unembedded, become
 *    Liberation Sans (metric-compatible with Helvetica, so no line moves),
 *    embedded as a WinAnsi subset: the content streams stay as jsPDF wrote them;
 *  - an sRGB output intent for the DeviceRGB/DeviceGray colours drawn;
 *  - XMP metadata (PDF/A-3 B, Factur-X) mirrored by the information dictionary;
 *  - the XML attached as an associated file (/AF, AFRelationship /Data).
 * jsPDF writes no encryption; drafts (watermark with transparency) are never
 * Factur-X, and a document that fails the EN 16931 rules is refused.
 */
export interface FacturXFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

export interface FacturXOptions {
  /** The instant written as creation date (information dictionary, XMP, attachment); now by default. */
  now?: Date;
}

export const FACTURX_CREATOR = 'Contrats — DOKOS SAS';
export const FACTURX_PRODUCER = 'Contrats (jsPDF + pdf-lib)';

/** Subsets are made once per font file and reused by every document. */
const subsets = new WeakMap<Uint8Array, Promise<EmbeddableFont>>();

function subsetOf(bytes: Uint8Array): Promise<EmbeddableFont> {
  let subset = subsets.get(bytes);
  if (!subset) {
    subset = winAnsiSubset(bytes);
    subsets.set(bytes, subset);
  }
  return subset;
}

/** Each font program deflated once, not once per document (it is most of a Factur-X's weight and time). */
const deflated = new WeakMap<EmbeddableFont, Uint8Array>();

function embedFont(pdf: PDFDocument, font: EmbeddableFont): { descriptor: PDFRef; widths: PDFRef } {
  const { context } = pdf;
  let program = deflated.get(font);
  if (!program) {
    program = context.flateStream(font.program).contents;
    deflated.set(font, program);
  }
  const file = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode', Length1: font.program.length }), program));
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor', FontName: font.baseFont, Flags: font.flags, FontBBox: font.bbox, ItalicAngle: font.italicAngle,
      Ascent: font.ascent, Descent: font.descent, CapHeight: font.capHeight, StemV: 80, FontFile2: file,
    }),
  );
  return { descriptor, widths: context.register(context.obj(font.widths)) };
}

/** Turns every standard Helvetica font dictionary of the file into the embedded TrueType face. */
function embedFonts(pdf: PDFDocument, faces: Record<string, EmbeddableFont>): void {
  const embedded = new Map<string, { descriptor: PDFRef; widths: PDFRef }>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const base = object.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
    const face = faces[base];
    if (!face) throw new DomainError('INVALID_INPUT', `Police « ${base} » sans équivalent incorporable : le document ne peut pas être archivé en PDF/A.`);
    let refs = embedded.get(base);
    if (!refs) {
      refs = embedFont(pdf, face);
      embedded.set(base, refs);
    }
    object.set(PDFName.of('Subtype'), PDFName.of('TrueType'));
    object.set(PDFName.of('BaseFont'), PDFName.of(face.baseFont));
    object.set(PDFName.of('Encoding'), PDFName.of('WinAnsiEncoding'));
    object.set(PDFName.of('FirstChar'), pdf.context.obj(FIRST_CHAR));
    object.set(PDFName.of('LastChar'), pdf.context.obj(LAST_CHAR));
    object.set(PDFName.of('Widths'), refs.widths);
    object.set(PDFName.of('FontDescriptor'), refs.descriptor);
  }
}

let deflatedProfile: Uint8Array | undefined;

function addOutputIntent(pdf: PDFDocument): void {
  const { context } = pdf;
  deflatedProfile ??= context.flateStream(srgbIccProfile()).contents;
  const profile = context.register(PDFRawStream.of(context.obj({ Filter: 'FlateDecode', N: 3 }), deflatedProfile));
  const intent = context.obj({
    Type: 'OutputIntent', S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'), Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'), DestOutputProfile: profile,
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
}

function addMetadata(pdf: PDFDocument, model: InvoiceDocumentModel, now: Date): void {
  const title = `${INVOICE_KIND_NAMES[model.kind].label} ${model.number ?? ''} — ${model.buyer.legalName}`;
  const author = model.seller.legalName;
  // A fresh information dictionary, every entry mirrored in the XMP (PDF/A-3 6.6.2.3).
  pdf.context.trailerInfo.Info = pdf.context.register(pdf.context.obj({}));
  pdf.setTitle(title);
  pdf.setAuthor(author);
  pdf.setCreator(FACTURX_CREATOR);
  pdf.setProducer(FACTURX_PRODUCER);
  pdf.setCreationDate(now);
  pdf.setModificationDate(now);
  const xmp = facturXXmp({ title, author, creatorTool: FACTURX_CREATOR, producer: FACTURX_PRODUCER, date: now });
  // Metadata streams stay unfiltered (PDF/A): a reader finds them without decoding.
  const stream = pdf.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
}

/** The Factur-X PDF of an issued document; refuses a draft or a document failing the EN 16931 rules. */
export async function renderFacturXPdf(model: InvoiceDocumentModel, fonts: FacturXFonts, options: FacturXOptions = {}): Promise<Uint8Array> {
  const { xml, problems } = facturX(model);
  if (problems.length > 0) throw new DomainError('INVALID_INPUT', describeProblems(model.number ?? '', problems));
  // Seconds precision: the information dictionary's dates have no milliseconds.
  const now = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const [regular, bold] = await Promise.all([subsetOf(fonts.regular), subsetOf(fonts.bold)]);
  // pdf-lib yields to the event loop every 50–100 objects by default; in a browser each yield is a
  // clamped timer, most of a document's time: one invoice is a few dozen objects, parsed and written at once.
  const pdf = await PDFDocument.load(renderInvoicePdf(model), { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  pdf.context.header = PDFHeader.forVersion(1, 7);
  embedFonts(pdf, { Helvetica: regular, 'Helvetica-Bold': bold });
  addOutputIntent(pdf);
  addMetadata(pdf, model, now);
  await pdf.attach(new TextEncoder().encode(xml), FACTURX_FILE_NAME, {
    mimeType: 'text/xml', description: 'Factur-X (EN 16931)', creationDate: now, modificationDate: now, afRelationship: AFRelationship.Data,
  });
  return pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
