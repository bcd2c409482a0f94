// The final assessment and the certificate, keyboard only, in both themes. The test recomputes the
// learner's draw from the stored seed (the page and the test share drawAssessment and the banks),
// so it knows each question on screen and answers from the bank's own answer key.
// axe runs in every state: intro, question, error, checked (right and wrong), failed, review,
// passed, retake; certificate locked and unlocked.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, setTheme, tabTo, waitForIslands, watchPage } from './support';
import { checkAndContinue, live, press, quiz } from './quiz-support';
import {
  COUNT,
  allLessonsDone,
  PROGRESS_KEY,
  answerQuestion,
  breakdown,
  drawFor,
  loadBanks,
  promptOnScreen,
  reviewPrompts,
  seedWithEveryType,
  storedRecord,
  storedSeed,
  useSeed,
} from './assessment-support';
import type { Question } from '../../src/features/quiz/quiz.types';

const banks = loadBanks();
const SEED = seedWithEveryType(banks);
const ids = (questions: Question[]) => questions.map((q) => q.id);

async function openAssessment(page: Page) {
  await page.goto('/assessment/');
  await waitForIslands(page);
  await expect(quiz(page)).toHaveAttribute('data-state', 'intro');
}

/** Answers the questions from `from` on, in the order drawn, wrong for the ids in `wrong`. */
async function answerAll(page: Page, questions: Question[], wrong: Set<string>, axeAt: Record<number, string> = {}) {
  for (const [i, q] of questions.entries()) {
    await answerQuestion(page, q, !wrong.has(q.id));
    await checkAndContinue(page, !wrong.has(q.id), axeAt[i]);
  }
}

