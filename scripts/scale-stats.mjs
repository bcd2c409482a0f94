// The figures bench:scale prints for a built site (scripts/bench-scale.mjs), shared with the test
// that holds the listing pages' limits (tests/unit/scale-pages.test.ts).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The pages that list the whole course, and the limits each keeps at any course size (issue #13). */
export const LISTING_PAGES = ['index.html', 'learned/index.html', 'progress/index.html', 'assessment/index.html'];
export const LIMITS = { kb: 150, elements: 3000 };

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Elements in an HTML document, as the parser would create them (not counting text nodes):
 *  start tags outside comments, scripts and styles. */
export function countElements(html) {
  const stripped = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1')
    .replace(/(<style\b[^>]*>)[\s\S]*?<\/style>/gi, '$1');
  return (stripped.match(/<[a-zA-Z][a-zA-Z0-9-]*/g) ?? []).length;
}

export function distStats(dist) {
  const files = walk(dist);
  const pages = files.filter((f) => f.endsWith('.html')).length;
  const bytes = files.reduce((s, f) => s + statSync(f).size, 0);
  const listing = Object.fromEntries(
    LISTING_PAGES.map((p) => {
      const file = join(dist, p);
      if (!existsSync(file)) return [p, null];
      const html = readFileSync(file, 'utf8');
      return [p, { kb: Buffer.byteLength(html) / 1024, elements: countElements(html) }];
    }),
  );
  return { pages, distMB: bytes / 1024 / 1024, listing };
}
