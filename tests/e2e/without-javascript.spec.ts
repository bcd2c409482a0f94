// With JavaScript off, controls that need it are not shown (finding 14 of issue 10): here, the
// Download, Load and Clear controls of /progress/. The words that explain them stay, with the note
// that they need JavaScript. With JavaScript on, the same controls are there and usable.
import { test, expect, type Page } from '@playwright/test';

const controls = (page: Page) => [
  page.getByRole('button', { name: 'Download my progress' }),
  page.getByLabel('Progress file'),
  page.getByRole('button', { name: 'Clear my data' }),
];

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/progress/ shows no control that cannot work, and says why', async ({ page }) => {
    await page.goto('/progress/');
    for (const control of controls(page)) await expect(control).toBeHidden();
    // (Playwright's text locators do not look inside <noscript>, so the note is read from the DOM.)
    const note = page.locator('main noscript p');
    await expect(note).toHaveText('Saving, loading and clearing progress need JavaScript.');
    expect(await note.evaluate((p) => p.getBoundingClientRect().height)).toBeGreaterThan(0);
    // The text alternatives stay: what each section is for, and the lesson table with its links.
    await expect(page.getByRole('heading', { name: 'Save a copy' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Clear my data' })).toBeVisible();
    await expect(page.getByRole('table').getByRole('link').first()).toBeVisible();
    expect(await page.locator('main button:visible, main input:visible').count()).toBe(0);
  });
});

test('with JavaScript, /progress/ shows the three controls', async ({ page }) => {
  await page.goto('/progress/');
  for (const control of controls(page)) await expect(control).toBeVisible();
  expect(await page.locator('main noscript p').count()).toBe(0);
});
