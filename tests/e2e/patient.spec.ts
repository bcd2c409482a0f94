// The patient path (issue 7), on a phone, keyboard only: say who is reading, read two lessons in
// plain language, add three suggested questions from the lessons and one of their own, reorder
// them, print the one-page sheet (and the "What I learned" summary), then clear everything.
// axe runs on every state, under print media too; no page error, no request leaves the machine.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, tabTo, waitForIslands, watchPage } from './support';
import { SUGGESTED_QUESTIONS } from '../../src/features/consult/questions';

test.use({ viewport: { width: 390, height: 844 } });

const PREFIX = 'ketamine-course:';
const OWN = 'Can I bring someone with me to each session?';

const storedKeys = (page: Page) =>
  page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), PREFIX);
/** The questions on /consult/, once its script has read the stored list (until then the list is
 *  busy, and a one-time read of it would race the page's script). */
async function questionTexts(page: Page): Promise<string[]> {
  await expect(page.locator('[data-my-questions]')).toHaveAttribute('aria-busy', 'false');
  return page.locator('[data-questions] > li [data-text]').allTextContents();
}

/** Pages in a PDF of the page as it prints. */
async function printedPages(page: Page, format: 'A4' | 'Letter'): Promise<number> {
  const pdf = await page.pdf({ format, printBackground: false });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** Presses a lesson's "Add to my questions" for one suggested question. */
async function addFromLesson(page: Page, question: string) {
  expect(
    await page.locator('[data-ask]').count(),
    'no "Add to my questions" box in this lesson: are <AskQuestion /> in the lessons and is src/features/consult/ask.ts imported by src/entries/lesson.ts?',
  ).toBeGreaterThan(0);
  const box = page.locator('[data-ask]').filter({ hasText: question });
  const button = box.getByRole('button', { name: 'Add to my questions' });
  await tabTo(page, button, { max: 400 });
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toHaveText('Added to your list.');
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  // Said once: just after the press, "On your list" does not repeat the message (issue 10).
  await expect(box.getByText('On your list', { exact: true })).toBeHidden();
}

/** On a phone the main links are in the header's "Menu" disclosure: open it, follow a link. */
async function openMenuAndFollow(page: Page, name: string) {
  await tabTo(page, page.locator('.site-header summary'), { back: true, max: 800 });
  await page.keyboard.press('Enter');
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await expect(link).toBeVisible();
  await tabTo(page, link, { max: 10 });
  await page.keyboard.press('Enter');
}

async function expectPlainDepth(page: Page) {
  await expect(page.locator('html')).toHaveAttribute('data-depth', 'plain');
  await expect(page.getByRole('radio', { name: 'Plain language' })).toBeChecked();
  await expect(page.locator('.lesson-body .depth-plain').first()).toBeVisible();
  await expect(page.locator('.lesson-body .depth-clinical').first()).toBeHidden();
}

test('a patient on a phone: choose, read, collect questions, print, clear', async ({ page }, info) => {
  test.setTimeout(180_000);
  const watch = watchPage(page, info);

  // First visit: a gentle question at the top, nothing in the way of the lessons.
  await page.goto('/');
  const chooser = page.getByRole('region', { name: 'Who is reading?' });
  await expect(chooser).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The lessons' })).toBeVisible();
  await expectNoAxeViolations(page, '(home, first visit)');

  await tabTo(page, chooser.getByRole('button', { name: "I'm a patient or carer" }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-audience', 'patient');
  await page.waitForLoadState();
  expect(new URL(page.url()).search, 'the choice is taken out of the address').toBe('');
  expect(await page.evaluate((k) => localStorage.getItem(k), `${PREFIX}audience`)).toBe('patient');

  // The patient path: where to get help first, then their lessons in patientOrder.
  const main = page.locator('main');
  await expect(main.locator('> *').first()).toHaveClass(/for-patient/);
  await expect(main.locator('.crisis-line').first()).toBeInViewport();
  await expect(chooser.locator('p', { hasText: 'Reading as:' })).toHaveText('Reading as: a patient or carer', { useInnerText: true });
  // One "Reading as" on the page: the chooser's (the header leaves it out on the home page).
  await expect(page.getByText(/^Reading as:/).filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Your path' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The lessons' })).toBeHidden();
  const path = page.locator('[data-path="patient"] li h3');
  await expect(path).toHaveText([
    'Step 1: Why we need new treatments',
    'Step 2: Forms and routes',
    'Step 3: Conditions and approvals',
    'Step 4: The evidence',
    'Step 5: A course of treatment',
    'Step 6: Safety and risks',
    'Step 7: Access, cost and your consultation',
    'Step 8: Myths and facts',
  ]);
  await expect(page.getByRole('heading', { name: 'More lessons' })).toBeVisible();
  await expectNoAxeViolations(page, '(patient path)');

  // Lesson 1, in plain words, quiz in practice mode; add the first question.
  await tabTo(page, page.getByRole('link', { name: 'Start your path' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/why-new-treatments\/$/);
  await expectPlainDepth(page);
  await addFromLesson(page, SUGGESTED_QUESTIONS[0]);
  const practice = page.getByRole('checkbox', { name: /Practice mode/ });
  await practice.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await expect(practice).toBeChecked();
  await expectNoAxeViolations(page, '(lesson 1, plain, question added)');

  // Step 5, "A course of treatment", from the path: two more questions.
  await page.goto('/');
  await tabTo(page, page.locator('[data-path="patient"]').getByRole('link', { name: 'Step 5: A course of treatment' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/lessons\/a-course-of-treatment\/$/);
  await expectPlainDepth(page);
  await addFromLesson(page, SUGGESTED_QUESTIONS[5]);
  await addFromLesson(page, SUGGESTED_QUESTIONS[2]);
  await expectNoAxeViolations(page, '(lesson 6, plain, questions added)');

  // The consult page, from the main menu: help first, then the list.
  await openMenuAndFollow(page, 'My questions');
  await expect(page).toHaveURL(/\/consult\/$/);
  await expect(main.locator('> *').first()).toHaveClass(/crisis-line/);
  await expect(main.locator('.crisis-line')).toBeInViewport();
  expect(await questionTexts(page)).toEqual([SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[5], SUGGESTED_QUESTIONS[2]]);
  await expectNoAxeViolations(page, '(consult, three questions)');

  // One of their own.
  const own = page.getByRole('textbox', { name: 'Write your own question' });
  await tabTo(page, own);
  await page.keyboard.type(OWN);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Added to your list.');
  await expect(own).toBeFocused();
  await expect(own).toHaveValue('');
  expect(await questionTexts(page)).toHaveLength(4);

  // Reorder: their own question up to the top, one step at a time; focus stays on the control.
  const item = (text: string) => page.locator('[data-questions] > li').filter({ hasText: text });
  await tabTo(page, item(OWN).getByRole('button', { name: 'Move up' }), { back: true });
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Moved to number 3 of 4.');
  await expect(item(OWN).getByRole('button', { name: 'Move up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Moved to number 1 of 4.');
  // At the top "Move up" is off, so focus moved to "Move down" of the same question.
  await expect(item(OWN).getByRole('button', { name: 'Move down' })).toBeFocused();
  expect(await questionTexts(page)).toEqual([OWN, SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[5], SUGGESTED_QUESTIONS[2]]);
  await expectNoAxeViolations(page, '(consult, reordered)');

  // The list survives a reload.
  await page.reload();
  expect(await questionTexts(page)).toEqual([OWN, SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[5], SUGGESTED_QUESTIONS[2]]);

  // Print: one page with the questions, room for answers and the date; no controls.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: 'Questions for my appointment' })).toBeVisible();
  await expect(page.getByText('Date:')).toBeVisible();
  await expect(page.locator('[data-questions] > li')).toHaveCount(4);
  for (const text of await questionTexts(page)) await expect(page.locator('[data-questions]').getByText(text, { exact: true })).toBeVisible();
  await expect(page.locator('[data-questions] .answer').first()).toBeVisible();
  for (const chrome of [
    page.locator('main button').first(),
    page.getByRole('textbox', { name: 'Write your own question' }),
    page.locator('.site-header'),
    page.locator('.site-footer'),
    page.getByRole('heading', { name: 'Suggested questions' }),
  ]) {
    await expect(chrome).toBeHidden();
  }
  expect(await page.locator('main button:visible, main textarea:visible, main input:visible').count()).toBe(0);
  await expectNoAxeViolations(page, '(consult, print media)');
  expect(await printedPages(page, 'A4')).toBe(1);
  expect(await printedPages(page, 'Letter')).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // What I learned: the two lessons read, nothing else; one printed page.
  await page.goto('/learned/');
  await expect(page.locator('[data-learned-lesson]:visible h2')).toHaveText(['Why we need new treatments', 'A course of treatment']);
  await expect(page.locator('[data-learned-lesson]:visible .sources li').first()).toBeVisible();
  await expectNoAxeViolations(page, '(learned)');
  await page.emulateMedia({ media: 'print' });
  await expectNoAxeViolations(page, '(learned, print media)');
  expect(await printedPages(page, 'A4')).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // Clear my data, from the footer of any page.
  const clearLink = page.locator('.site-footer').getByRole('link', { name: 'Clear my data' });
  await tabTo(page, clearLink, { back: true, max: 200 });
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/progress\/#clear-heading$/);
  const clear = page.getByRole('button', { name: 'Clear my data' });
  await tabTo(page, clear);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Clear your data?' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Yes, clear my data' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect(await storedKeys(page)).toEqual([]);

  // Everything is gone: the list, the choice, the plain-language default.
  await page.goto('/consult/');
  await expect(page.locator('[data-questions] > li')).toHaveCount(0);
  await expect(page.getByText('Your list is empty.')).toBeVisible();
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveAttribute('data-audience');
  await expect(page.getByRole('region', { name: 'Who is reading?' }).getByRole('heading', { name: 'Who is reading?' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The lessons' })).toBeVisible();
  await page.goto('/lessons/why-new-treatments/');
  await expect(page.locator('html')).not.toHaveAttribute('data-depth');
  await expect(page.locator('.lesson-body .depth-clinical').first()).toBeVisible();
  await expect(page.locator('[data-ask]').first().getByRole('button')).toHaveAttribute('aria-disabled', 'false');
  expect(await storedKeys(page)).not.toContain(`${PREFIX}questions`);
  watch.assertClean();
});

// Issue 10: the patient path by links alone (no page.goto after the home page), step by step in
// the patient's order, into their questions for the doctor, printed.
const PATIENT_PATH = [
  ['why-new-treatments', 'Why we need new treatments'],
  ['forms-and-routes', 'Forms and routes'],
  ['conditions-and-approvals', 'Conditions and approvals'],
  ['the-evidence', 'The evidence'],
  ['a-course-of-treatment', 'A course of treatment'],
  ['safety-and-risks', 'Safety and risks'],
  ['access-cost-and-your-consultation', 'Access, cost and your consultation'],
  ['myths-and-facts', 'Myths and facts'],
] as const;

test('a patient on a phone, links only: every step of their path, then their questions, printed', async ({ page }, info) => {
  test.setTimeout(600_000);
  const watch = watchPage(page, info);
  await page.goto('/');
  await tabTo(page, page.getByRole('button', { name: "I'm a patient or carer" }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-audience', 'patient');
  await tabTo(page, page.getByRole('link', { name: 'Start your path' }));
  await page.keyboard.press('Enter');

  for (const [i, [slug, title]] of PATIENT_PATH.entries()) {
    await expect(page, `step ${i + 1}`).toHaveURL(new RegExp(`/lessons/${slug}/$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expectPlainDepth(page);
    // Trainer links are not pushed at patients.
    for (const name of ['Slides', 'Presenter view', 'Handout (print)']) {
      await expect(page.getByRole('link', { name, exact: true })).toBeHidden();
    }
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height, 'the header leaves the screen to the lesson').toBeLessThanOrEqual(844 * 0.15);
    if (slug === 'why-new-treatments') await addFromLesson(page, SUGGESTED_QUESTIONS[0]);
    if (slug === 'a-course-of-treatment') await addFromLesson(page, SUGGESTED_QUESTIONS[5]);
    if (i === 2) await page.reload();
    const next = page.locator('[data-lesson-end] [data-next-lesson]:visible');
    await expect(next).toHaveText(i < PATIENT_PATH.length - 1 ? `Next lesson: ${PATIENT_PATH[i + 1][1]}` : 'Next: my questions for the doctor');
    await tabTo(page, next, { max: 800 });
    await page.keyboard.press('Enter');
  }

  // Their questions: help first, then the list, printed on one page.
  await expect(page).toHaveURL(/\/consult\/$/);
  await expect(page.locator('main > *').first()).toHaveClass(/crisis-line/);
  expect(await questionTexts(page)).toEqual([SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[5]]);
  await expectNoAxeViolations(page, '(consult, at the end of the patient path)');
  const printButton = page.getByRole('button', { name: 'Print my questions' });
  await page.evaluate(() => {
    (window as any).printed = 0;
    window.print = () => void (window as any).printed++;
  });
  await tabTo(page, printButton);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => (window as any).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  for (const text of await questionTexts(page)) await expect(page.locator('[data-questions]').getByText(text, { exact: true })).toBeVisible();
  expect(await printedPages(page, 'A4')).toBe(1);
  expect(await printedPages(page, 'Letter')).toBe(1);
  watch.assertClean();
});

// A phone on a slow network: the consult page's script arrives late. Until it has read the stored
// list, the page is busy and never says the list is empty; then it shows every stored question.
test('the consult page while its script is still arriving: busy, never "empty", then the stored list', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await page.goto('/privacy/');
  const stored = [SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[5]];
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`${PREFIX}questions`, JSON.stringify({ version: 1, questions: stored })]);
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route('**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/consult/', { waitUntil: 'commit' });
  await expect(page.locator('[data-my-questions]')).toHaveAttribute('aria-busy', 'true');
  await expect(page.locator('[data-my-questions] h2')).toBeVisible();
  await expect(page.getByText('Your list is empty', { exact: false })).toBeHidden();
  release();
  expect(await questionTexts(page)).toEqual(stored);
  await expect(page.getByText('Your list is empty', { exact: false })).toBeHidden();
  watch.assertClean();
});

// Two tabs: the consult page with an edit open, a lesson beside it adding a question. Saving the
// edit must not write over the lesson's question (the consult page merges what was stored since).
test('two tabs: a question added in a lesson while the consult page edits one is kept, in both', async ({ context }, info) => {
  const page = await context.newPage();
  const watch = watchPage(page, info);
  await page.goto('/consult/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [`${PREFIX}questions`, JSON.stringify({ version: 1, questions: [OWN] })]);
  await page.reload();
  expect(await questionTexts(page)).toEqual([OWN]);
  const first = page.locator('[data-questions] > li').first();
  await first.getByRole('button', { name: 'Edit' }).click();
  const box = first.getByRole('textbox', { name: 'Change this question' });
  await expect(box).toBeFocused();

  const lesson = await context.newPage();
  await lesson.goto('/lessons/why-new-treatments/');
  await addFromLesson(lesson, SUGGESTED_QUESTIONS[0]);

  await box.fill('Can my partner come with me to each session?');
  await box.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Question changed.');
  const expected = ['Can my partner come with me to each session?', SUGGESTED_QUESTIONS[0]];
  expect(await questionTexts(page)).toEqual(expected);
  const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).questions, `${PREFIX}questions`);
  expect(stored).toEqual(expected);
  // The lesson, back in view, marks its question as on the list.
  await lesson.reload();
  await expect(lesson.locator('[data-ask]').filter({ hasText: SUGGESTED_QUESTIONS[0] }).getByRole('button', { name: 'Add to my questions' })).toHaveAttribute('aria-disabled', 'true');
  watch.assertClean();
});

test('the consult page: suggested questions, edit, remove with focus kept, corrupt and blocked storage', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await page.goto('/consult/');
  await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"questions":["unfinished'), `${PREFIX}questions`);
  await page.reload();
  await expect(page.getByText('We could not read the list saved here, so we started a new one.')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), `${PREFIX}questions:unreadable`)).toBe('{"version":1,"questions":["unfinished');

  // Start from the suggested questions: all twelve, in the fact sheet's order.
  await tabTo(page, page.getByRole('button', { name: 'Start from the suggested questions' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Added 12 questions to your list.');
  expect(await questionTexts(page)).toEqual([...SUGGESTED_QUESTIONS]);
  await expect(page.locator('[data-suggest][aria-disabled="true"]')).toHaveCount(12);
  await expectNoAxeViolations(page, '(consult, twelve questions)');

  // Twelve questions still print on one page (one answer line each).
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('[data-questions] .answer span:visible').count()).toBe(12);
  expect(await page.pdf({ format: 'A4' }).then((pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length)).toBe(1);
  await page.emulateMedia({ media: 'screen' });

  // Edit the second question; Esc would cancel, Enter saves; focus returns to its Edit button.
  const second = page.locator('[data-questions] > li').nth(1);
  await tabTo(page, second.getByRole('button', { name: 'Edit' }));
  await page.keyboard.press('Enter');
  const box = second.getByRole('textbox', { name: 'Change this question' });
  await expect(box).toBeFocused();
  await expectNoAxeViolations(page, '(consult, editing)');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Should I have the drip or the spray?');
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Question changed.');
  await expect(page.locator('[data-questions] > li').nth(1).getByRole('button', { name: 'Edit' })).toBeFocused();
  expect((await questionTexts(page))[1]).toBe('Should I have the drip or the spray?');

  // Remove the last two: focus goes to the question that takes the place, or the one before.
  const remove = (n: number) => page.locator('[data-questions] > li').nth(n).getByRole('button', { name: 'Remove' });
  await tabTo(page, remove(10));
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Question removed. 11 questions left.');
  await expect(remove(10)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-live]')).toHaveText('Question removed. 10 questions left.');
  await expect(remove(9)).toBeFocused();
  expect(await questionTexts(page)).toHaveLength(10);
  watch.assertClean();
});

test('storage that throws: the list works for the page and says it cannot be kept', async ({ page }, info) => {
  await page.addInitScript(() => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Storage.prototype.getItem = deny;
    Storage.prototype.setItem = deny;
    Storage.prototype.removeItem = deny;
  });
  const watch = watchPage(page, info);
  await page.goto('/consult/');
  await expect(page.getByText('This browser is not saving anything for this site')).toBeVisible();
  const own = page.getByRole('textbox', { name: 'Write your own question' });
  await tabTo(page, own);
  await page.keyboard.type(OWN);
  await page.keyboard.press('Enter');
  expect(await questionTexts(page)).toEqual([OWN]);
  await expectNoAxeViolations(page, '(consult, storage off)');

  await page.goto('/lessons/a-course-of-treatment/');
  const box = page.locator('[data-ask]').first();
  await tabTo(page, box.getByRole('button', { name: 'Add to my questions' }), { max: 400 });
  await page.keyboard.press('Enter');
  await expect(box.getByRole('status')).toContainText('could not add it');
  watch.assertClean();
});

test('a presenter sees the slide and presenter links first; a student gets clinical detail', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await page.goto('/');
  await tabTo(page, page.getByRole('button', { name: "I'm presenting this" }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-audience', 'presenter');
  await expect(page.getByRole('heading', { name: 'Presenting this course' })).toBeVisible();
  const first = page.locator('[data-path="course"] li[data-slug]').first();
  const slides = first.getByRole('link', { name: 'Slides for Why we need new treatments' });
  await expect(slides).toHaveAttribute('href', '/lessons/why-new-treatments/slides/');
  await expect(first.getByRole('link', { name: 'Presenter view for Why we need new treatments' })).toHaveAttribute(
    'href',
    '/lessons/why-new-treatments/presenter/',
  );
  // Right under the title, before the summary: first in reading and in tab order.
  await expect(first.locator('h3 + p')).toHaveClass(/deck-links/);
  await expectNoAxeViolations(page, '(presenter)');

  // Change to a student from the one-line summary.
  await tabTo(page, page.getByText('Change who is reading'));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: "I'm studying medicine or health" }));
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-audience', 'student');
  await expect(page.getByRole('link', { name: 'Slides for Why we need new treatments' })).toBeHidden();
  await page.goto('/lessons/why-new-treatments/');
  await expect(page.locator('html')).not.toHaveAttribute('data-depth');
  await expect(page.locator('.lesson-body .depth-clinical').first()).toBeVisible();
  const practice = page.getByRole('checkbox', { name: /Practice mode/ });
  await practice.scrollIntoViewIfNeeded();
  await waitForIslands(page);
  await expect(practice).not.toBeChecked();
  watch.assertClean();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('no chooser or buttons that cannot work; the suggested questions are still there', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Who is reading?' })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Start the course' })).toBeVisible();
    await page.goto('/lessons/a-course-of-treatment/');
    await expect(page.locator('[data-ask]').first()).toBeHidden();
    await page.goto('/consult/');
    await expect(page.getByRole('textbox', { name: 'Write your own question' })).toBeHidden();
    await expect(page.locator('.suggestions li')).toHaveCount(12);
    await expect(page.locator('.suggestions button').first()).toBeHidden();
  });
});
