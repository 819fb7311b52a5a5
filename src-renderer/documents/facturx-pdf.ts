import { jsPDF } from 'jspdf';
import { zlibSync } from 'fflate';
import { describeProblems, message, refusalError, FACTURX_FILE_NAME, facturX, INVOICE_KIND_NAMES, type InvoiceDocumentModel } from '../../src-core';
import { drawnInvoicePdf } from './invoice-pdf';
import { writePdfA3, type PdfAFace } from './pdfa';
import { srgbIccProfile } from './srgb-icc';
import { winAnsiSubset } from './truetype-subset';
import { facturXXmp } from './facturx-xmp';

/**
 * An issued document as Factur-X (PDF/A-3b + `factur-x.xml`, profile EN 16931).
 * The page is the very one jsPDF draws for the plain PDF, from the same view
 * model as the XML; jsPDF then writes it as an archival PDF (pdfa.ts):
 *  - the standard Helvetica faces, which PDF/A forbids unembedded, become
 *    Liberation Sans (metric-compatible with Helvetica, so no line moves),
 *    embedded as a WinAnsi subset: the content streams stay as drawn;
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
/** jsPDF names itself as producer in the information dictionary; the XMP must say the same (PDF/A-3 6.6.2.3). */
export const FACTURX_PRODUCER = `jsPDF ${jsPDF.version}`;
const SRGB = 'sRGB IEC61966-2.1';

/** Each face is subset, deflated and its widths written once per font file, then reused by every document. */
const faces = new WeakMap<Uint8Array, Promise<PdfAFace>>();

function faceOf(bytes: Uint8Array): Promise<PdfAFace> {
  let face = faces.get(bytes);
  if (!face) {
    face = winAnsiSubset(bytes).then((font) => ({ font, program: zlibSync(font.program), widths: `[${font.widths.join(' ')}]` }));
    faces.set(bytes, face);
  }
  return face;
}

const utf8 = new TextEncoder();
let deflatedProfile: Uint8Array | undefined;

/** The Factur-X PDF of an issued document; refuses a draft or a document failing the EN 16931 rules. */
export async function renderFacturXPdf(model: InvoiceDocumentModel, fonts: FacturXFonts, options: FacturXOptions = {}): Promise<Uint8Array> {
  const { xml, problems } = facturX(model);
  if (problems.length > 0) throw refusalError('INVALID_INPUT', describeProblems(model.number ?? '', problems));
  // Seconds precision: the information dictionary's dates have no milliseconds.
  const date = new Date(Math.floor((options.now ?? new Date()).getTime() / 1000) * 1000);
  const [regular, bold] = await Promise.all([faceOf(fonts.regular), faceOf(fonts.bold)]);
  deflatedProfile ??= zlibSync(srgbIccProfile());
  const title = `${INVOICE_KIND_NAMES[model.kind].label} ${model.number ?? ''} — ${model.buyer.legalName}`;
  const author = model.seller.legalName;
  const { bytes, unembeddable } = writePdfA3(drawnInvoicePdf(model), {
    faces: { Helvetica: regular, 'Helvetica-Bold': bold },
    outputProfile: { deflated: deflatedProfile, identifier: SRGB },
    xmp: facturXXmp({ title, author, creatorTool: FACTURX_CREATOR, producer: FACTURX_PRODUCER, date }),
    attachment: { name: FACTURX_FILE_NAME, mimeType: 'text/xml', description: 'Factur-X (EN 16931)', relationship: 'Data', bytes: utf8.encode(xml) },
    info: { title, author, creator: FACTURX_CREATOR },
    date,
  });
  if (unembeddable.length > 0) {
    throw refusalError('INVALID_INPUT', message('refusal.document.font', { fonts: unembeddable.join(', ') }));
  }
  return bytes;
}
