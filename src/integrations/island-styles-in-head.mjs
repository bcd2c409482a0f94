// Astro writes its island rule (`astro-island{display:contents}`) as a <style> in <body>, just
// before the first island. HTML allows <style> in <body> only as the first child of its parent and
// with selectors that cannot match earlier elements, so the W3C checker rejects every page with an
// island. After the build, this moves that one rule into <head>; the rule is unchanged, so a CSP
// hash for it stays valid. It also drops a stylesheet link that a page repeats.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ISLAND_STYLE = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/;

async function* htmlFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** Moves the island style of one page into its head; returns the page unchanged when it has none. */
export function moveIslandStyle(html) {
  const match = ISLAND_STYLE.exec(html);
  if (!match) return html;
  const without = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  return without.replace('</head>', `${match[0]}</head>`);
}

const STYLESHEET_LINK = /<link rel="stylesheet" href="[^"]+"[^>]*>/g;

/** Drops a stylesheet link that repeats an earlier one on the page. A page that renders several
 * lessons (/learned/) gets the styles each lesson imports once per lesson from Astro. */
export function dropRepeatedStylesheets(html) {
  const seen = new Set();
  return html.replace(STYLESHEET_LINK, (link) => {
    if (seen.has(link)) return '';
    seen.add(link);
    return link;
  });
}

export default function islandStylesInHead() {
  return {
    name: 'island-styles-in-head',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        for await (const file of htmlFiles(fileURLToPath(dir))) {
          const html = await readFile(file, 'utf8');
          const moved = dropRepeatedStylesheets(moveIslandStyle(html));
          if (moved !== html) await writeFile(file, moved);
        }
      },
    },
  };
}
