// The path's modules (issue #13): each module's summary gives its progress once the record is read,
// the module holding the learner's first lesson not complete is open and the others collapsed
// (ModuleGroup.astro, src/features/path/modules.ts). The journey follows links from the home page and
// completes a lesson through its quiz; the learner's own opening and closing is never overridden.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, setTheme, tabTo, watchPage } from './support';
import { loadBank, passQuiz } from './quiz-support';

const KEY = 'ketamine-course:progress';
const AT = '2026-12-02T10:00:00.000Z';
const done = (...slugs: string[]) => Object.fromEntries(slugs.map((s) => [s, { visitedAt: AT, reachedEndAt: AT, completedAt: AT }]));
const MODULES = ['foundations', 'the-medicine', 'evidence-and-safety', 'your-consultation'] as const;

const module = (page: Page, id: (typeof MODULES)[number]) => page.locator(`[data-module="${id}"]`);
const fold = (page: Page, id: (typeof MODULES)[number]) => module(page, id).locator('details');
const summary = (page: Page, id: (typeof MODULES)[number]) => module(page, id).locator('summary');

/** Only `open` is open; the others are collapsed. */
async function expectOpen(page: Page, ...open: Array<(typeof MODULES)[number]>) {
  for (const id of MODULES) {
    if (open.includes(id)) await expect(fold(page, id), `${id} open`).toHaveAttribute('open', '');
    else await expect(fold(page, id), `${id} collapsed`).not.toHaveAttribute('open');
  }
}

