// Authoring marks stay with the authors: no built page shows a learner [K], "verify", "fact sheet",
// "not confirmed", "needs verification" or "unverified" — in its text, its speaker notes, or the
// props an island renders from. Reads dist/ as built by `npm run test:e2e`.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const AUTHORING = /\[K\]|\bverify\b|\bfact[ -]sheet\b|\bnot confirmed\b|\bneeds? verification\b|\bunverified\b/gi;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
  nbsp: ' ',
};
const decode = (s: string) =>
  s.replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (ENTITIES[e] ?? m),
  );

/** What a learner can meet on a page: markup and attribute values (island props), decoded; not code. */
function learnerText(html: string): string {
  const withoutCode = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>|<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ');
  // Island props are HTML-escaped JSON inside an attribute: decode twice.
  return decode(decode(withoutCode));
}

function authoringMarks(text: string): string[] {
  return [...text.matchAll(AUTHORING)].map((m) => {
    const at = m.index ?? 0;
    return `“${m[0]}” in “…${text.slice(Math.max(0, at - 50), at + m[0].length + 30).replace(/\s+/g, ' ')}…”`;
  });
}

test('the check finds marks, in text and in island props', () => {
  expect(authoringMarks(learnerText('<p>From knowledge ([K]); verify before citing</p>'))).toHaveLength(2);
  expect(
    authoringMarks(learnerText('<astro-island props="{&quot;n&quot;:&quot;Journal not confirmed&quot;}">')),
  ).toHaveLength(1);
  expect(authoringMarks(learnerText('<p>The fact-sheet says so; needs verification.</p>'))).toHaveLength(2);
  expect(
    authoringMarks(learnerText('<p>Peer reviewed; verified by the FDA label.</p><script>verify()</script>')),
  ).toEqual([]);
});

test('no built page contains authoring vocabulary', () => {
  // Every page of the published site is a learner's: the reviewers' page, which lists the marks on
  // purpose, is only in an authoring build (authoring-review.spec.ts).
  const files = htmlFiles('dist');
  expect(files.length, 'pages in dist/ (was the site built?)').toBeGreaterThan(40);
  const found = files.flatMap((file) =>
    authoringMarks(learnerText(readFileSync(file, 'utf8'))).map((m) => `${file}: ${m}`),
  );
  expect(found, `${found.length} authoring marks on learner pages`).toEqual([]);
});