for (const theme of ['light', 'dark'] as const) {
  test(`assessment (${theme}): stable order on reload, fail with lessons to review, retry, pass, certificate, retake reshuffles`, async ({
    page,
  }, info) => {
    test.setTimeout(300_000);
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await useSeed(page, SEED);
    const drawn = drawFor(banks, SEED);
    expect(new Set(drawn.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'truefalse', 'ordering', 'matching']));

    // Intro: the page's own words, then the quiz, before a single answer.
    await openAssessment(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Final assessment' })).toBeVisible();
    await expect(page.locator('main .lead')).toContainText(`${COUNT} questions`);
    // The page says what the assessment is; the quiz card does not say it again.
    await expect(quiz(page)).not.toContainText(`${COUNT} questions`);
    await expect(quiz(page).getByRole('button', { name: 'Start the quiz' })).toHaveCount(0);
    await expectNoAxeViolations(page, `(assessment intro, ${theme})`);
    await tabTo(page, quiz(page).getByRole('button', { name: 'Start the final assessment' }), { max: 60 });
    await page.keyboard.press('Enter');
    await expect(promptOnScreen(page)).toHaveText(drawn[0].prompt);
    await expect(promptOnScreen(page)).toBeFocused();
    await expectNoAxeViolations(page, `(assessment question, ${theme})`);

    // Check with nothing chosen: the error summary takes focus.
    await press(page, 'Check answer');
    await expect(quiz(page).getByRole('alert')).toBeFocused();
    await expectNoAxeViolations(page, `(assessment error, ${theme})`);

    // Reload before answering: the same seed, the same first question.
    await page.reload();
    await waitForIslands(page);
    expect(await storedSeed(page)).toBe(SEED);
    await press(page, 'Start the final assessment');
    await expect(promptOnScreen(page)).toHaveText(drawn[0].prompt);

    // First attempt: four wrong, two of them from one lesson → 14 of 18, below the pass mark of 15.
    const lessonsOf = new Map(drawn.map((q) => [q.id, q.lesson!]));
    const byLesson = new Map<string, Question[]>();
    for (const q of drawn) byLesson.set(q.lesson!, [...(byLesson.get(q.lesson!) ?? []), q]);
    const twice = [...byLesson.values()].find((list) => list.length >= 2)!;
    const others = [...byLesson.values()].filter((list) => list !== twice).slice(0, 2);
    const wrong = new Set([twice[0].id, twice[1].id, others[0][0].id, others[1][0].id]);
    const wrongIndex = drawn.findIndex((q) => wrong.has(q.id));
    const rightIndex = drawn.findIndex((q) => !wrong.has(q.id));
    await answerAll(page, drawn, wrong, {
      [wrongIndex]: `(assessment checked wrong, ${theme})`,
      [rightIndex]: `(assessment checked right, ${theme})`,
    });
    await expect(quiz(page)).toHaveAttribute('data-state', 'failed');
    await expect(quiz(page).locator('[data-focus="result"]')).toBeFocused(); // the result heading is the announcement
    await expect(quiz(page)).toContainText('You got 14 of 18 right. You need 15 to pass.');

    // The result lesson by lesson: the missed lessons say "review this lesson" and link to it.
    const result = breakdown(page);
    await expect(result.getByRole('heading', { name: 'Your last attempt, lesson by lesson' })).toBeVisible();
    await expect(result).toContainText('You got 14 of 18 (78 %) right. You need 15 to pass.');
    const rows = result.locator('li');
    await expect(rows).toHaveCount(new Set(drawn.map((q) => q.lesson)).size);
    for (const row of await rows.all()) await expect(row).toHaveText(/^Lesson \d+, .+: \d+ of \d+ right(\s— review this lesson)?$/);
    const toReview = new Set([...wrong].map((id) => lessonsOf.get(id)!));
    await expect(result.locator('li', { hasText: 'review this lesson' })).toHaveCount(toReview.size);
    for (const slug of toReview) {
      const link = result.locator(`a[href="/lessons/${slug}/"]`);
      await expect(link.locator('xpath=..')).toContainText('review this lesson');
    }
    await expect(page.getByRole('link', { name: 'Get your certificate of completion' })).toHaveCount(0);
    await expectNoAxeViolations(page, `(assessment failed, ${theme})`);

    // Saved: one attempt, not passed, every drawn question answered.
    const afterFail = (await storedRecord(page)).assessment;
    expect(afterFail).toMatchObject({ attempts: 1, best: 14, total: 18, seed: SEED });
    expect(afterFail.passedAt).toBeUndefined();
    expect(Object.keys(afterFail.last).sort()).toEqual(ids(drawn).sort());

    // Review: every prompt in the drawn order, each with a Re-read link into its own lesson.
    await press(page, 'Review your answers');
    await expect(quiz(page)).toHaveAttribute('data-state', 'review');
    expect(await reviewPrompts(page)).toEqual(drawn.map((q) => q.prompt));
    const reread = quiz(page).getByRole('link', { name: /^Re-read: / });
    await expect(reread).toHaveCount(COUNT);
    const hrefs = await reread.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(drawn.map((q) => `/lessons/${q.lesson}/#${q.section}`));
    // Headings come from each question's own lesson, not a humanised slug.
    const texts = await reread.allInnerTexts();
    expect(texts.every((t) => t.length > 'Re-read: '.length)).toBe(true);
    await expectNoAxeViolations(page, `(assessment review, ${theme})`);

    // Reload after the attempt: the same order (the review after answering again lists the same
    // prompts), and the right answers come back: only the four missed questions are asked.
    await page.reload();
    await waitForIslands(page);
    await expect(quiz(page)).toContainText('You answered 14 questions correctly last time');
    await expect(breakdown(page)).toContainText('You got 14 of 18 (78 %) right.');
    await press(page, 'Continue the quiz');
    await answerAll(page, drawn.filter((q) => wrong.has(q.id)), new Set());
    await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
    await expect(quiz(page).locator('[data-focus="result"]')).toBeFocused();
    await expect(quiz(page)).toContainText('You got 18 of 18 right.');
    await expect(breakdown(page)).toContainText('You got 18 of 18 (100 %) right. You passed');
    await expect(breakdown(page).locator('li', { hasText: 'review this lesson' })).toHaveCount(0);
    // Right after the pass, the main action is the certificate, not trying again.
    const actions = quiz(page).locator('.quiz-panel .actions > *');
    await expect(actions.first()).toHaveText('Get your certificate of completion');
    await expect(actions.first()).toHaveAttribute('href', '/certificate/');
    await expect(quiz(page).getByRole('button', { name: /again$/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Get your certificate of completion' })).toHaveCount(1);
    await expectNoAxeViolations(page, `(assessment passed, ${theme})`);
    const passed = (await storedRecord(page)).assessment;
    expect(passed).toMatchObject({ attempts: 2, best: 18, total: 18 });
    expect(passed.passedAt).toBeTruthy();
    await press(page, 'Review your answers');
    expect(await reviewPrompts(page)).toEqual(drawn.map((q) => q.prompt));

    // Retake: a new seed, a new order, no answers carried over; completion is kept.
    const retake = page.getByRole('button', { name: 'Start a new attempt (new questions order)' });
    await tabTo(page, retake, { max: 120 });
    await page.keyboard.press('Enter');
    await expect(page.locator('.notice')).toBeFocused();
    await expect(page.locator('.notice')).toContainText('new order');
    const seed2 = await storedSeed(page);
    expect(seed2).toBeGreaterThan(SEED);
    const redrawn = drawFor(banks, seed2);
    expect(ids(redrawn)).not.toEqual(ids(drawn));
    await expect(quiz(page)).toHaveAttribute('data-state', 'intro');
    await expect(quiz(page).getByRole('button', { name: 'Start the final assessment' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'You have completed the course' })).toBeVisible();
    await expect(breakdown(page)).toHaveCount(0);
    await expectNoAxeViolations(page, `(assessment retake, ${theme})`);
    await press(page, 'Start the final assessment');
    await expect(promptOnScreen(page)).toHaveText(redrawn[0].prompt);
    // A reload mid-retake keeps the new order and does not bring the old answers back.
    await page.reload();
    await waitForIslands(page);
    await expect(quiz(page).getByRole('button', { name: 'Start the final assessment' })).toBeVisible();
    await expect(breakdown(page)).toHaveCount(0);
    await press(page, 'Start the final assessment');
    await expect(promptOnScreen(page)).toHaveText(redrawn[0].prompt);

    // The certificate, reached from the assessment with the keyboard.
    const certificateLink = page.getByRole('link', { name: 'Get your certificate of completion' });
    await tabTo(page, certificateLink, { max: 120 });
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/certificate\/$/);
    await checkCertificate(page, theme, passed.passedAt);
    watch.assertClean();
  });
}

async function checkCertificate(page: Page, theme: string, passedAt: string) {
  const certificate = page.locator('[data-certificate]');
  await expect(certificate).toBeVisible();
  await expect(page.locator('[data-cert-locked]')).toBeHidden();
  await expect(certificate.getByRole('heading', { name: 'Certificate of completion' })).toBeVisible();
  await expect(certificate).toContainText('Ketamine therapy for mental health');
  const day = await page.evaluate(
    (iso) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
    passedAt,
  );
  await expect(certificate.locator('[data-cert-date]')).toHaveText(day);
  await expect(certificate.locator('[data-cert-score]')).toHaveText('18 of 18 (100 %)');
  await expect(certificate).toContainText(
    'This is a certificate of completion of an educational course. It is not an accreditation, a licence or a qualification.',
  );
  await expectNoAxeViolations(page, `(certificate, no name, ${theme})`);

  // The name, typed with the keyboard into its labelled field, shows on the certificate as typed.
  const name = 'Ada Lovelace-Byron';
  const input = page.getByRole('textbox', { name: 'Your name' });
  await tabTo(page, input);
  await page.keyboard.type('Ada ');
  await expect(certificate.locator('[data-cert-name]')).toHaveText('Ada');
  await page.keyboard.type('Lovelace-Byron');
  await expect(certificate.locator('[data-cert-name]')).toHaveText(name);
  await expectNoAxeViolations(page, `(certificate with a name, ${theme})`);

  // Never stored: not in local or session storage, not in cookies.
  const stored = await page.evaluate(() => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    return `${dump(localStorage)}\n${dump(sessionStorage)}\n${document.cookie}`;
  });
  expect(stored).not.toContain('Lovelace');
  expect(stored).not.toContain('Ada');

  // Print: only the certificate, in black on white; the site chrome, the field and buttons hidden.
  await page.emulateMedia({ media: 'print' });
  await expect(certificate).toBeVisible();
  await expect(certificate.locator('[data-cert-name]')).toHaveText(name);
  for (const hidden of ['.site-header', '.site-footer', 'h1', '[data-cert-input]', '[data-cert-print]']) {
    await expect(page.locator(hidden).first(), `${hidden} is hidden in print`).toBeHidden();
  }
  const colours = await certificate.evaluate((el) => {
    const style = getComputedStyle(el);
    return [style.color, style.backgroundColor];
  });
  expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  // One printed page (page.pdf prints with the emulated media, here print).
  const pdf = await page.pdf({ printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
  expect(pages.length, 'the certificate prints on one page').toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // The Print button: reachable by keyboard, it calls window.print().
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => void (window as any).printed++;
  });
  await tabTo(page, page.getByRole('button', { name: 'Print the certificate' }));
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);

}