/** Progress a learner earned before this test, as the store keeps it. */
async function earlier(page: Page, lessons: Record<string, unknown>) {
  await page.goto('/privacy/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify({ version: 4, lessons })] as const);
}

test('a learner finishes Module 1 with the lesson they skipped: back on the path, Module 1 says Complete and Module 2 is open', async ({ page }, info) => {
  test.setTimeout(120_000);
  const watch = watchPage(page, info);
  // Lessons 2 and 3 done on another day; Lesson 1 was skipped.
  await earlier(page, done('from-anaesthetic-to-antidepressant', 'the-glutamate-synapse'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
  await expect(page).toHaveURL(/\/$/);

  // Lesson 1 is the first not complete: its module is open, and each module says how far it is.
  await expectOpen(page, 'foundations');
  await expect(summary(page, 'foundations')).toHaveText('Module 1: Foundations 3 lessons · 2 of 3 complete');
  await expect(summary(page, 'the-medicine')).toHaveText('Module 2: The medicine 3 lessons · 0 of 3 complete');
  await expect(summary(page, 'your-consultation')).toContainText('2 lessons · 0 of 2 complete');
  const cta = page.locator('[data-course-cta]');
  await expect(cta).toHaveText('Continue: Lesson 1');
  await tabTo(page, cta);
  await page.keyboard.press('Enter');

  // Lesson 1, completed by passing its quiz.
  await expect(page).toHaveURL(/\/lessons\/why-new-treatments\/$/);
  await passQuiz(page, loadBank('01-why-new-treatments'));
  await expect(page.locator('[data-lesson-status]')).toContainText('Lesson complete');

  // Back to the path by the main menu.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }), { back: true, max: 400 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
  await expect(summary(page, 'foundations')).toHaveText('Module 1: Foundations 3 lessons · Complete');
  await expect(summary(page, 'the-medicine')).toHaveText('Module 2: The medicine 3 lessons · 0 of 3 complete');
  await expectOpen(page, 'the-medicine');
  await expect(cta).toHaveText('Continue: Lesson 4');
  // The open module's lessons are there to follow; the collapsed one's are not shown.
  await expect(module(page, 'the-medicine').getByRole('link', { name: 'Lesson 4: How ketamine works' })).toBeVisible();
  await expect(module(page, 'foundations').locator('h3 a[href="/lessons/the-glutamate-synapse/"]')).toBeHidden();
  // "Complete" is not colour alone (the word), and the colour is the lessons' "✓ Completed" colour.
  const words = module(page, 'foundations').locator('[data-module-progress]');
  const lessonDone = module(page, 'foundations').locator('[data-status]').first();
  expect(await words.evaluate((e) => getComputedStyle(e).color)).toBe(await lessonDone.evaluate((e) => getComputedStyle(e).color));
  expect(await words.evaluate((e) => getComputedStyle(e).color)).not.toBe(
    await module(page, 'the-medicine').locator('[data-module-progress]').evaluate((e) => getComputedStyle(e).color),
  );

  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    await expectNoAxeViolations(page, `(path, Module 1 complete, Module 2 open, ${theme})`);
  }
  watch.assertClean();
});

test('the learner opens and closes modules themselves: progress from another tab changes the words, not what is open', async ({ page, context }, info) => {
  const watch = watchPage(page, info);
  await earlier(page, done('why-new-treatments', 'from-anaesthetic-to-antidepressant', 'the-glutamate-synapse'));
  await page.goto('/');
  await expectOpen(page, 'the-medicine');
  // Open Module 4 and close Module 2 from the keyboard (each summary is a button-like control).
  await tabTo(page, summary(page, 'your-consultation'), { max: 200 });
  await page.keyboard.press('Enter');
  await tabTo(page, summary(page, 'the-medicine'), { back: true, max: 200 });
  await page.keyboard.press('Enter');
  await expectOpen(page, 'your-consultation');

  // Another tab completes Lessons 4 to 6: Module 3 now holds the first lesson not complete.
  const other = await context.newPage();
  await other.goto('/privacy/');
  await other.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [KEY, JSON.stringify({ version: 4, lessons: done('why-new-treatments', 'from-anaesthetic-to-antidepressant', 'the-glutamate-synapse', 'how-ketamine-works', 'forms-and-routes', 'a-course-of-treatment') })] as const,
  );
  await expect(summary(page, 'the-medicine')).toContainText('3 lessons · Complete');
  await expect(page.locator('[data-course-cta]')).toHaveText('Continue: Lesson 7');
  await expectOpen(page, 'your-consultation');

  // A new page view chooses again.
  await page.reload();
  await expectOpen(page, 'evidence-and-safety');
  watch.assertClean();
});

test('a module opened before the page script has run stays as the learner left it', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await earlier(page, done('why-new-treatments', 'from-anaesthetic-to-antidepressant', 'the-glutamate-synapse'));
  // Hold the path's script (a slow phone network) until the learner has opened Module 3.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/path\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/', { waitUntil: 'commit' });
  await summary(page, 'evidence-and-safety').click();
  await expect(fold(page, 'evidence-and-safety')).toHaveAttribute('open', '');
  await expect(module(page, 'foundations').locator('[data-module-progress] .pending')).toHaveCount(1); // the script has not run
  release();
  await expect(summary(page, 'foundations')).toContainText('3 lessons · Complete');
  await expectOpen(page, 'foundations', 'evidence-and-safety');
  watch.assertClean();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Module 1 is open, the others collapsed, each with its lesson count and nothing that needs the record', async ({ page }) => {
    await page.goto('/');
    await expectOpen(page, 'foundations');
    await expect(summary(page, 'foundations')).toHaveText('Module 1: Foundations 3 lessons · 0 of 3 complete');
    // The placeholder keeps the words' space but is not shown, nor read out.
    await expect(module(page, 'foundations').locator('[data-module-progress] .pending')).toBeHidden();
    await expect(summary(page, 'foundations')).toHaveAccessibleName('Module 1: Foundations 3 lessons');
    await expect(module(page, 'foundations').getByRole('link', { name: 'Lesson 1: Why we need new treatments' })).toBeVisible();
    await expect(module(page, 'the-medicine').locator('h3 a').first()).toBeHidden();
  });
});
