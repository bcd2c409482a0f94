// The reviewer's page for authors (/authoring/review/): only in an authoring build (AUTHORING=1,
// `npm run build:authoring`) and `npm run dev`, never in the published site; there accessible,
// noindex, out of the sitemap, and generated from the references marked for review. This file makes
// its own authoring build and serves it on a port of its own, so it runs in one worker, in order.
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { expectNoAxeViolations, sitemapPaths, watchPage, setTheme } from './support';

const PATH = '/authoring/review/';
const PORT = Number(process.env.E2E_PORT ?? 4399) + 61;
const AUTHOR = `http://127.0.0.1:${PORT}`;
test.describe.configure({ mode: 'serial' });

let outDir = '';
let server: ChildProcess | undefined;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  outDir = mkdtempSync(join(tmpdir(), 'authoring-build-'));
  const build = spawnSync('npx', ['astro', 'build', '--outDir', outDir], { env: { ...process.env, AUTHORING: '1' }, encoding: 'utf8' });
  expect(build.status, `the authoring build:\n${build.stderr}`).toBe(0);
  server = spawn(process.execPath, ['scripts/serve-dist.mjs', outDir, String(PORT)], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if (await fetch(AUTHOR).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the authoring build's server did not start on ${PORT}`);
});
test.afterAll(() => {
  server?.kill();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test('the published site has no reviewer page', () => {
  expect(existsSync(join('dist', 'authoring')), 'dist/authoring/ (the site npm run build writes)').toBe(false);
});
const refs = parseYaml(readFileSync('lessons/references.yaml', 'utf8')) as { id: string; reviewFlags?: string[]; reviewNote?: string }[];
const marked = refs.filter((r) => r.reviewFlags?.length || r.reviewNote);

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the reviewer page (${theme})`, async ({ page }, info) => {
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.goto(AUTHOR + PATH);
    await expect(page.locator('h1')).toHaveText("Reviewer's page");
    await page.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    await expectNoAxeViolations(page, `(${theme})`);
    watch.assertClean();
  });
}

test('is noindex, not in the sitemap, and lists every marked reference with the claims that cite it', async ({ page }) => {
  expect(sitemapPaths()).not.toContain(PATH);
  await page.goto(AUTHOR + PATH);
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
