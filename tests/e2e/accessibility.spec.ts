// The accessibility crawl: every page of the sitemap, in both themes, with axe; text contrast at
// least 7:1 (WCAG 1.4.6, axe's color-contrast-enhanced); no request leaves this machine; every
// page reflows at 320 px.
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectNoAxeViolations, sitemapPaths, watchPage, setTheme } from './support';

/** WCAG 1.4.6 (AAA): text contrast 7:1, large text 4.5:1. Not among the AA tags, so run on its own. */
async function expectEnhancedContrast(page: Page, context = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  const nodes = results.violations.flatMap((v) =>
    v.nodes.map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary}`),
  );
  expect(nodes, `text below 7:1 ${context} on ${page.url()}`).toEqual([]);
}

const paths = sitemapPaths();

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    for (const path of paths) {
      test(`axe finds nothing on ${path}`, async ({ page }, info) => {
        const watch = watchPage(page, info);
        await setTheme(page, theme);
        await page.goto(path);
        await expect(page.locator('h1')).toHaveCount(1);
        await expectNoAxeViolations(page, `(${theme})`);
        await expectEnhancedContrast(page, `(${theme})`);
        watch.assertClean();
      });
    }
  });
}

test.describe('a stored theme choice overrides the system setting', () => {
  test('dark chosen on a light system', async ({ page }) => {
    await setTheme(page, 'light');
    await page.goto('/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.goto('/lessons/why-new-treatments/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expectNoAxeViolations(page, '(dark by choice)');
    await expectEnhancedContrast(page, '(dark by choice)');
  });
});

test.describe('reflow at 320 CSS px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of paths) {
    test(`no horizontal scrolling on ${path}`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});

test.describe('the crawl can fail', () => {
  test('axe reports violations on a deliberately broken page', async ({ page }) => {
    await page.setContent(`<!doctype html><html><head><title>Broken</title></head><body>
      <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
      <p style="color:#bbb;background:#fff">Low contrast text</p>
      <button></button><h3>Skipped heading levels</h3></body></html>`);
    await expect(expectNoAxeViolations(page)).rejects.toThrow(/image-alt|color-contrast|button-name/);
  });
  test('the 7:1 check reports text that passes AA but not AAA', async ({ page }) => {
    // #1746b8 on #e6edff is 6.88:1: enough for AA, not for 1.4.6.
    await page.setContent(`<!doctype html><html lang="en"><head><title>AA only</title></head><body>
      <main><h1>Contrast</h1><p style="color:#1746b8;background:#e6edff">Almost enough contrast</p></main></body></html>`);
    await expectNoAxeViolations(page);
    await expect(expectEnhancedContrast(page)).rejects.toThrow(/contrast/);
  });
});
