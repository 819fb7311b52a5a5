import type { Page } from 'playwright-core';
import { heapAfterGc } from '../browser';
import { measured, notMeasured, type Figure, type FigureHead } from '../figures';
import type { SizeContext } from './context';
import { armKeystroke, keystrokeResult, openClientPage, openProbe, ROW_SELECTOR, settle } from './page-probes';

/** Keystrokes per search term: the first letters narrow the list most, so each one changes it. */
const KEYS_PER_TERM = 3;
const TERMS_PER_RUN = 3;
const CLIENTS_PER_RUN = 5;
/** Issue 20's targets at 10,000 clients: a laptop that opens, searches and shows a client at once. */
const UI_TARGETS = {
  open: { text: '≤ 800 ms (issue 20)', met: (ms: number) => ms <= 800 },
  search: { text: '≤ 30 ms (issue 20)', met: (ms: number) => ms <= 30 },
  client: { text: '≤ 150 ms (issue 20)', met: (ms: number) => ms <= 150 },
};

/** Generous waits: far above the targets, they only tell "slow" from "absent". */
const KEY_TIMEOUT_MS = 3000;
const CLIENT_TIMEOUT_MS = 30_000;
const LIST_TIMEOUT_MS = 60_000;

export interface UiSelection {
  open: boolean;
  heap: boolean;
  search: boolean;
  client: boolean;
}

/** The run's share of a sample list, cycling when there are more runs than samples. */
const share = <T>(list: readonly T[], run: number, per: number) => Array.from({ length: per }, (_, i) => list[(run * per + i) % list.length]!);

const quiet = (page: Page) => page.evaluate(settle, [250, 10_000] as [number, number]);

/**
 * The portfolio issue's figures on the real app (out/renderer/index.html) with
 * the portfolio already in IndexedDB: cold open to an interactive clients list,
 * search keystroke to updated list, client page with its charts; and the
 * renderer's heap with the portfolio loaded. A screen the app does not have
 * yet is reported "not measured", found by role and label as a user would.
 */
export async function uiSuite(ctx: SizeContext, want: UiSelection): Promise<Figure[]> {
  const head = (id: string, title: string, unit = 'ms'): FigureHead => ({ id, title, size: ctx.size, unit });
  const heads = {
    open: head('ui.coldOpen', 'Cold open → first client row shown and responding (reload, data in IndexedDB)'),
    heap: head('ui.heap', 'Renderer JS heap with the whole portfolio loaded (clients list counting every client, after GC)', 'MB'),
    search: head('ui.searchKeystroke', 'Search keystroke → updated clients list'),
    client: head('ui.clientPage', 'Client page with its usage charts drawn (from the list)'),
  };
  const targets = { open: UI_TARGETS.open.text, search: UI_TARGETS.search.text, client: UI_TARGETS.client.text };
  const figures: Figure[] = [];
  const page = await ctx.browser.newPage();
  try {
    await page.addInitScript(openProbe, ROW_SELECTOR);
    await page.goto(`${ctx.appUrl}#/clients`);
    const listShown = await page.locator(ROW_SELECTOR).first().waitFor({ timeout: LIST_TIMEOUT_MS }).then(() => true, () => false);
    if (!listShown) {
      const reason = `screen missing: no client row on #/clients within ${LIST_TIMEOUT_MS / 1000} s`;
      return (['open', 'heap', 'search', 'client'] as const).filter((k) => want[k]).map((k) => notMeasured(heads[k], reason, k === 'heap' ? undefined : targets[k]));
    }
    await quiet(page);

    if (want.open || want.heap) {
      const open: number[] = [];
      const heap: number[] = [];
      for (let run = 1; run <= ctx.runs; run++) {
        await page.reload();
        const probe = await page.waitForFunction(() => (window as Window & { __benchOpen?: { interactive: number } }).__benchOpen, undefined, { timeout: LIST_TIMEOUT_MS });
        open.push(((await probe.jsonValue()) as { interactive: number }).interactive);
        // The first screenful comes before the whole read model: the heap is taken once the list counts every client.
        await fullList(page, ctx.data.counts.clients ?? ctx.size);
        await quiet(page);
        heap.push(await heapAfterGc(page));
        ctx.log(`open run ${run}/${ctx.runs}: ${Math.round(open.at(-1)!)} ms, heap ${heap.at(-1)!.toFixed(1)} MB`);
      }
      if (want.open) figures.push(measured(heads.open, open, { target: UI_TARGETS.open }));
      if (want.heap) figures.push(measured(heads.heap, heap));
    }

    if (want.search) figures.push(await searchFigure(ctx, page, heads.search, targets.search));
    if (want.client) figures.push(await clientFigure(ctx, page, heads.client, targets.client));
  } finally {
    await page.close();
  }
  return figures;
}

