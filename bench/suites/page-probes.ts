/**
 * Functions that run INSIDE the app page (passed to page.evaluate or
 * addInitScript): every UI figure is timed there with performance.now(), from
 * the event to the frame that shows its result, never across Playwright.
 * "Shown" = a requestAnimationFrame after the DOM changed, then a task: the
 * frame has been produced and the main thread is free again (responding).
 */
type ProbeWindow = Window & { __benchOpen?: { visible: number; interactive: number }; __benchKey?: Promise<number | null> };

/** A data row of the clients list (ARIA grid, or a plain table). */
export const ROW_SELECTOR = '[role="row"]:has([role="gridcell"]), tbody tr';

/** Init script: from navigation start (performance.now() = 0) to the first row shown and the page responding. */
export function openProbe(rowSelector: string): void {
  const w = window as ProbeWindow;
  const observer = new MutationObserver(() => {
    const row = document.querySelector(rowSelector);
    if (!row || row.getClientRects().length === 0) return;
    observer.disconnect();
    const visible = performance.now();
    requestAnimationFrame(() => setTimeout(() => (w.__benchOpen = { visible, interactive: performance.now() }), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Arms the keystroke probe on the focused search box: from the keydown's
 * timestamp to the frame after the list (grid or table) or its result count
 * changed. Resolves null when nothing changed within `timeoutMs`.
 */
export function armKeystroke(timeoutMs: number): void {
  const w = window as ProbeWindow;
  const input = document.activeElement as HTMLElement;
  const list = document.querySelector('[role="grid"], table');
  const count = document.querySelector('[role="status"]');
  w.__benchKey = new Promise((resolve) => {
    let start: number | undefined;
    input.addEventListener('keydown', (e) => (start = e.timeStamp), { once: true, capture: true });
    const observer = new MutationObserver(() => {
      if (start === undefined) return;
      observer.disconnect();
      const from = start;
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from), 0));
    });
    for (const target of [list, count]) if (target) observer.observe(target, { childList: true, subtree: true, characterData: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(null);
    }, timeoutMs);
  });
}

export function keystrokeResult(): Promise<number | null> {
  return (window as ProbeWindow).__benchKey ?? Promise.resolve(null);
}

/** Resolves once the page has made no DOM change for `quietMs` (a list or screen has settled), or after `maxMs`. */
export function settle([quietMs, maxMs]: [number, number]): Promise<void> {
  return new Promise((resolve) => {
    let timer = setTimeout(done, quietMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    const cap = setTimeout(done, maxMs);
    function done() {
      observer.disconnect();
      clearTimeout(cap);
      resolve();
    }
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

/**
 * Opens `#/clients/<id>` and resolves with the time until every chart of the
 * page is drawn (each Recharts container holds a surface with its bars or
 * line), or null when no chart appears within `timeoutMs`.
 */
export function openClientPage([id, timeoutMs]: [string, number]): Promise<number | null> {
  const chartsDrawn = () => {
    const main = document.querySelector('main') ?? document.body;
    const surfaces = [...main.querySelectorAll('svg.recharts-surface')];
    // A ResponsiveContainer draws its surface only after measuring itself: wait for every one.
    const containers = main.querySelectorAll('.recharts-responsive-container').length;
    return surfaces.length > 0 && surfaces.length >= containers && surfaces.every((s) => s.querySelector('.recharts-bar-rectangle, .recharts-curve'));
  };
  return new Promise((resolve) => {
    const start = performance.now();
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(value: number | null) {
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    }
    function check() {
      if (!chartsDrawn()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => finish(performance.now() - start), 0));
    }
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    location.hash = `#/clients/${encodeURIComponent(id)}`;
  });
}
