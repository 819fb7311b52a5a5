import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addMonthsToYearMonth, generateDemoPortfolio, yearMonthOf, type Contract } from '../../src-core';
import { measured, notMeasured, type Figure, type FigureHead } from '../figures';
import type { SizeContext } from './context';

/** The platform's export for a 10,000-client portfolio over 14 months (issue 15). */
const ROWS = 145_000;
const SCREEN_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 600_000;

type ImportProbe = Window & { __benchImport?: { chosen?: number; checked?: number; clicked?: number; done?: number; longTasks: { start: number; duration: number }[] } };

/**
 * The usage CSV import on the real app with the portfolio in IndexedDB: a file
 * of 145,000 rows (the running contracts' latest months; each run changes the
 * values, so every run rewrites the documents) chosen in "Importer des
 * consommations", read and checked by the worker until "Importer" can be
 * clicked (the months it replaces shown), then written. Timed inside the page
 * from the input's change event; the main thread's long tasks are recorded by
 * a PerformanceObserver over both steps.
 */
export async function usageImportSuite(ctx: SizeContext, dir: string): Promise<Figure[]> {
  const head = (id: string, title: string): FigureHead => ({ id, title, size: ctx.size, unit: 'ms' });
  const heads = {
    check: head('import.readCheck', `Usage CSV of ${ROWS.toLocaleString('en')} rows: file chosen → read and checked in the worker, months it replaces shown`),
    write: head('import.write', 'Usage CSV: "Importer" → every document, audit entry and outbox mutation written, summaries refreshed'),
    total: head('import.total', 'Usage CSV: file chosen → import done (both steps)'),
    longest: head('import.longestTask', 'Usage CSV: longest main-thread task during both steps'),
  };
  const contracts = generateDemoPortfolio({ seed: ctx.seed, clients: ctx.size, today: ctx.data.today }).contracts;
  const figures = { check: [] as number[], write: [] as number[], total: [] as number[], longest: [] as number[] };
  let rows = 0;
  const page = await ctx.browser.newPage();
  try {
    for (let run = 1; run <= ctx.runs; run++) {
      const csv = usageCsv(contracts, yearMonthOf(ctx.data.today), run);
      rows = csv.rows;
      const path = join(dir, `usage-${ctx.size}-${run}.csv`);
      await writeFile(path, csv.text);
      await page.goto(`${ctx.appUrl}#/clients/import`);
      const input = page.getByLabel('Fichier CSV à importer');
      // Enabled once the contracts it may name are read.
      const ready = await page
        .waitForFunction(() => (document.querySelector('input[type=file]') as HTMLInputElement | null)?.disabled === false, undefined, { timeout: SCREEN_TIMEOUT_MS })
        .then(() => true, () => false);
      if (!ready) return Object.values(heads).map((h) => notMeasured(h, 'screen missing: no enabled "Fichier CSV à importer" on #/clients/import'));
      await page.evaluate(() => {
        const w = window as ImportProbe;
        const probe: NonNullable<ImportProbe['__benchImport']> = { longTasks: [] };
        w.__benchImport = probe;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => probe.longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
        document.querySelector('input[type=file]')!.addEventListener('change', () => (probe.chosen = performance.now()), { once: true, capture: true });
        const button = () => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Importer');
        const watch = new MutationObserver(() => {
          const b = button();
          if (probe.checked === undefined && b && !b.disabled) {
            probe.checked = performance.now();
            b.addEventListener('click', () => (probe.clicked = performance.now()), { once: true, capture: true });
          }
          if (probe.clicked !== undefined && document.body.textContent?.includes('Import terminé')) {
            probe.done = performance.now();
            watch.disconnect();
          }
        });
        watch.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
      await input.setInputFiles(path);
      await page.getByRole('button', { name: 'Importer', exact: true }).click({ timeout: STEP_TIMEOUT_MS });
      await page.getByText(/^Import terminé/).waitFor({ timeout: STEP_TIMEOUT_MS });
      const probe = await page.evaluate(() => (window as ImportProbe).__benchImport!);
      const during = probe.longTasks.filter((t) => t.start >= probe.chosen! && t.start <= probe.done!);
      figures.check.push(probe.checked! - probe.chosen!);
      figures.write.push(probe.done! - probe.clicked!);
      figures.total.push(probe.done! - probe.chosen!);
      figures.longest.push(Math.max(0, ...during.map((t) => t.duration)));
      ctx.log(`usage import run ${run}: ${rows} rows, checked ${Math.round(probe.checked! - probe.chosen!)} ms, written ${Math.round(probe.done! - probe.clicked!)} ms, ${during.length} long tasks`);
    }
  } finally {
    await page.close();
  }
  const notes = [`${rows.toLocaleString('en')} rows in the file (fewer when the portfolio has fewer running contract-months)`];
  return [
    measured(heads.check, figures.check, { notes }),
    measured(heads.write, figures.write),
    measured(heads.total, figures.total, { target: { text: '≤ 5,000 ms', met: (m) => m <= 5000 } }),
    measured(heads.longest, figures.longest, { target: { text: '≤ 200 ms', met: (m) => m <= 200 } }),
  ];
}

/** Up to ROWS rows: every running contract, latest months first, with values that differ per run. */
function usageCsv(contracts: readonly Contract[], lastMonth: string, run: number): { text: string; rows: number } {
  const lines: string[] = [];
  for (let back = 0; lines.length < ROWS && back < 36; back++) {
    const month = addMonthsToYearMonth(lastMonth, -back);
    for (const c of contracts) {
      if (lines.length >= ROWS) break;
      if (yearMonthOf(c.startDate) > month || (c.terminationEffectiveDate && yearMonthOf(c.terminationEffectiveDate) < month)) continue;
      lines.push(`${c.reference};${month};0,${run};0,4;1,5`);
    }
  }
  return { text: `contrat;mois;cpu_heures;base_go;stockage_go\n${lines.join('\n')}\n`, rows: lines.length };
}
