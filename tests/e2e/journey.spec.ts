// The learner's journey, keyboard only, in a real browser with real localStorage: start the
// course, finish lesson 1, go on, come back, and move progress out and in again. Then the same
// journey with storage that throws on every call, and with a corrupt stored record.
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { tabTo, watchPage, expectNoAxeViolations } from './support';
import { loadBank, passQuiz } from './quiz-support';

const bank = loadBank('01-why-new-treatments');

const KEY = 'ketamine-course:progress';

async function startAndFinishLessonOne(page: Page) {
  await page.goto('/');
  const start = page.getByRole('link', { name: 'Start the course' });
  await tabTo(page, start);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/why-new-treatments\/$/);
  await expect(page.getByText('Module 1 · Lesson 1 of 3')).toBeVisible();

  // Read to the end with the keyboard, pass the lesson's quiz, then go on.
  await passQuiz(page, bank);
  const next = page.getByRole('link', { name: /^Next lesson:/ }).first();
  await tabTo(page, next, { max: 60 });
  await expect(page.locator('[data-lesson-status]')).toContainText('Lesson complete');
  await expect(page.getByRole('button', { name: 'Mark as complete' })).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Module 1 · Lesson 2 of 3')).toBeVisible();
}

test('keyboard journey: start, complete, continue, reload, export, clear, import', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await startAndFinishLessonOne(page);

  // Come back later: the path remembers.
  await page.reload();
  await page.goto('/');
  const first = page.locator('[data-lesson-path] li[data-slug]').first();
  await expect(first.locator('[data-status]')).toHaveText('Completed');
  await expect(page.locator('[data-lesson-path] li[data-slug]').nth(1).locator('[data-status]')).toHaveText('In progress');
  await expect(page.locator('[data-course-cta]')).toHaveText('Continue: Lesson 2');
  await expectNoAxeViolations(page, '(path with progress)');

  // Export.
  await page.goto('/progress/');
  await expect(page.locator('tr[data-slug="why-new-treatments"] [data-cell="status"]')).toHaveText('Completed');
  const exportButton = page.getByRole('button', { name: 'Download my progress' });
  await tabTo(page, exportButton);
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const file = await (await downloading).path();
  const exported = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported.format).toBe('ketamine-course-progress');
  expect(exported.lessons['why-new-treatments'].completedAt).toBeTruthy();
  await expect(page.getByRole('status').filter({ hasText: 'downloaded' })).toBeVisible();

  // Clear, through the confirmation dialog.
  const clear = page.getByRole('button', { name: 'Clear my data' });
  await tabTo(page, clear);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Clear your data?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, '(clear dialog open)');
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Yes, clear my data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The confirmation is beside the button, in view, and has focus (issue 10).
  await expect(page.locator('[data-clear-done]')).toBeFocused();
  await expect(page.locator('[data-clear-done]')).toBeInViewport();
  await expect(page.locator('tr[data-slug="why-new-treatments"] [data-cell="status"]')).toHaveText('Not started');
  expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBeNull();

  // Import the file again: everything is back.
  const input = page.getByLabel('Progress file');
  await tabTo(page, input);
  const choosing = page.waitForEvent('filechooser');
  await page.keyboard.press('Space');
  await (await choosing).setFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'Progress loaded' })).toContainText('1 lesson was added');
  await expect(page.locator('tr[data-slug="why-new-treatments"] [data-cell="status"]')).toHaveText('Completed');
  await expectNoAxeViolations(page, '(after import)');

  // A file that is not progress is refused and changes nothing.
  const choosingAgain = page.waitForEvent('filechooser');
  await input.focus();
  await page.keyboard.press('Space');
  await (await choosingAgain).setFiles({ name: 'evil.json', mimeType: 'application/json', buffer: Buffer.from('{"version":2,"lessons":{"x":{"completedAt":"<script>"}}}') });
  await expect(page.getByRole('status').filter({ hasText: 'Nothing was changed' })).toBeVisible();
  await expect(page.locator('tr[data-slug="why-new-treatments"] [data-cell="status"]')).toHaveText('Completed');
  watch.assertClean();
});

test('two tabs agree: a completion in one shows in the other', async ({ context }) => {
  const path = await context.newPage();
  await path.goto('/');
  await expect(path.locator('[data-lesson-path] li[data-slug]').first().locator('[data-status]')).toHaveText('Not started');
  const lesson = await context.newPage();
  await lesson.goto('/lessons/why-new-treatments/');
  await passQuiz(lesson, bank);
  await expect(path.locator('[data-lesson-path] li[data-slug]').first().locator('[data-status]')).toHaveText('Completed');
});

test.describe('when storage fails', () => {
  test('storage that throws on every call: the journey completes, with one polite notice', async ({ page }, info) => {
    await page.addInitScript(() => {
      const deny = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
      Storage.prototype.getItem = deny;
      Storage.prototype.setItem = deny;
      Storage.prototype.removeItem = deny;
    });
    const watch = watchPage(page, info);
    await page.goto('/');
    const notice = page.locator('[data-progress-notice]');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText("can't be saved on this device");
    await expectNoAxeViolations(page, '(storage notice)');
    await startAndFinishLessonOne(page);
    watch.assertClean();
  });

  test('a corrupt stored record: kept aside, a fresh start, and progress saved again', async ({ page }, info) => {
    await page.goto('/');
    await page.evaluate((key) => localStorage.setItem(key, '{"version":2,"lessons":{"why-new'), KEY);
    const watch = watchPage(page, info);
    await startAndFinishLessonOne(page);
    await page.goto('/');
    await expect(page.locator('[data-lesson-path] li[data-slug]').first().locator('[data-status]')).toHaveText('Completed');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.some((k) => k.startsWith(`${KEY}:unreadable:`))).toBe(true);
    watch.assertClean();
  });

  test('a record from a newer version is shown and left untouched', async ({ page }, info) => {
    const newer = JSON.stringify({ version: 99, lessons: { 'why-new-treatments': { completedAt: '2026-01-01T00:00:00.000Z' } } });
    await page.goto('/');
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, newer]);
    const watch = watchPage(page, info);
    await page.goto('/progress/');
    await expect(page.locator('tr[data-slug="why-new-treatments"] [data-cell="status"]')).toHaveText('Completed');
    await expect(page.locator('[data-storage-problem="newer"]')).toBeVisible();
    await page.goto('/lessons/why-new-treatments/');
    await passQuiz(page, bank);
    await expect(page.locator('[data-lesson-status]')).toContainText('Lesson complete');
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(newer);
    watch.assertClean();
  });
});
