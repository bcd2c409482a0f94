// Shared end-to-end helpers: the axe check, the sitemap, keyboard navigation and error capture.
import { expect, type Page, type Locator, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Runs axe on the page as it is now; fails listing each violation, its rule and its targets. */
export async function expectNoAxeViolations(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n    ')}`,
  );
  expect(summary, `axe violations ${context} on ${page.url()}`).toEqual([]);
}

/** Every page path in the built sitemap (dist/sitemap-*.xml), as paths on the test server. */
export function sitemapPaths(): string[] {
  const files = readdirSync('dist').filter((f) => /^sitemap-\d+\.xml$/.test(f));
  const paths = files.flatMap((f) =>
    [...readFileSync(`dist/${f}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname),
  );
  if (paths.length === 0) throw new Error('The sitemap lists no pages: was the site built?');
  return paths;
}

/** Fails the test on any page error or console error, and on any request that leaves this host. */
export function watchPage(page: Page, testInfo?: TestInfo) {
  const problems: string[] = [];
  const outside: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) {
      outside.push(request.url());
    }
  });
  return {
    problems,
    outside,
    assertClean() {
      expect(problems, `errors on ${testInfo?.title ?? page.url()}`).toEqual([]);
      expect(outside, 'requests that left this machine').toEqual([]);
    },
  };
}

/** Waits until every Svelte island on the page has hydrated. */
export async function waitForIslands(page: Page): Promise<void> {
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Presses Tab (or Shift+Tab) until the target has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, { max = 80, back = false } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Could not reach ${target} with the keyboard in ${max} presses`);
}

export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
}
