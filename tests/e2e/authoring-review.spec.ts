// The reviewer's page for authors (/authoring/review/): accessible, noindex, left out of the
// sitemap, not linked from learner pages, and generated from the references marked for review.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { expectNoAxeViolations, sitemapPaths, watchPage, setTheme } from './support';

const PATH = '/authoring/review/';
const refs = parseYaml(readFileSync('lessons/references.yaml', 'utf8')) as { id: string; reviewFlags?: string[]; reviewNote?: string }[];
const marked = refs.filter((r) => r.reviewFlags?.length || r.reviewNote);

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the reviewer page (${theme})`, async ({ page }, info) => {
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.goto(PATH);
    await expect(page.locator('h1')).toHaveText("Reviewer's page");
    await page.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectNoAxeViolations(page, `(${theme})`);
    watch.assertClean();
  });
}

test('is noindex, not in the sitemap, and lists every marked reference with the claims that cite it', async ({ page }) => {
  expect(sitemapPaths()).not.toContain(PATH);
  await page.goto(PATH);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(marked.length).toBeGreaterThan(10);
  await expect(page.locator('section.ref')).toHaveCount(marked.length);
  // The current-label reference is label-derived and cited in many lessons.
  const pi = page.locator('section.ref', { has: page.locator('#ref-spravato-pi') });
  await expect(pi).toContainText('Label-derived');
  await expect(pi.locator('summary')).toHaveText(/\d+ claims in the lessons/);
  await expect(pi.locator('.claims a').first()).toHaveAttribute('href', /^\/lessons\/[a-z-]+\/$/);
});

test('no learner page links to it', async ({ page }) => {
  for (const path of ['/', '/references/', '/lessons/the-evidence/']) {
    await page.goto(path);
    await expect(page.locator('a[href*="/authoring/"]')).toHaveCount(0);
  }
});
