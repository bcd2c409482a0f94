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

/** Where the page-rendering time went, from Astro's build log: the "(+12ms)" it prints after each
 *  page, summed by route (a lesson's, module's or bank's own name becomes "*"), most costly first.
 *  Astro prints nothing else per page, so this is the one breakdown a build gives for free (#13:
 *  which views to render once, or not at all). */
export function renderTimes(log) {
  const routes = new Map();
  for (const m of log.matchAll(/[├└]─ (\/\S*) \(\+(\d+)ms\)/g)) {
    const route = m[1]
      .replace(/^\/(lessons|modules|learned)\/[^/]+\//, '/$1/*/')
      .replace(/^\/assessment\/banks\/[^/]+\.json$/, '/assessment/banks/*.json');
    const at = routes.get(route) ?? { route, pages: 0, ms: 0 };
    at.pages += 1;
    at.ms += Number(m[2]);
    routes.set(route, at);
  }
  return [...routes.values()].sort((a, b) => b.ms - a.ms || a.route.localeCompare(b.route));
}