for (const theme of ['light', 'dark'] as const) {
  test(`certificate (${theme}): locked with a calm way to the assessment before passing`, async ({ page }, info) => {
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.goto('/certificate/');
    await expect(page.locator('[data-cert-locked]')).toBeVisible();
    await expect(page.locator('[data-certificate]')).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Your name' })).toBeHidden();
    const link = page.getByRole('link', { name: 'Go to the final assessment' });
    await expectNoAxeViolations(page, `(certificate locked, ${theme})`);
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/assessment\/$/);
    watch.assertClean();
  });
}

test('certificate unlocks when another tab passes the assessment', async ({ page }) => {
  await page.goto('/certificate/');
  await expect(page.locator('[data-cert-locked]')).toBeVisible();
  // Every lesson complete too: the course is complete only with both (src/features/path/course.ts).
  await page.evaluate(([key, lessons]) => {
    const value = JSON.stringify({
      version: 3,
      lessons,
      assessment: { seed: 5, attempts: 1, best: 17, total: 18, passedAt: '2025-03-04T10:00:00.000Z' },
    });
    localStorage.setItem(key, value);
    // The storage event, as another tab's write fires it here.
    dispatchEvent(new StorageEvent('storage', { key, newValue: value }));
  }, [PROGRESS_KEY, allLessonsDone()] as const);
  await expect(page.locator('[data-certificate]')).toBeVisible();
  await expect(page.locator('[data-cert-score]')).toHaveText('17 of 18 (94 %)');
  await expect(page.locator('[data-cert-date]')).toHaveText('4 March 2025');
});

