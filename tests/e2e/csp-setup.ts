// Starts each run with an empty CSP violation log (see csp-teardown.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { CSP_REPORT_FILE } from './csp-log';

export default function setup(): void {
  mkdirSync('reports', { recursive: true });
  writeFileSync(CSP_REPORT_FILE, '');
}
