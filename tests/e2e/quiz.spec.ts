// Lesson 1's quiz, keyboard only, in both themes: fail, retry keeping right answers, pass, and
// see the lesson complete on the path. axe runs in every quiz state.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, tabTo, setTheme, watchPage, waitForIslands } from './support';
import { answer, checkAndContinue, loadBank, live, press, quiz } from './quiz-support';

const bank = loadBank('01-why-new-treatments');
const LESSON = '/lessons/why-new-treatments/';

for (const theme of ['light', 'dark'] as const) {
  test(`keyboard quiz (${theme}): error, fail, retry keeps right answers, pass, lesson complete`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.goto(LESSON);
    const start = quiz(page).getByRole('button', { name: 'Start the quiz' });
    await tabTo(page, page.getByRole('checkbox', { name: /Practice mode/ }), { max: 400 });
    await waitForIslands(page);
    await expect(start).toBeVisible();
    await expectNoAxeViolations(page, `(quiz intro, ${theme})`);
    await press(page, 'Start the quiz');

    // Unanswered, then Check with nothing chosen: the error summary takes focus.
    const first = bank.questions[0];
    await expect(quiz(page).locator('legend').first()).toContainText(first.prompt);
    await expectNoAxeViolations(page, `(unanswered, ${theme})`);
    await press(page, 'Check answer');
    const summary = quiz(page).getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('There is a problem');
    await expectNoAxeViolations(page, `(error, ${theme})`);

    // First pass: the first two wrong, the rest right → below 80 %, failed.
    const wrongIds = bank.questions.slice(0, 2).map((q) => q.id);
    for (const [i, q] of bank.questions.entries()) {
      const right = !wrongIds.includes(q.id);
      await answer(page, q, right);
      await checkAndContinue(page, right, i < 2 ? `(checked ${right ? 'right' : 'wrong'}, ${theme})` : undefined);
    }
    await expect(quiz(page)).toHaveAttribute('data-state', 'failed');
    await expect(live(page)).toContainText('You need');
    await expectNoAxeViolations(page, `(failed, ${theme})`);

    // Review, then retry: only the two missed questions come back.
    await press(page, 'Review your answers');
    await expect(quiz(page)).toHaveAttribute('data-state', 'review');
    await expectNoAxeViolations(page, `(review, ${theme})`);
    await press(page, /^Try the 2 questions you missed again$/);
    for (const q of bank.questions.filter((x) => wrongIds.includes(x.id))) {
      await expect(quiz(page).locator('legend').first()).toContainText(q.prompt);
      await answer(page, q, true);
      await checkAndContinue(page, true);
    }
    await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
    await expect(live(page)).toContainText('You passed');
    await expectNoAxeViolations(page, `(passed, ${theme})`);

    // The lesson completes (its end is reached, its quiz passed) and the path shows it.
    const mark = page.getByRole('button', { name: 'Mark as complete' });
    await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
    if (await mark.isVisible()) {
      await tabTo(page, mark);
      await page.keyboard.press('Enter');
    }
    await expect(page.locator('[data-lesson-status]')).toContainText('Lesson complete');
    await page.goto('/');
    await expect(page.locator('[data-lesson-path] li[data-slug]').first().locator('[data-status]')).toHaveText('Completed');

    // Reload the lesson: the quiz remembers the answers, which were all right.
    await page.goto(LESSON);
    await quiz(page).scrollIntoViewIfNeeded();
    await waitForIslands(page);
    await expect(quiz(page).getByRole('button', { name: 'See your result' })).toBeVisible();
    watch.assertClean();
  });
}

test('a lesson with a quiz is not completed before the quiz is done', async ({ page }) => {
  await page.goto(LESSON);
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: 'Mark as complete' }).click();
  await expect(page.locator('[data-quiz-needed]')).toBeFocused();
  await expect(page.locator('[data-lesson-status]')).not.toContainText('Lesson complete');
});

test('practice mode: no pass mark, and the path records the practice', async ({ page }) => {
  await page.goto(LESSON);
  const practice = page.getByRole('checkbox', { name: /Practice mode/ });
  await practice.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await practice.check();
  await quiz(page).getByRole('button', { name: 'Start the quiz' }).click();
  for (const q of bank.questions) {
    const group = quiz(page).locator('fieldset').first();
    await group.locator('input').first().check();
    await quiz(page).getByRole('button', { name: 'Check answer' }).click();
    await quiz(page).getByRole('button', { name: /^(Next question|See your result)$/ }).click();
    void q;
  }
  await expect(quiz(page)).toHaveAttribute('data-state', 'done');
  await expect(quiz(page)).not.toContainText(/\b(passed|failed|pass mark)\b/i);
  await expectNoAxeViolations(page, '(practice done)');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('ketamine-course:progress')!));
  expect(stored.lessons['why-new-treatments'].quiz.practisedAt).toBeTruthy();
});
