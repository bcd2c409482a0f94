// Spaced review (issue 19), keyboard only, in both themes: a learner misses two questions of
// lesson 1's quiz; with the clock moved one day (Playwright's clock), the home page and the header
// say "2 questions to review today"; the review session asks exactly those two, with feedback;
// answered right, they are scheduled days later and the count disappears. axe in every state.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, setTheme, tabTo, waitForIslands, watchPage } from './support';
import { answer, checkAndContinue, live, loadBank, press, quiz } from './quiz-support';

const bank = loadBank('01-why-new-treatments');
const LESSON = '/lessons/why-new-treatments/';
const DAY = 24 * 60 * 60 * 1000;
// 10:00 local time, so "tomorrow" is a whole day later whatever the machine's time zone.
const START = new Date(2026, 11, 1, 10, 0, 0);
const missed = bank.questions.slice(0, 2);

const cards = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('ketamine-course:progress') ?? '{}').review ?? {}) as Promise<Record<string, { due: string; at: string; n: number }>>;

for (const theme of ['light', 'dark'] as const) {
  test(`review (${theme}): two missed questions come back the next day and go once answered`, async ({ page }, info) => {
    // Many whole-page axe passes, two of them on a long lesson: slow on a shared machine.
    test.setTimeout(240_000);
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.clock.install({ time: START });

    // Nothing answered yet: nothing to review, and no count anywhere.
    await page.goto('/review/');
    await waitForIslands(page);
    await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
    await expect(page.locator('[data-review-due]:visible')).toHaveCount(0);
    await expectNoAxeViolations(page, `(review, nothing answered, ${theme})`);

    // Lesson 1's quiz by keyboard: the first two missed, the rest right.
    await page.goto(LESSON);
    await tabTo(page, page.getByRole('checkbox', { name: /Practice mode/ }), { max: 400 });
    await waitForIslands(page);
    await press(page, 'Start the quiz');
    for (const [i, q] of bank.questions.entries()) {
      const right = i >= missed.length;
      await answer(page, q, right);
      await checkAndContinue(page, right);
    }
    await expect(quiz(page)).toHaveAttribute('data-state', /passed|failed/);
    await expect.poll(async () => Object.keys(await cards(page)).length).toBe(bank.questions.length);
    const before = await cards(page);
    for (const q of missed) expect(Date.parse(before[`why-new-treatments/${q.id}`].due) - START.getTime()).toBeLessThan(1.1 * DAY);

    // The same day: nothing due yet.
    await page.goto('/');
    await expect(page.locator('[data-review-due]:visible')).toHaveCount(0);

    // One day later: 2 to review, on the home page and in the header.
    await page.clock.fastForward(DAY);
    await page.goto('/');
    const home = page.locator('main [data-review-due]');
    await expect(home).toBeVisible();
    await expect(home).toContainText('2 questions to review today');
    await expect(page.locator('header [data-review-due]')).toHaveText('2 questions to review today');
    await expectNoAxeViolations(page, `(home with questions due, ${theme})`);

    // How well I know it: lesson 1 has 2 due, the rest remembered.
    await page.goto('/progress/');
    const row = page.locator('[data-knowledge-table] tr[data-slug="why-new-treatments"]');
    await expect(row.locator('[data-cell="due"]')).toHaveText('2');
    await expect(row.locator('[data-cell="remembered"]')).toHaveText(String(bank.questions.length - 2));
    await expect(row.locator('[data-cell="never"]')).toHaveText('0');
    await expectNoAxeViolations(page, `(progress: how well I know it, ${theme})`);

    // The review session, keyboard only, from the header's link.
    await page.goto('/');
    await tabTo(page, page.locator('header [data-review-due] a:visible'), { max: 30 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/review\/$/);
    await waitForIslands(page);
    await expect(quiz(page)).toHaveAttribute('data-state', 'intro');
    await expect(quiz(page)).toContainText('2 questions to review today');
    await expectNoAxeViolations(page, `(review intro, ${theme})`);
    await press(page, 'Start the review');

    const asked: string[] = [];
    for (let i = 0; i < missed.length; i++) {
      const prompt = quiz(page).locator('legend .prompt');
      await expect(prompt).toBeFocused();
      const text = (await prompt.textContent())!.trim();
      const q = missed.find((m) => m.prompt === text);
      expect(q, `asked "${text}", which was not missed`).toBeDefined();
      asked.push(q!.id);
      await expect(quiz(page).locator('legend')).toContainText(`Question ${i + 1} of 2`);
      if (i === 0) {
        // Check with nothing chosen: the error summary takes focus, nothing is scheduled.
        await press(page, 'Check answer');
        await expect(quiz(page).getByRole('alert')).toBeFocused();
        await expectNoAxeViolations(page, `(review error, ${theme})`);
      } else await expectNoAxeViolations(page, `(review question, ${theme})`);
      await answer(page, q!, true);
      await press(page, 'Check answer');
      const verdict = quiz(page).locator('[data-focus="feedback"]');
      await expect(verdict).toBeFocused();
      await expect(verdict).toContainText('Correct');
      // The focused verdict heading says it; the live region stays quiet (no double announcement).
      await expect(live(page)).toHaveText('');
      await expect(quiz(page).getByRole('link', { name: /^Re-read/ }).first()).toBeVisible();
      await expectNoAxeViolations(page, `(review feedback ${i + 1}, ${theme})`);
      await press(page, i === 0 ? 'Next question' : 'See how it went');
    }
    expect(asked.sort()).toEqual(missed.map((q) => q.id).sort());

    // The result: focus on its heading, and what is now scheduled when.
    const result = quiz(page).locator('[data-focus="result"]');
    await expect(result).toBeFocused();
    await expect(result).toHaveText(/Review finished/);
    await expect(quiz(page)).toContainText('You answered 2 questions and got 2 right.');
    await expect(quiz(page)).toContainText(/2 questions come back in \d+ days\./);
    await expect(live(page)).toHaveText('');
    await expectNoAxeViolations(page, `(review result, ${theme})`);
    // The header's count follows each answer in this tab too.
    await expect(page.locator('header [data-review-due]')).toBeHidden();

    // Scheduled days later (the first interval after a miss then a right answer is 3 days).
    const after = await cards(page);
    const now = START.getTime() + DAY;
    for (const q of missed) {
      const card = after[`why-new-treatments/${q.id}`];
      expect(card.n).toBe(2);
      expect(Math.round((Date.parse(card.due) - now) / DAY)).toBe(3);
    }

    // And the count is gone, on the home page and in the header.
    await page.goto('/');
    await expect(page.locator('[data-review-due]:visible')).toHaveCount(0);
    await page.goto('/review/');
    await waitForIslands(page);
    await expect(page.getByRole('heading', { name: 'Nothing to review today' })).toBeVisible();
    await expect(page.getByText('The next question comes back in 2 days.')).toBeVisible();
    watch.assertClean();
  });
}
