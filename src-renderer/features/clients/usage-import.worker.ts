import { parseUsageCsv } from '../../../src-core';
import { ROWS_PER_MESSAGE, type UsageParseMessage, type UsageParseRequest } from './usage-import-protocol';

/**
 * Reads and checks a usage CSV off the main thread (145,000 lines take
 * seconds): the screen stays responsive, shows the progress and can cancel
 * by terminating this worker. src-core's parser is the same as anywhere else.
 */
const scope = self as unknown as { postMessage(message: UsageParseMessage): void; onmessage: ((event: MessageEvent<UsageParseRequest>) => void) | null };

scope.onmessage = (event) => {
  void parse(event.data);
};

async function parse({ file, contracts, today }: UsageParseRequest): Promise<void> {
  try {
    const text = await file.text();
    const report = parseUsageCsv(text, { contracts, today, onProgress: (done, total) => scope.postMessage({ kind: 'progress', done, total }) });
    for (let start = 0; start < report.rows.length; start += ROWS_PER_MESSAGE) scope.postMessage({ kind: 'rows', rows: report.rows.slice(start, start + ROWS_PER_MESSAGE) });
    scope.postMessage({ kind: 'done', report: { ...report, rows: [] } });
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
