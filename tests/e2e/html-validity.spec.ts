// Valid HTML: the W3C Nu checker (vnu-jar, run on Java) reports no error on any built page.
// Runs on dist/ as built by `npm run test:e2e`; Java is required (.ci/run installs it when missing).
import { test, expect } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The checker's jar, shipped inside the vnu-jar package (its Java downloader is not used).
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** Runs the checker; returns its error messages (warnings and info are not errors). */
function nuErrors(args: string[], input?: string): NuMessage[] {
  const run = spawnSync('java', ['-jar', VNU_JAR, '--format', 'json', '--errors-only', ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`The Nu checker needs Java 11+ ("java" on PATH): ${run.error.message}`);
  // The checker writes its JSON report to stderr, and exits 1 when it found errors.
  const report = JSON.parse(run.stderr) as { messages: NuMessage[] };
  return report.messages.filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error');
}

test.describe('valid HTML (W3C Nu checker)', () => {
  test.setTimeout(180_000);

  test('java is installed', () => {
    expect(
      execFileSync('java', ['-version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ).toBeDefined();
  });

  test('every built page has 0 errors', () => {
    const files = htmlFiles('dist');
    expect(files.length, 'pages in dist/ (was the site built?)').toBeGreaterThan(40);
    const errors = nuErrors(files);
    const summary = errors.map((m) => `${m.url?.replace(/^.*\/dist\//, 'dist/')}:${m.lastLine ?? '?'}: ${m.message}`);
    expect(summary).toEqual([]);
  });

  test('the check can fail: a script after </html> and a misplaced <style> are errors', () => {
    const broken =
      '<!doctype html><html lang="en"><head><title>t</title></head><body><p>x</p>' +
      '<style>p{color:red}</style></body></html><script type="module" src="/a.js"></script>';
    const messages = nuErrors(['-'], broken).map((m) => m.message);
    expect(messages.join('\n')).toMatch(/Stray start tag “script”/);
    expect(messages.join('\n')).toMatch(/“style” element/);
  });
});
