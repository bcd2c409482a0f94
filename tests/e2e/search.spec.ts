// Search (src/features/search): reached from the header by keyboard, a combobox whose results come
// from the index of the reader's depth, with the count announced and axe clean in both themes.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, tabTo, watchPage } from './support';

// NBQX (the AMPA antagonist of the mouse study in lessons 3 and 4) is named only in clinical text.
const CLINICAL_ONLY = 'NBQX';

async function openSearchFromHeader(page: Page): Promise<void> {
  await page.goto('/');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).first();
  await tabTo(page, link);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/$/);
}

async function typeQuery(page: Page, query: string): Promise<void> {
  const field = page.getByRole('combobox', { name: /search the lessons/i });
  await tabTo(page, field);
  await page.keyboard.type(query);
}

test('a clinical-only term is found at clinical depth, by keyboard, and opens its section', async ({ page }, testInfo) => {
  const watch = watchPage(page, testInfo);
  await page.addInitScript(() => localStorage.setItem('ketamine-course:depth', 'clinical'));
  await openSearchFromHeader(page);
  await typeQuery(page, CLINICAL_ONLY);
  const status = page.getByRole('status').filter({ hasText: /result/ });
  await expect(status).toHaveText(new RegExp(`^\\d+ results? for “${CLINICAL_ONLY}”`));
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  await expect(page.getByRole('combobox')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const id = await options.first().getAttribute('id');
  await expect(page.getByRole('combobox')).toHaveAttribute('aria-activedescendant', id!);
  const url = await options.first().getAttribute('data-url');
  expect(url).toMatch(/^\/lessons\/[^/]+\/(#.+)?$/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${url!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  watch.assertClean();
});

test('the same term is not found at plain depth, and the reader can switch', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('ketamine-course:depth', 'plain'));
  await openSearchFromHeader(page);
  await expect(page.getByText(/Searching the plain-language text/)).toBeVisible();
  await typeQuery(page, CLINICAL_ONLY);
  await expect(page.getByRole('status').filter({ hasText: /result/i })).toHaveText(`No results for “${CLINICAL_ONLY}” in the plain-language text.`);
  await expect(page.getByRole('option')).toHaveCount(0);
  await page.getByRole('button', { name: 'Search the clinical text instead' }).click();
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(/^\d+ results? for/);
});

test('the result count is announced once per settled query', async ({ page }) => {
  await page.goto('/search/');
  await page.evaluate(() => {
    const status = document.querySelector('[data-search-count]')!;
    (window as unknown as { __said: string[] }).__said = [];
    new MutationObserver(() => (window as unknown as { __said: string[] }).__said.push(status.textContent ?? '')).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  await page.getByRole('combobox').pressSequentially('ketamine', { delay: 40 });
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(/results? for “ketamine”/);
  await page.waitForTimeout(600);
  const said = await page.evaluate(() => (window as unknown as { __said: string[] }).__said.filter(Boolean));
  expect(said).toHaveLength(1);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe: the open search in the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('ketamine-course:theme', t), theme);
    await page.goto('/search/?q=glutamate');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.getByRole('combobox').press('ArrowDown');
    await expectNoAxeViolations(page, `search open, ${theme}`);
  });
}

test('without JavaScript the search page says so and links to the glossary and lessons', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search/');
  await expect(page.getByText(/Search needs JavaScript/)).toBeVisible();
  await expect(page.getByRole('combobox')).toBeHidden();
  await expect(page.getByRole('main').getByRole('link', { name: 'glossary', exact: true })).toHaveAttribute('href', '/glossary/');
  await expect(page.getByRole('main').getByRole('link', { name: 'list of lessons' })).toHaveAttribute('href', '/');
  await context.close();
});

test('nothing of search loads on other pages', async ({ page }) => {
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/search/')) loaded.push(r.url());
  });
  await page.goto('/lessons/how-ketamine-works/');
  await page.waitForLoadState('networkidle');
  expect(loaded.filter((u) => !u.endsWith('/search/'))).toEqual([]);
});

test('the header search field, by keyboard, opens the search page with its results', async ({ page }, testInfo) => {
  const watch = watchPage(page, testInfo);
  await page.addInitScript(() => localStorage.setItem('ketamine-course:depth', 'clinical'));
  await page.goto('/glossary/');
  const field = page.getByRole('search', { name: 'Course' }).getByRole('searchbox', { name: 'Search the course' });
  await tabTo(page, field);
  await page.keyboard.type('REMS');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=REMS$/);
  await expect(page.getByRole('combobox', { name: /search the lessons/i })).toHaveValue('REMS');
  await expect(page.getByRole('status').filter({ hasText: /result/ })).toHaveText(/^\d+ results? for “REMS”/);
  // The search page has one field, its own.
  await expect(page.getByRole('search', { name: 'Course' })).toHaveCount(0);
  watch.assertClean();
});
