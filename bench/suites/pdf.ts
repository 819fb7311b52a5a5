import { heapAfterGc } from '../browser';
import { measured, type Figure } from '../figures';
import { callBench, type SizeContext } from './context';

const BATCHES = [100, 500, 1000] as const;
/** HTML prints per run: at ≈ 70 ms each, enough for a stable per-document median without a 1,000-print wait. */
const HTML_PRINTS_PER_RUN = 15;
/** Heap growth between the 100 and the 1,000 batch that still counts as "not growing" (allocator and JIT noise). */
const HEAP_TOLERANCE_MB = 2;

/**
 * The invoicing issue's figures: 1,000 invoices computed and rendered with
 * jsPDF in Chromium, the same invoices printed from HTML by Chromium
 * (page.pdf() = CDP Page.printToPDF, what Electron's printToPDF is), and the
 * heap retained after batches of 100, 500 and 1,000 documents.
 */
export async function pdfSuite(ctx: SizeContext): Promise<Figure[]> {
  const page = ctx.benchPage;
  const printPage = await ctx.browser.newPage();
  const batch1000: number[] = [];
  const jspdfPerDoc: number[] = [];
  const htmlPerDoc: number[] = [];
  const ratios: number[] = [];
  const retained = new Map<number, number[]>(BATCHES.map((n) => [n, []]));
  const facturX1000: number[] = [];
  const facturXBytes: number[] = [];
  const facturXRetained = new Map<number, number[]>(BATCHES.map((n) => [n, []]));
  try {
    for (let run = 1; run <= ctx.runs; run++) {
      for (const n of BATCHES) {
        const before = await heapAfterGc(page);
        const result = await callBench(page, 'renderInvoices', n);
        if (result.count !== n) throw new Error(`pdf: only ${result.count} invoices to render, ${n} asked`);
        retained.get(n)!.push((await heapAfterGc(page)) - before);
        if (n === 1000) {
          batch1000.push(result.ms);
          jspdfPerDoc.push(result.ms / n);
        }
      }
      // Issue 18: the same invoices as Factur-X (PDF/A-3b + factur-x.xml), beside the plain PDFs.
      for (const n of BATCHES) {
        const before = await heapAfterGc(page);
        const result = await callBench(page, 'renderFacturXInvoices', n);
        if (result.count !== n) throw new Error(`pdf: only ${result.count} Factur-X to render, ${n} asked`);
        facturXRetained.get(n)!.push((await heapAfterGc(page)) - before);
        if (n === 1000) {
          facturX1000.push(result.ms);
          facturXBytes.push(result.bytes / n / 1024);
        }
      }
      const runHtml: number[] = [];
      for (const html of await callBench(page, 'invoicePages', HTML_PRINTS_PER_RUN)) {
        // Load and print, as an Electron app does with a hidden window: both are the cost of a document.
        const start = performance.now();
        await printPage.setContent(html);
        await printPage.pdf({ format: 'A4', printBackground: true });
        runHtml.push(performance.now() - start);
      }
      htmlPerDoc.push(...runHtml);
      const runMedianHtml = [...runHtml].sort((a, b) => a - b)[Math.floor(runHtml.length / 2)]!;
      ratios.push(runMedianHtml / jspdfPerDoc.at(-1)!);
      ctx.log(`pdf run ${run}/${ctx.runs}: 1,000 invoices in ${Math.round(batch1000.at(-1)!)} ms, as Factur-X in ${Math.round(facturX1000.at(-1)!)} ms; HTML print ${Math.round(runMedianHtml)} ms/document`);
    }
  } finally {
    await printPage.close();
  }
  const head = (id: string, title: string, unit: string) => ({ id, title, size: null, unit });
  const growth = retained.get(1000)!.map((r, i) => r - retained.get(100)![i]!);
  const facturXGrowth = facturXRetained.get(1000)!.map((r, i) => r - facturXRetained.get(100)![i]!);
  return [
    measured(head('pdf.batch1000', 'Compute and render 1,000 invoice PDFs with jsPDF (one file each)', 'ms'), batch1000, {
      target: { text: '≤ 8,000 ms', met: (m) => m <= 8000 },
      notes: [`invoices of the ${ctx.size.toLocaleString('en')}-client portfolio, latest months first; draft (src-core) + number + view model + renderInvoicePdf`],
    }),
    measured(head('pdf.jspdfPerDocument', 'jsPDF: compute and render one invoice', 'ms'), jspdfPerDoc, {
      baseline: { title: 'Chromium printing the same invoice from HTML (page.pdf = Page.printToPDF), per document', samples: htmlPerDoc },
    }),
    measured(head('pdf.ratio', 'Chromium HTML print time ÷ jsPDF time, per document', '×'), ratios, {
      target: { text: 'jsPDF ≥ 15× faster', met: (m) => m >= 15 },
    }),
    measured(head('pdf.facturx1000', 'Compute and render 1,000 invoices as Factur-X PDF/A-3b with factur-x.xml (one file each)', 'ms'), facturX1000, {
      baseline: { title: 'the same 1,000 invoices as plain jsPDF PDFs, same run', samples: batch1000 },
      target: { text: '≤ 10,000 ms', met: (m) => m <= 10000 },
      notes: ['the jsPDF page written by jsPDF as PDF/A-3b: Liberation Sans WinAnsi subsets embedded (subset and deflated once per session), sRGB output intent, XMP, factur-x.xml attached; EN 16931 validation of each'],
    }),
    measured(head('pdf.facturxSize', 'Factur-X file size, per document', 'KB'), facturXBytes),
    measured(head('pdf.facturxHeapGrowth', 'Heap retained after 1,000 Factur-X minus after 100 (must not grow)', 'MB'), facturXGrowth, {
      target: { text: `≤ ${HEAP_TOLERANCE_MB} MB`, met: (m) => m <= HEAP_TOLERANCE_MB },
    }),
    ...BATCHES.map((n) => measured(head(`pdf.retained${n}`, `JS heap retained after a batch of ${n} PDFs (after GC)`, 'MB'), retained.get(n)!)),
    measured(head('pdf.heapGrowth', 'Heap retained after 1,000 PDFs minus after 100 (memory must not grow with batch size)', 'MB'), growth, {
      target: { text: `≤ ${HEAP_TOLERANCE_MB} MB`, met: (m) => m <= HEAP_TOLERANCE_MB },
    }),
  ];
}
