import type { LoadRecord, LoadTestResult } from '@assay/loadtest';

/**
 * The self-contained HTML report of a load test.
 *
 * @param result - the results
 * @param records - the records
 * @returns HTML
 */
export function loadtestHtml(result: LoadTestResult, records: readonly LoadRecord[]): string {
  return `<!doctype html><html><body><pre>${JSON.stringify(result)}</pre><p>${records.length} requests</p></body></html>`;
}
