// The whole course as a medical student meets it (issue 10): from an empty browser to a printed
// certificate, by following links and pressing keys only. After the home page there is no
// page.goto: every lesson is reached by its "Next lesson" link, the final assessment by the last
// lesson's "Next: the final assessment", the certificate by the path's "Course complete" link.
// The browser is reloaded, and closed and reopened (a new tab, which starts at the home page),
// on the way; nothing is lost.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, tabTo, waitForIslands, watchPage } from './support';
import { checkAndContinue, press, quiz } from './quiz-support';
import { answerQuestion, drawFor, loadBanks, storedRecord, storedSeed } from './assessment-support';
import type { Question } from '../../src/features/quiz/quiz.types';

const banks = loadBanks();
const LESSONS = 11;
// The lesson header names the lesson's place in its module (lessons/modules.yaml).
const MODULE_SIZES = [3, 3, 3, 2];
const placeInModule = (i: number) => {
  let first = 0;
  for (const [m, size] of MODULE_SIZES.entries()) {
    if (i < first + size) return `Module ${m + 1} · Lesson ${i - first + 1} of ${size}`;
    first += size;
  }
  throw new Error(`no module for lesson ${i + 1}`);
};

/** Answers the lesson's quiz, every question right, from the keyboard. */
async function passLessonQuiz(page: Page, questions: Question[]) {
  await tabTo(page, page.getByRole('checkbox', { name: /Practice mode/ }), { max: 800 });
  await waitForIslands(page);
  await press(page, 'Start the quiz');
  for (const q of questions) {
    await answerQuestion(page, q, true);
    await checkAndContinue(page, true);
  }
  await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
}

/** The reader's way on from the end of the lesson (the one visible "next" link). */
const wayOn = (page: Page) => page.locator('[data-lesson-end] [data-next-lesson]:visible');

test('a student, links and keys only: every lesson, the assessment, a printed certificate', async ({ page, context }, info) => {
  test.setTimeout(900_000);
  const watch = watchPage(page, info);
  expect(banks.length, 'one quiz bank per lesson').toBe(LESSONS);

  // An empty browser, at the home page: say who is reading, then start.
  await page.goto('/');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await tabTo(page, page.getByRole('button', { name: "I'm studying medicine or health" }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-audience', 'student');
  const final = page.locator('li[data-final]');
  await expect(final.locator('[data-status]')).toHaveText('Locked: complete every lesson first');
  await tabTo(page, page.getByRole('link', { name: 'Start the course' }));
  await page.keyboard.press('Enter');

  let current = page;
  for (let i = 0; i < LESSONS; i++) {
    const lesson = current;
    await expect(lesson.getByText(placeInModule(i))).toBeVisible();
    await passLessonQuiz(lesson, banks[i].questions as Question[]);
    await expect(lesson.locator('[data-lesson-status]')).toContainText('Lesson complete');
    await expect(lesson.locator('[data-course-progress-text]')).toHaveText(`${i + 1} of ${LESSONS} lessons complete`);

    if (i === 2) {
      // Reload: the lesson stays complete.
      await lesson.reload();
      await expect(lesson.locator('[data-lesson-status]')).toContainText('Lesson complete');
    }
    if (i === 5) {
      // Close the browser tab and come back another day: the path says where to go on.
      const reopened = await context.newPage();
      const watchAgain = watchPage(reopened, info);
      await lesson.close();
      await reopened.goto('/');
      const cta = reopened.locator('[data-course-cta]');
      await expect(cta).toHaveText('Continue: Lesson 7');
      await expect(reopened.locator('[data-path-summary]')).toHaveText('6 of 11 lessons complete.');
      await tabTo(reopened, cta);
      await reopened.keyboard.press('Enter');
      await expect(reopened.getByText(placeInModule(6))).toBeVisible();
      current = reopened;
      watch.problems.push(...watchAgain.problems);
      watch.outside.push(...watchAgain.outside);
      continue;
    }

    const next = wayOn(lesson);
    await expect(next).toHaveCount(1);
    if (i === LESSONS - 1) await expect(next).toHaveText('Next: the final assessment');
    await tabTo(lesson, next, { max: 200 });
    await lesson.keyboard.press('Enter');
  }

  // The final assessment, reached from the end of the last lesson.
  const page2 = current;
  await expect(page2).toHaveURL(/\/assessment\/$/);
  await waitForIslands(page2);
  await press(page2, /^Start the (quiz|final assessment)$/);
  const drawn = drawFor(banks, await storedSeed(page2));
  for (const q of drawn) {
    await answerQuestion(page2, q, true);
    await checkAndContinue(page2, true);
  }
  await expect(quiz(page2)).toHaveAttribute('data-state', 'passed');
  expect((await storedRecord(page2)).assessment.passedAt).toBeTruthy();

  // Back to the path by the main menu: the last step is passed, and the course complete.
  await tabTo(page2, page2.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }), { back: true, max: 400 });
  await page2.keyboard.press('Enter');
  await expect(page2.locator('li[data-final] [data-status]')).toHaveText('Passed. Course complete');
  await expect(page2.locator('[data-path-summary]')).toHaveText('Course complete.');
  const cta = page2.locator('[data-course-cta]');
  await expect(cta).toHaveText('Course complete: get your certificate');
  await expectNoAxeViolations(page2, '(path, course complete)');
  await tabTo(page2, cta);
  await page2.keyboard.press('Enter');

  // The certificate: a name typed, then printed on one page.
  await expect(page2).toHaveURL(/\/certificate\/$/);
  const certificate = page2.locator('[data-certificate]');
  await expect(certificate).toBeVisible();
  await expect(page2.locator('[data-cert-locked]')).toBeHidden();
  await tabTo(page2, page2.getByRole('textbox', { name: 'Your name' }));
  await page2.keyboard.type('Mary Seacole');
  await expect(certificate.locator('[data-cert-name]')).toHaveText('Mary Seacole');
  await page2.emulateMedia({ media: 'print' });
  await expect(certificate).toBeVisible();
  await expect(certificate).toContainText('has completed the educational course');
  const pdf = await page2.pdf({ printBackground: true });
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, 'the certificate prints on one page').toBe(1);
  watch.assertClean();
});