async function searchFigure(ctx: SizeContext, page: Page, head: FigureHead, target: string): Promise<Figure> {
  const box = page.getByRole('searchbox', { name: /Rechercher/i }).or(page.getByRole('textbox', { name: /Rechercher/i })).first();
  if (!(await box.isVisible())) return notMeasured(head, 'screen missing: no "Rechercher" search box on #/clients', target);
  const samples: number[] = [];
  let unchanged = 0;
  for (let run = 0; run < ctx.runs; run++) {
    for (const term of share(ctx.data.searchTerms, run, TERMS_PER_RUN)) {
      await box.fill('');
      await quiet(page);
      await box.focus();
      for (const key of term.slice(0, KEYS_PER_TERM)) {
        await page.evaluate(armKeystroke, KEY_TIMEOUT_MS);
        await page.keyboard.type(key);
        const ms = await page.evaluate(keystrokeResult);
        if (ms === null) unchanged++;
        else samples.push(ms);
        await quiet(page);
      }
    }
    ctx.log(`search run ${run + 1}/${ctx.runs}: ${samples.length} keystrokes measured`);
  }
  await box.fill('');
  await quiet(page);
  if (samples.length === 0) return notMeasured(head, `no list update seen within ${KEY_TIMEOUT_MS} ms of any keystroke`, target);
  return measured(head, samples, {
    target: UI_TARGETS.search,
    notes: [`${KEYS_PER_TERM} first letters of city names typed one by one${unchanged ? `; ${unchanged} keystroke(s) left the list unchanged and are not counted` : ''}`],
  });
}

async function clientFigure(ctx: SizeContext, page: Page, head: FigureHead, target: string): Promise<Figure> {
  const samples: number[] = [];
  let timeouts = 0;
  for (let run = 0; run < ctx.runs; run++) {
    for (const id of share(ctx.data.sampleClientIds, run, CLIENTS_PER_RUN)) {
      const ms = await page.evaluate(openClientPage, [id, CLIENT_TIMEOUT_MS] as [string, number]);
      if (ms === null && samples.length === 0) return notMeasured(head, `screen missing: no usage chart drawn on #/clients/${id} within ${CLIENT_TIMEOUT_MS / 1000} s`, target);
      // Once the screen has shown charts, a later timeout is a slow page: counted at the timeout, a lower bound.
      if (ms === null) timeouts++;
      samples.push(ms ?? CLIENT_TIMEOUT_MS);
      await quiet(page);
      await page.evaluate(() => (location.hash = '#/clients'));
      await page.locator(ROW_SELECTOR).first().waitFor({ timeout: LIST_TIMEOUT_MS });
      await quiet(page);
    }
    ctx.log(`client page run ${run + 1}/${ctx.runs}: median so far ${Math.round([...samples].sort((a, b) => a - b)[samples.length >> 1]!)} ms`);
  }
  return measured(head, samples, {
    target: UI_TARGETS.client,
    notes: [`clients with ≥ 24 months of usage spread over the portfolio, opened from the list by their URL${timeouts ? `; ${timeouts} opening(s) showed no chart within ${CLIENT_TIMEOUT_MS / 1000} s, counted as ${CLIENT_TIMEOUT_MS / 1000} s` : ''}`],
  });
}

/** Resolves once the clients list's count ("N clients affichés sur TOTAL") reaches the portfolio's size. */
async function fullList(page: Page, clients: number): Promise<void> {
  await page.waitForFunction(
    (total) => {
      const text = document.querySelector('.result-count')?.textContent ?? '';
      const after = text.split(' sur ')[1];
      return after !== undefined && Number(after.replace(/\D/g, '')) === total;
    },
    clients,
    { timeout: LIST_TIMEOUT_MS },
  );
}
