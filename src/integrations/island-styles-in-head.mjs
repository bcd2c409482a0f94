// Astro writes its island rule (`astro-island{display:contents}`) as a <style> in <body>, just
// before the first island. HTML allows <style> in <body> only as the first child of its parent and
// with selectors that cannot match earlier elements, so the W3C checker rejects every page with an
// island. This moves that one rule into <head>; the rule is unchanged, so a CSP hash for it stays
// valid. It also drops a stylesheet link that a page repeats.
// It runs as middleware while each page is rendered (in the build and in dev), on the page's bytes,
// not as a pass over dist/ after the build: that pass read, decoded and rewrote ~1,500 of 2,378
// pages (196 MB) at 500 lessons, ~4 s of cpu (issue #13).

import { Buffer } from 'node:buffer';

const ISLAND_STYLE = Buffer.from('<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>');
const HEAD_END = Buffer.from('</head>');
const LINK = Buffer.from('<link rel="stylesheet" href="');
const QUOTE = 0x22;
const GT = 0x3e;

/** Moves the island style of one page into its head (before the first `</head>` once the style is
 *  out); returns the same buffer when the page has none. */
export function moveIslandStyleBytes(page) {
  const at = page.indexOf(ISLAND_STYLE);
  if (at < 0) return page;
  const without = Buffer.concat([page.subarray(0, at), page.subarray(at + ISLAND_STYLE.length)]);
  const head = without.indexOf(HEAD_END);
  if (head < 0) return without;
  return Buffer.concat([without.subarray(0, head), ISLAND_STYLE, without.subarray(head)]);
}

/** Drops a stylesheet link (`<link rel="stylesheet" href="…"…>`) that repeats an earlier one on the
 *  page, byte for byte. A page that renders several lessons (/learned/) gets the styles each lesson
 *  imports once per lesson from Astro. Returns the same buffer when nothing repeats. */
export function dropRepeatedStylesheetsBytes(page) {
  const seen = new Set();
  /** Byte ranges of the repeats, in order. */
  const drop = [];
  let from = 0;
  for (let at = page.indexOf(LINK, from); at >= 0; at = page.indexOf(LINK, from)) {
    const href = at + LINK.length;
    const close = page.indexOf(QUOTE, href);
    // An empty or unclosed href is no stylesheet link; look again after this one.
    if (close <= href) {
      from = at + 1;
      continue;
    }
    const end = page.indexOf(GT, close + 1);
    if (end < 0) break;
    // latin1 maps bytes to characters one to one, so equal keys are equal bytes.
    const link = page.toString('latin1', at, end + 1);
    if (seen.has(link)) drop.push(at, end + 1);
    else seen.add(link);
    from = end + 1;
  }
  if (drop.length === 0) return page;
  const parts = [];
  let kept = 0;
  for (let i = 0; i < drop.length; i += 2) {
    parts.push(page.subarray(kept, drop[i]));
    kept = drop[i + 1];
  }
  parts.push(page.subarray(kept));
  return Buffer.concat(parts);
}

/** Both fixes on one page's bytes. */
export const tidyPage = (page) => dropRepeatedStylesheetsBytes(moveIslandStyleBytes(page));

/** The same fixes on a page as text (for tests and tools that hold a string). */
export const moveIslandStyle = (html) => moveIslandStyleBytes(Buffer.from(html)).toString();
export const dropRepeatedStylesheets = (html) => dropRepeatedStylesheetsBytes(Buffer.from(html)).toString();

/** The middleware: a rendered page (text/html, with a body) comes back tidied; anything else (the
 *  JSON and text endpoints, redirects) passes through untouched. */
export async function onRequest(_context, next) {
  const response = await next();
  if (!response.body || !/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) return response;
  const page = Buffer.from(await response.arrayBuffer());
  const headers = new Headers(response.headers);
  // The body's length may change; a stale Content-Length would cut the page short.
  headers.delete('content-length');
  return new Response(tidyPage(page), { status: response.status, statusText: response.statusText, headers });
}

export default function islandStylesInHead() {
  return {
    name: 'island-styles-in-head',
    hooks: {
      'astro:config:setup': ({ addMiddleware }) => {
        addMiddleware({ entrypoint: new URL(import.meta.url), order: 'post' });
      },
    },
  };
}
