// The after-build passes on small real folders: the _headers file from each page's meta policy
// (src/integrations/security.mjs) and the service worker's precache manifest
// (src/integrations/offline.mjs, Workbox's getManifest loaded on its own, without generateSW).
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import securityHeaders, { unionPolicy } from '../../src/integrations/security.mjs';
import { writeServiceWorker } from '../../src/integrations/offline.mjs';

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'after-build-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const page = (policy: string, body = '') =>
  `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy.replaceAll("'", '&#39;')}"></head><body>${body}</body></html>`;

describe('the _headers file', () => {
  it('unites the sources of every policy, per directive, in first-seen order, whatever repeats', () => {
    const a = "script-src 'self' 'sha256-A'; style-src 'self'";
    const b = "script-src 'self' 'sha256-B'; img-src 'self' data:";
    const union = "script-src 'self' 'sha256-A' 'sha256-B'; style-src 'self'; img-src 'self' data:";
    expect(unionPolicy([a, b])).toBe(union);
    expect(unionPolicy(new Set([a, b, a, b, a]))).toBe(union);
    expect(unionPolicy([a, a, b, a, b])).toBe(union);
  });

  it('is written from the policies of every page, a long page read only as far as its head', () => {
    const root = folder({
      'index.html': page("script-src 'self' 'sha256-A'"),
      'a/index.html': page("script-src 'self' 'sha256-B'", 'x'.repeat(100_000)),
      'b/index.html': page("script-src 'self' 'sha256-A'"),
      'c/d/index.html': page("style-src 'self'"),
    });
    const logged: string[] = [];
    const hook = securityHeaders().hooks['astro:build:done'] as (o: object) => void;
    hook({ dir: pathToFileURL(`${root}/`), logger: { info: (m: string) => logged.push(m) } });
    const written = readFileSync(join(root, '_headers'), 'utf8');
    expect(written).toMatch(/^\/\*\n {2}Content-Security-Policy: script-src 'self' 'sha256-(A|B)' 'sha256-(A|B)'; style-src 'self'; frame-ancestors 'self'\n/);
    expect(written).toContain('sha256-A');
    expect(written).toContain('sha256-B');
    expect(logged).toEqual(['_headers written (CSP from 4 pages)']);
  });

  it('fails the build for a page without a policy', () => {
    const root = folder({ 'index.html': page("script-src 'self'"), 'bare/index.html': '<html><head></head></html>' });
    const hook = securityHeaders().hooks['astro:build:done'] as (o: object) => void;
    expect(() => hook({ dir: pathToFileURL(`${root}/`), logger: { info: () => {} } })).toThrow(/bare\/index\.html: no Content-Security-Policy meta tag/);
  });
});

describe('the service worker', () => {
  it('precaches each file with its content hash, and leaves out what is not for learners', async () => {
    const root = folder({
      'index.html': '<p>home</p>',
      'lessons/a/index.html': '<p>a</p>',
      'search/plain/fragment/x.pf_fragment': 'fragment',
      'authoring/index.html': '<p>authors</p>',
      '_headers': '/*',
      'sitemap-0.xml': '<urlset/>',
    });
    await writeServiceWorker(root);
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    for (const [url, text] of [['index.html', '<p>home</p>'], ['lessons/a/index.html', '<p>a</p>'], ['search/plain/fragment/x.pf_fragment', 'fragment']]) {
      expect(sw).toMatch(new RegExp(`url:"${url.replaceAll('.', '\\.')}",revision:"${md5(text)}"`));
    }
    expect(sw).not.toMatch(/authoring|_headers|sitemap/);
  });
});
