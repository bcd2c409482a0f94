// A page loads each stylesheet's bytes once: no page links two stylesheets with the same content
// (the quiz's styles used to ship twice on every lesson, under two names).
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The stylesheets a page links, as paths in dist/. */
const stylesheets = (html: string) =>
  [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+\.css)"/g)].map((m) => join('dist', m[1]));

test('no page links two byte-identical stylesheets', () => {
  const files = htmlFiles('dist');
  expect(files.length, 'pages in dist/ (was the site built?)').toBeGreaterThan(40);
  const twice = files.flatMap((file) => {
    const seen = new Map<string, string>();
    return stylesheets(readFileSync(file, 'utf8')).flatMap((css) => {
      const digest = createHash('sha256').update(readFileSync(css)).digest('hex');
      const first = seen.get(digest);
      seen.set(digest, css);
      return first ? [`${file}: ${css} repeats ${first}`] : [];
    });
  });
  expect(twice).toEqual([]);
});

// The diagram's stylesheet (its art tokens, --rec-nmda among them) is linked by the pages of the
// lessons that show the diagram, in every view, and by no other lesson page (issue #10: lesson pages
// do not load CSS they do not use). /learned/ shows key points kept as data from each lesson's MDX
// tree (src/integrations/key-points.mjs) and renders no lesson, so it does not load it either.
test('only the pages of lessons with the diagram load its stylesheet', () => {
  const diagramLessons = readdirSync('lessons')
    .filter((f) => f.endsWith('.mdx') && /^diagram: true$/m.test(readFileSync(join('lessons', f), 'utf8')))
    .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));
  expect(diagramLessons.length).toBeGreaterThan(0);
  const loadsDiagram = (file: string) =>
    stylesheets(readFileSync(file, 'utf8')).some((css) => readFileSync(css, 'utf8').includes('--rec-nmda:'));
  const wrong = htmlFiles('dist').flatMap((file) => {
    const slug = file.match(/^dist\/lessons\/([^/]+)\//)?.[1];
    const expected = (slug !== undefined && diagramLessons.includes(slug));
    const actual = loadsDiagram(file);
    return actual === expected ? [] : [`${file}: ${actual ? 'loads' : 'misses'} the diagram stylesheet`];
  });
  expect(wrong).toEqual([]);
});
