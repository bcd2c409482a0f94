// Every e2e test runs against pages served with the real Content-Security-Policy header, which
// reports violations to the test server (scripts/serve-dist.mjs, report-uri). Whatever suite
// triggered them, the run fails here, listing what was blocked and where.
import { existsSync, readFileSync } from 'node:fs';
import { CSP_REPORT_FILE } from './csp-log';

export default function teardown(): void {
  if (!existsSync(CSP_REPORT_FILE)) return;
  // The CSP suite's negative controls inject one marked inline script and one marked style attribute
  // on purpose ('report-sample' puts the start of the blocked code in the report).
  const reports = readFileSync(CSP_REPORT_FILE, 'utf8')
    .split('\n')
    .filter((line) => line && !line.includes('csp-negative-control'));
  if (reports.length === 0) return;
  const lines = reports.slice(0, 20).map((line) => {
    try {
      const r = JSON.parse(line)['csp-report'] ?? {};
      return `${r['violated-directive'] ?? r['effective-directive']} blocked ${r['blocked-uri']} on ${r['document-uri']}`;
    } catch {
      return line.slice(0, 200);
    }
  });
  throw new Error(`${reports.length} Content-Security-Policy violation(s) during the e2e run:\n${lines.join('\n')}`);
}
