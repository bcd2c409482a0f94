// The island style moved into <head> and repeated stylesheet links dropped, on each page's bytes as
// it is rendered (src/integrations/island-styles-in-head.mjs). The byte version replaced a pass over
// dist/ that did the same with two regular expressions on each page's text; those expressions are
// kept here as the reference the bytes must match.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import islandStylesInHead, {
  dropRepeatedStylesheets,
  moveIslandStyle,
  onRequest,
  tidyPage,
} from '../../src/integrations/island-styles-in-head.mjs';

const STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/** The former pass's text version, as it was (git history: island-styles-in-head.mjs). */
function reference(html: string): string {
  const island = /<style>astro-island,astro-slot,astro-static-slot\{display:contents\}<\/style>/.exec(html);
  let moved = html;
  if (island) {
    const without = html.slice(0, island.index) + html.slice(island.index + island[0].length);
    moved = without.replace('</head>', `${island[0]}</head>`);
  }
  const seen = new Set<string>();
  return moved.replace(/<link rel="stylesheet" href="[^"]+"[^>]*>/g, (link) => {
    if (seen.has(link)) return '';
    seen.add(link);
    return link;
  });
}

/** Pages made of the pieces that matter: the style, head ends, whole and broken links, quotes,
 *  brackets and text beyond ASCII (UTF-8 bytes are not characters). */
const piece = fc.oneof(
  fc.constant(STYLE),
  fc.constant('</head>'),
  fc.constant('</he'),
  fc.constant('<link rel="stylesheet" href="'),
  fc.constantFrom('/_astro/a.css', '/_astro/b.css', 'é', '"', '>', ' media="print"', ''),
  fc.constantFrom('<link rel="stylesheet" href="/_astro/a.css">', '<link rel="stylesheet" href="/_astro/b.css" media="print">'),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const page = fc.array(piece, { maxLength: 30 }).map((pieces) => pieces.join(''));

describe('tidying a page', () => {
  it('moves the island style from <body> to the end of <head>', () => {
    const html = `<html><head><title>t</title></head><body><p>a</p>${STYLE}<astro-island></astro-island></body></html>`;
    expect(moveIslandStyle(html)).toBe(`<html><head><title>t</title>${STYLE}</head><body><p>a</p><astro-island></astro-island></body></html>`);
  });
  it('leaves a page without the style, or without a repeated link, the same bytes (no copy)', () => {
    const bytes = Buffer.from('<html><head><link rel="stylesheet" href="/a.css"></head><body>ü</body></html>');
    expect(tidyPage(bytes)).toBe(bytes);
  });
  it('drops a repeated link and keeps the first', () => {
    const a = '<link rel="stylesheet" href="/_astro/a.css">';
    const b = '<link rel="stylesheet" href="/_astro/b.css">';
    expect(dropRepeatedStylesheets(`<head>${a}${b}${a}</head><body>${b}</body>`)).toBe(`<head>${a}${b}</head><body></body>`);
  });
  it('gives what the former text version gave, for any page', () => {
    fc.assert(
      fc.property(page, (html) => {
        expect(tidyPage(Buffer.from(html)).toString()).toBe(reference(html));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the middleware', () => {
  const html = `<html><head></head><body>${STYLE}<p>é</p></body></html>`;
  it('tidies a rendered page and keeps its status and headers, but not a stale length', async () => {
    const rendered = new Response(html, { status: 404, headers: { 'content-type': 'text/html', 'content-length': '3', 'x-a': '1' } });
    const response = await onRequest({}, async () => rendered);
    expect(await response.text()).toBe(`<html><head>${STYLE}</head><body><p>é</p></body></html>`);
    expect(response.status).toBe(404);
    expect(response.headers.get('x-a')).toBe('1');
    expect(response.headers.get('content-length')).toBeNull();
  });
  it('passes anything that is not a page through untouched', async () => {
    const json = new Response(html, { headers: { 'content-type': 'application/json' } });
    expect(await onRequest({}, async () => json)).toBe(json);
    const redirect = new Response(null, { status: 301, headers: { location: '/a/' } });
    expect(await onRequest({}, async () => redirect)).toBe(redirect);
  });
  it('is registered by the integration, from this module, after any of the site\'s own', async () => {
    const added: { entrypoint: URL; order: string }[] = [];
    const hook = islandStylesInHead().hooks['astro:config:setup'] as (o: object) => void;
    hook({ addMiddleware: (m: { entrypoint: URL; order: string }) => added.push(m) });
    expect(added).toHaveLength(1);
    expect(added[0].order).toBe('post');
    const module = await import(/* @vite-ignore */ added[0].entrypoint.href);
    expect(module.onRequest).toBe(onRequest);
  });
});