// Issue 13: the banks are not in the page; the island fetches only the banks its draw needs.
// A Start pressed while they are on their way is carried out when they arrive.
test('banks fetched, not embedded; an early Start is kept; a pass with lessons left says what is missing', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await useSeed(page, SEED);
  const drawn = drawFor(banks, SEED);
  const html = await (await page.request.get('/assessment/')).text();
  expect(html).not.toContain(drawn[0].prompt);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const fetched: string[] = [];
  await page.route('**/assessment/banks/*.json', async (route) => {
    fetched.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.goto('/assessment/');
  const start = quiz(page).getByRole('button', { name: 'Start the final assessment' });
  await expect(start).toBeVisible();
  await start.click();
  release();
  await expect(promptOnScreen(page)).toHaveText(drawn[0].prompt);
  await expect(promptOnScreen(page)).toBeFocused();
  expect(fetched.sort()).toEqual([...new Set(drawn.map((q) => `/assessment/banks/${q.lesson}.json`))].sort());

  // Passed, but only one lesson complete: not "completed the course"; the way to what is missing.
  await page.unroute('**/assessment/banks/*.json');
  const one = Object.fromEntries(Object.entries(allLessonsDone()).slice(0, 1));
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [PROGRESS_KEY, JSON.stringify({ version: 3, lessons: one, assessment: { seed: SEED, attempts: 1, best: 17, total: 18, passedAt: '2026-11-30T10:00:00.000Z' } })] as const,
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'You passed the final assessment' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'You have completed the course' })).toHaveCount(0);
  const left = Object.keys(allLessonsDone()).length - 1;
  await expect(page.locator('[data-assessment-passed]')).toContainText(`complete the ${left} lessons still open`);
  await expect(page.getByRole('link', { name: 'See what is still to complete' })).toHaveAttribute('href', '/certificate/');
  await expectNoAxeViolations(page, '(assessment passed, lessons left)');
  watch.assertClean();
});

test.describe('reflow at 320 CSS px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  /** Opens the assessment at SEED and answers right up to the first question of `type`. */
  async function upTo(page: Page, type: Question['type']) {
    await useSeed(page, SEED);
    const drawn = drawFor(banks, SEED);
    await openAssessment(page);
    expect(await overflow(page), 'intro').toBeLessThanOrEqual(0);
    await press(page, 'Start the final assessment');
    for (const q of drawn.slice(0, drawn.findIndex((x) => x.type === type))) {
      await answerQuestion(page, q, true);
      await checkAndContinue(page, true);
    }
    return drawn;
  }

  test('an ordering question, the result and the certificate fit without horizontal scrolling', async ({ page }) => {
    test.setTimeout(180_000);
    const drawn = await upTo(page, 'ordering');
    expect(await overflow(page), 'ordering question').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, '(ordering question, 320 px)');
    for (const q of drawn.slice(drawn.findIndex((x) => x.type === 'ordering'))) {
      await answerQuestion(page, q, true);
      await checkAndContinue(page, true);
    }
    await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
    expect(await overflow(page), 'result').toBeLessThanOrEqual(0);
    await page.goto('/certificate/');
    await expect(page.locator('[data-certificate]')).toBeVisible();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Maximiliana Wolfeschlegelsteinhausenbergerdorff');
    expect(await overflow(page), 'certificate').toBeLessThanOrEqual(0);
  });

  // Every definition of a matching question is shown in full, wrapped, within 320 px.
  test('a matching question fits without horizontal scrolling', async ({ page }) => {
    test.setTimeout(120_000);
    await upTo(page, 'matching');
    await expect(quiz(page).locator('[data-matching]')).toBeVisible();
    expect(await overflow(page), 'matching question').toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page, '(matching question, 320 px)');
    // Check with one term left empty: its group is marked, the summary links to it.
    await press(page, 'Check answer');
    await expect(quiz(page).getByRole('alert')).toBeFocused();
    await expectNoAxeViolations(page, '(matching question with errors, 320 px)');
  });
});

// Chromium with scripting disabled still parses <noscript> as text, so its words are read from
// the element's text rather than checked for visibility.
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the assessment shows its introduction and says it needs JavaScript; no dead buttons', async ({ page }) => {
    await page.goto('/assessment/');
    await expect(page.getByRole('heading', { level: 1, name: 'Final assessment' })).toBeVisible();
    await expect(page.getByText(`${COUNT} questions drawn from all`)).toBeVisible();
    expect(await page.locator('main noscript').textContent()).toContain('The assessment needs JavaScript.');
    await expect(page.locator('main').getByRole('button')).toHaveCount(0);
  });
  test('the certificate page explains why it cannot tell, and links to the assessment', async ({ page }) => {
    await page.goto('/certificate/');
    expect(await page.locator('main noscript').textContent()).toContain('This page needs JavaScript to see whether you have passed');
    await expect(page.getByRole('link', { name: 'Go to the final assessment' })).toBeVisible();
    await expect(page.locator('[data-certificate]')).toBeHidden();
  });
});
