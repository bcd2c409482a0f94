// What a screen reader says (issue #20): each interactive part driven as a screen-reader user
// drives it (next item, next heading, activate, keys), its spoken phrase log recorded by
// @guidepup/virtual-screen-reader running inside the page, and compared exactly with a reviewed
// transcript in tests/transcripts/. Regenerate with UPDATE_TRANSCRIPTS=1, then review the diff.
//
// The reader is injected into every document with addInitScript; the site's CSP would block it, so
// this spec runs with `bypassCSP: true` (the CSP itself is tested in csp.spec.ts, with bypass off).
// Besides the transcripts, the rules are asserted directly: one live announcement per state change,
// the verdict heading before the explanation, a new slide's title spoken once, hidden text never read.
import { test, expect, type Page } from '@playwright/test';
import { expectTranscript, installScreenReader, ScreenReader } from './screen-reader';
import { answer, checkAndContinue, loadBank, press, quiz } from './quiz-support';
import { answerQuestion, drawFor, loadBanks, promptOnScreen, seedWithEveryType, useSeed } from './assessment-support';

test.use({ bypassCSP: true });

test.beforeEach(async ({ page }) => {
  await installScreenReader(page);
});

const one = (said: string[]) => ScreenReader.live(said);

/** Loads a page with its islands hydrated and the reader running over `container`. */
async function open(page: Page, path: string, name: string, container: string): Promise<ScreenReader> {
  await page.goto(path);
  // (an island may replace its server-rendered part while this scrolls: try again then)
  await expect(() => page.locator(container).first().scrollIntoViewIfNeeded({ timeout: 2_000 })).toPass();
  // client:visible islands hydrate as they scroll into view: wait for the one being read
  await expect(page.locator(`astro-island[ssr]:has(${container})`)).toHaveCount(0);
  return ScreenReader.start(page, name, container);
}

test('quiz: start, a question with its hint, the error summary, right, wrong, review, retry, result', async ({ page }, info) => {
  const bank = loadBank('01-why-new-treatments');
  const [q1, q2, q3] = bank.questions;
  const optionText = (q: (typeof bank.questions)[number], id: string) => q.options!.find((o) => o.id === id)!.text;
  const sr = await open(page, '/lessons/why-new-treatments/', 'quiz', 'section.quiz');
  const q = quiz(page);
  const verdict = q.locator('[data-focus="feedback"]');

  await sr.step('read the intro', () => sr.nextUntil(/^button, Start the quiz/));
  let said = await sr.step('activate Start the quiz', () => sr.act(), () => expect(q.locator('fieldset')).toBeVisible());
  expect(said[0], 'focus on the first question, its position said with it').toBe(`heading, Question 1 of 6: ${q1.prompt}, level 3`);

  // Question 1 (true or false), answered right.
  await sr.step('read the question', () => sr.nextUntil(/^button, Check answer/));
  await sr.step('tick True', () => sr.choose('radio', 'True'));
  said = await sr.step('activate Check answer', async () => {
    await sr.moveTo(/^button, Check answer/);
    await sr.act();
  }, () => expect(verdict).toBeFocused());
  expect(said.filter((p) => /Correct/.test(p)), 'the verdict said once').toHaveLength(1);
  await sr.step('read the feedback', () => sr.nextUntil(/^button, Next question/));
  await sr.step('activate Next question', () => sr.act(), () => expect(q.locator('legend').first()).toContainText(q2.prompt));

  // Question 2: the hint, Check with nothing chosen, then a wrong answer with its explanation.
  await sr.step('read the question with its hint', () => sr.nextUntil(/^button, Check answer/));
  said = await sr.step('activate Check answer with nothing chosen', () => sr.act(), () => expect(q.getByRole('alert')).toBeFocused());
  expect(said.filter((p) => /There is a problem/.test(p)), 'the error summary said once').toHaveLength(1);
  await sr.step('read the error summary', () => sr.nextUntil(/^link, /));
  said = await sr.step('activate the error link', () => sr.act(), () => expect(q.getByRole('radio').first()).toBeFocused());
  const wrong = q2.options!.find((o) => o.id !== q2.answer)!;
  await sr.step(`tick "${wrong.text}"`, () => sr.choose('radio', wrong.text));
  said = await sr.step('activate Check answer', async () => {
    await sr.moveTo(/^button, Check answer/);
    await sr.act();
  }, () => expect(verdict).toBeFocused());
  expect(said.filter((p) => /Not quite/.test(p)), 'the verdict said once').toHaveLength(1);
  said = await sr.step('read the feedback', () => sr.nextUntil(/^button, Next question/));
  const heard = said.join('\n');
  const why = (wrong as { explanation?: string }).explanation!.replace(/\s+/g, ' ').trim();
  expect(heard, 'the explanation of the chosen answer is read').toContain(why);
  expect(heard, 'the right answer is read').toContain(optionText(q2, q2.answer as string));
  await sr.step('activate Next question', () => sr.act(), () => expect(q.locator('legend').first()).toContainText(q3.prompt));

  // Question 3 wrong, the rest right (keys only, no reading): 4 of 6, not passed.
  for (const question of bank.questions.slice(2)) {
    await expect(q.locator('legend').first()).toContainText(question.prompt);
    await answerQuietly(sr, question, question !== q3);
    const last = question === bank.questions.at(-1);
    await sr.step(`answer question ${bank.questions.indexOf(question) + 1} ${question === q3 ? 'wrong' : 'right'}, Check, then ${last ? 'See your result' : 'Next question'}`, async () => {
      await sr.moveTo(/^button, Check answer/);
      await sr.act();
      await expect(verdict).toBeFocused();
      await sr.moveTo(last ? /^button, See your result/ : /^button, Next question/);
      await sr.act();
    }, () => (last ? expect(q).toHaveAttribute('data-state', 'failed') : expect(q.locator('fieldset')).toBeVisible()));
  }
  await sr.step('read the result', () => sr.nextUntil(/^button, Review your answers/));

  said = await sr.step('activate Review your answers', () => sr.act(), () => expect(q).toHaveAttribute('data-state', 'review'));
  await sr.step('next heading, twice', async () => {
    await sr.perform('moveToNextHeading');
    await sr.perform('moveToNextHeading');
  });
  said = await sr.step('jump to the retry button and activate it', async () => {
    await sr.moveTo(/^button, Try the 2 questions you missed again/);
    await sr.act();
  }, () => expect(q.locator('legend').first()).toContainText(q2.prompt));
  expect(one(said), 'retry announced once').toEqual(['polite: 4 right answers are kept. 2 questions to try again.']);

  for (const question of [q2, q3]) {
    await expect(q.locator('legend').first()).toContainText(question.prompt);
    await answerQuietly(sr, question, true);
    await sr.step(`answer question ${bank.questions.indexOf(question) + 1} right, Check, then ${question === q3 ? 'See your result' : 'Next question'}`, async () => {
      await sr.moveTo(/^button, Check answer/);
      await sr.act();
      await expect(verdict).toBeFocused();
      await sr.moveTo(question === q3 ? /^button, See your result/ : /^button, Next question/);
      await sr.act();
    }, () => (question === q3 ? expect(q).toHaveAttribute('data-state', 'passed') : expect(q.locator('fieldset')).toBeVisible()));
  }
  await sr.step('read the result', () => sr.nextUntil(/^button, /));
  await sr.stop();
  expectTranscript(sr, info);
});

type BankQuestion = ReturnType<typeof loadBank>['questions'][number];

/** Ticks an answer through the reader: jumps to each option by its name and presses Space. */
async function answerQuietly(sr: ScreenReader, question: BankQuestion, right: boolean): Promise<void> {
  const tick = (role: 'radio' | 'checkbox', name: string) => sr.step(`tick "${name}"`, () => sr.choose(role, name));
  if (question.type === 'truefalse') {
    const value = right ? question.answer : !question.answer;
    await tick('radio', value ? 'True' : 'False');
  } else if (question.type === 'single') {
    const option = question.options!.find((o) => (right ? o.id === question.answer : o.id !== question.answer))!;
    await tick('radio', option.text);
  } else if (question.type === 'multiple') {
    const wanted = new Set(question.answer as string[]);
    for (const option of question.options!) {
      if (right ? wanted.has(option.id) : !wanted.has(option.id)) await tick('checkbox', option.text);
    }
  } else throw new Error(`no ${question.type} question in lesson 1: extend answerQuietly`);
}

test('diagram: each step, play and pause, the comparison, jump to a step', async ({ page }, info) => {
  await page.clock.install();
  const sr = await open(page, '/lessons/how-ketamine-works/', 'diagram', '.synapse');
  const live = page.locator('.synapse .live').first();
  await sr.step('read the diagram and its controls', () => sr.nextUntil(/^button, Restart/));
  for (let n = 2; n <= 8; n++) {
    const said = await sr.step(`activate Next (step ${n})`, async () => {
      await sr.moveTo(/^button, Next/, { back: true });
      await sr.act();
    }, () => expect(live).toContainText(`Step ${n} of 8`));
    expect(one(said), `step ${n} announced once`).toHaveLength(1);
    expect(one(said)[0]).toMatch(new RegExp(`^polite: Step ${n} of 8: `));
    if (n === 2) {
      await sr.step('read on to the comparison', () => sr.nextUntil(/^radio, With ketamine/));
      const compare = await sr.step('tick "With ketamine"', () => sr.choose('radio', 'With ketamine'), () => expect(live).toHaveText('Showing: with ketamine.'));
      expect(one(compare), 'the comparison announced once').toEqual(['polite: Showing: with ketamine.']);
    }
  }
  await sr.step('activate Restart', async () => {
    await sr.moveTo(/^button, Restart/);
    await sr.act();
  }, () => expect(live).toContainText('Step 1 of 8'));
  let said = await sr.step('activate Play', async () => {
    await sr.moveTo(/^button, Play/, { back: true });
    await sr.act();
  }, () => expect(page.locator('.synapse button.play').first()).toContainText('Pause'));
  expect(one(said), 'Play is said once').toEqual(['polite: Playing: a new step every 8 seconds.']);
  said = await sr.step('wait 8 seconds', () => page.clock.runFor(8_000), () => expect(live).toContainText('Step 2 of 8'));
  expect(one(said), 'one announcement per step while playing').toHaveLength(1);
  said = await sr.step('activate Pause', () => sr.act(), () => expect(page.locator('.synapse button.play').first()).toContainText('Play'));
  expect(one(said), 'Pause is said once').toEqual(['polite: Paused at step 2 of 8.']);
  await sr.step('wait 8 seconds more: nothing moves', () => page.clock.runFor(8_000));
  expect(sr.lines.at(-1)).toBe('> wait 8 seconds more: nothing moves');
  await sr.step('jump to step 6 from the step list', async () => {
    await sr.moveTo(/^button, .*6/);
    await sr.act();
  }, () => expect(live).toContainText('Step 6 of 8'));
  await sr.stop();
  expectTranscript(sr, info);
});

/** The deck's keys go to the deck, which has focus (a clicker or the keyboard, as a presenter uses). */
async function deckKey(page: Page, key: string) {
  await expect(page.locator('[data-deck]')).toBeFocused();
  await page.keyboard.press(key);
}

test('deck: title slide, next slide, a fragment, blank, overview; hidden slides never read', async ({ page }, info) => {
  await page.goto('/lessons/from-anaesthetic-to-antidepressant/slides/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const sr = await ScreenReader.start(page, 'deck', 'body');
  const live = page.locator('[data-deck] [aria-live="polite"]').last();
  const titles = await page.locator('[data-slide]').evaluateAll((slides) => slides.map((s) => s.getAttribute('aria-label')!));
  await sr.step('read the title slide', () => sr.nextUntil(/^button, /));
  await page.locator('[data-deck]').focus();
  let said = await sr.step('PageDown (next slide)', () => deckKey(page, 'PageDown'), () => expect(live).toContainText('Slide 2 of'));
  expect(one(said), 'a slide change announced once').toHaveLength(1);
  expect(said.filter((p) => p.includes(titles[1].replace(/^\d+ of \d+: /, ''))), 'the new title spoken once').toHaveLength(1);
  said = await sr.step('PageDown (a fragment)', () => deckKey(page, 'PageDown'), () => expect(live).toContainText('Point 1 of'));
  expect(one(said), 'a fragment announced once').toHaveLength(1);
  // Blanking is said in the presenter view only: the projected window stays black and silent.
  said = await sr.step('B (blank the screen)', () => deckKey(page, 'b'), () => expect(page.locator('[data-deck]')).toHaveAttribute('data-blank', ''));
  expect(one(said), 'the audience window says nothing when blanked').toHaveLength(0);
  said = await sr.step('B again (the slide comes back)', () => deckKey(page, 'b'));
  expect(one(said), 'unblank announced once').toHaveLength(1);
  said = await sr.step('Escape (overview)', () => deckKey(page, 'Escape'), () => expect(page.getByRole('dialog', { name: 'All slides' })).toBeVisible());
  said = await sr.step('ArrowRight, then Enter (open slide 3)', async () => {
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
  }, () => expect(page.getByRole('dialog', { name: 'All slides' })).toBeHidden());
  expect(one(said), 'opening a slide from the overview announced once').toHaveLength(1);
  said = await sr.step('read the slide', async () => {
    await sr.moveTo(/^slide, 3 of /);
    await sr.nextUntil(/^end of slide, 3 of /);
  });
  // Slides never shown are inert: nothing of them is ever read.
  const log = (await sr.log()).join('\n');
  for (const title of titles.slice(3)) {
    const text = await page.locator(`[data-slide][aria-label="${title}"] h2`).first().textContent();
    expect(log, `hidden slide "${title}" read`).not.toContain(text!.trim());
  }
  await sr.stop();
  expectTranscript(sr, info);
});

test('consult list: add your own, add a suggested one, move, remove', async ({ page }, info) => {
  const sr = await open(page, '/consult/', 'consult', 'main');
  const items = page.locator('[data-questions] > li');
  let said = await sr.step('jump to "Write your own question" and type a question', async () => {
    await sr.moveTo(/^textbox, Write your own question/);
    await sr.type('Can I drive home after a dose?');
  });
  said = await sr.step('activate Add to my list', async () => {
    await sr.moveTo(/^button, Add to my list/);
    await sr.act();
  }, () => expect(items).toHaveCount(1));
  expect(one(said), 'adding announced once').toEqual(['polite: Added to your list.']);
  said = await sr.step('jump to the first suggested question and activate it', async () => {
    await sr.moveTo(/^button, Add, /); // each "Add" is described by its question
    await sr.act();
  }, () => expect(items).toHaveCount(2));
  expect(one(said), 'adding a suggestion announced once').toHaveLength(1);
  said = await sr.step('jump back to the first "Move down" and activate it', async () => {
    await sr.moveTo(/^button, Move down/, { back: true });
    while (!(await items.first().locator('[data-act="down"]').evaluate((b) => b === (window as any).__sr.activeNode))) {
      await sr.moveTo(/^button, Move down/, { back: true });
    }
    await sr.act();
  }, () => expect(items.nth(1)).toContainText('Can I drive home'));
  expect(one(said), 'a move announced once').toEqual(['polite: Moved to number 2 of 2.']);
  said = await sr.step('jump to its "Remove" and activate it', async () => {
    await sr.moveTo(/^button, Remove/);
    await sr.act();
  }, () => expect(items).toHaveCount(1));
  expect(one(said), 'a removal announced once').toEqual(['polite: Question removed. 1 question left.']);
  await sr.stop();
  expectTranscript(sr, info);
});

test('search: type a query, one count announced, arrow through results, Escape clears', async ({ page }, info) => {
  const sr = await open(page, '/search/', 'search', 'main');
  const count = page.locator('[data-search-count]');
  await sr.step('jump to the search field', () => sr.moveTo(/^combobox, /));
  let said = await sr.step('type "ketamine dose"', () => sr.type('ketamine dose'), () => expect(count).toContainText(/result/));
  expect(one(said), 'one count per pause in typing, not one per key').toHaveLength(1);
  said = await sr.step('ArrowDown', () => sr.press('ArrowDown'), () => expect(page.locator('[data-search-input]')).toHaveAttribute('aria-activedescendant', /.+/));
  said = await sr.step('ArrowDown', () => sr.press('ArrowDown'));
  said = await sr.step('Escape', () => sr.press('Escape'), () => expect(page.locator('[data-search-results]')).toBeHidden());
  await sr.stop();
  expectTranscript(sr, info);
});

test('progress notices: one found on load, one that appears when a save fails', async ({ page }, info) => {
  await page.goto('/privacy/');
  await page.evaluate(() => localStorage.setItem('ketamine-course:progress', '{"version":3,"lessons":{"why-new'));
  await page.goto('/');
  const notice = page.locator('[data-progress-notice]');
  await expect(notice).toBeVisible();
  let sr = await ScreenReader.start(page, 'progress-notices', 'body');
  let said = await sr.step('jump to the notice and read it', async () => {
    await sr.moveTo(/^status$/);
    await sr.nextUntil(/^button, OK, got it/);
  });
  said = await sr.step('activate OK, got it', () => sr.act(), () => expect(notice).toBeHidden());
  const lines = sr.lines;

  // On a lesson the storage fills up; reaching the end of the lesson is a save that fails.
  await page.goto('/lessons/why-new-treatments/');
  await expect(notice).toBeHidden();
  sr = await ScreenReader.start(page, 'progress-notices', 'body');
  sr.lines.unshift(...lines, '> open lesson 1; the storage fills up');
  sr.lines.splice(lines.length + 1, 2); // the new reader's first item: not part of this journey
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  said = await sr.step('read to the end of the lesson', () => page.locator('[data-lesson-status]').scrollIntoViewIfNeeded(), () => expect(notice).toBeVisible());
  expect(one(said), 'the notice announced once when it appears').toHaveLength(1);
  await sr.stop();
  expectTranscript(sr, info);
});

test('assessment: the intro, the first question, an ordering question moved with its buttons', async ({ page }, info) => {
  const banks = loadBanks();
  const seed = seedWithEveryType(banks);
  await useSeed(page, seed);
  const drawn = drawFor(banks, seed);
  const sr = await open(page, '/assessment/', 'assessment', 'section.quiz');
  const q = quiz(page);
  await sr.step('read the intro', () => sr.nextUntil(/^button, Start the final assessment/));
  let said = await sr.step('activate Start the final assessment', () => sr.act(), () => expect(promptOnScreen(page)).toBeFocused());
  expect(said[0]).toBe(`heading, Question 1 of 18: ${drawn[0].prompt}, level 3`);
  // Up to the first ordering question by keys (each question's focus move is still heard).
  const at = drawn.findIndex((x) => x.type === 'ordering');
  await sr.unrecorded(`answer questions 1 to ${at} right by keys`, async () => {
    for (const question of drawn.slice(0, at)) {
      await answerQuestion(page, question, true);
      await q.getByRole('button', { name: 'Check answer' }).press('Enter');
      await expect(q.locator('[data-focus="feedback"]')).toBeFocused();
      await q.getByRole('button', { name: 'Next question' }).press('Enter');
      await expect(q.locator('fieldset').first()).toBeVisible();
    }
  }, () => expect(promptOnScreen(page)).toHaveText(drawn[at].prompt));
  await sr.step('read the ordering question', () => sr.nextUntil(/^button, Check answer/));
  said = await sr.step('jump back to the last "Move up" and activate it', async () => {
    await sr.moveTo(/^button, Move up/, { back: true });
    await sr.act();
  });
  expect(one(said), 'a move announced once').toHaveLength(1);
  expect(one(said)[0]).toMatch(/^polite: .+: moved to position \d of \d\.$/);
  await sr.stop();
  expectTranscript(sr, info);
});

test('deck: the diagram slide is stepped by the deck keys, each step said once', async ({ page }, info) => {
  await page.goto('/lessons/the-glutamate-synapse/slides/');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const slides = page.locator('[data-slide]');
  const at = await slides.evaluateAll((all) => all.findIndex((s) => s.querySelector('[data-deck-stepper]')));
  expect(at, 'a slide with the diagram').toBeGreaterThan(0);
  const live = page.locator('[data-deck] [aria-live="polite"]').last();
  const sr = await ScreenReader.start(page, 'deck-diagram', 'body');
  await page.locator('[data-deck]').focus();
  await sr.unrecorded(`PageDown to slide ${at} (the slide before the diagram)`, async () => {
    for (let i = 0; i < 30 && !(await live.textContent())?.startsWith(`Slide ${at} of`); i++) await deckKey(page, 'PageDown');
  }, () => expect(live).toContainText(`Slide ${at} of`));
  let said = await sr.step('PageDown (the diagram slide)', () => deckKey(page, 'PageDown'), () => expect(live).toContainText(`Slide ${at + 1} of`));
  expect(one(said), 'the slide change said once').toHaveLength(1);
  for (const n of [2, 3]) {
    said = await sr.step(`PageDown (diagram step ${n})`, () => deckKey(page, 'PageDown'), () => expect(slides.nth(at).locator('.indicator')).toContainText(`Step ${n} of 8`));
    expect(one(said), `step ${n} said once, by the diagram only`).toHaveLength(1);
    expect(one(said)[0]).toMatch(new RegExp(`^polite: Step ${n} of 8: `));
  }
  said = await sr.step('PageUp (back to step 2)', () => deckKey(page, 'PageUp'), () => expect(slides.nth(at).locator('.indicator')).toContainText('Step 2 of 8'));
  expect(one(said)).toHaveLength(1);
  await sr.stop();
  expectTranscript(sr, info);
});

test('review session: start, a question, the error summary, checked wrong with its feedback, checked right, stop/result', async ({ page }, info) => {
  // Due cards the way a learner gets them: lesson 1's first two questions missed, then a day passes.
  const bank = loadBank('01-why-new-treatments');
  const missed = bank.questions.slice(0, 2);
  await page.clock.install({ time: new Date(2026, 11, 1, 10, 0, 0) });
  await page.goto('/lessons/why-new-treatments/');
  await quiz(page).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]:has(section.quiz)')).toHaveCount(0);
  await press(page, 'Start the quiz');
  for (const [i, question] of bank.questions.entries()) {
    await answer(page, question, i >= missed.length);
    await checkAndContinue(page, i >= missed.length);
  }
  await expect(quiz(page)).toHaveAttribute('data-state', /passed|failed/);
  await page.clock.fastForward(24 * 60 * 60 * 1000);

  const sr = await open(page, '/review/', 'review', 'section.quiz');
  const q = quiz(page);
  const verdict = q.locator('[data-focus="feedback"]');
  const asked = async () => {
    const text = (await q.locator('legend .prompt').textContent())!.trim();
    return missed.find((m) => m.prompt === text)!;
  };
  await sr.step('read the intro', () => sr.nextUntil(/^button, Start the review/));
  let said = await sr.step('activate Start the review', () => sr.act(), () => expect(q.locator('legend .prompt')).toBeFocused());
  const first = await asked();
  expect(said[0], 'focus on the first question, its position said with it').toBe(`heading, Question 1 of 2: ${first.prompt}, level 3`);

  // The first question: Check with nothing chosen, then a wrong answer with its explanation.
  await sr.step('read the question', () => sr.nextUntil(/^button, Check answer/));
  said = await sr.step('activate Check answer with nothing chosen', () => sr.act(), () => expect(q.getByRole('alert')).toBeFocused());
  expect(said.filter((p) => /There is a problem/.test(p)), 'the error summary said once').toHaveLength(1);
  await sr.step('read the error summary', () => sr.nextUntil(/^link, /));
  await sr.step('activate the error link', () => sr.act(), () => expect(q.getByRole('radio').first()).toBeFocused());
  await answerQuietly(sr, first, false);
  said = await sr.step('activate Check answer', async () => {
    await sr.moveTo(/^button, Check answer/);
    await sr.act();
  }, () => expect(verdict).toBeFocused());
  expect(one(said), 'no live announcement: the focused verdict heading says it').toEqual([]);
  expect(said.filter((p) => /Not quite/.test(p)), 'the verdict said once').toHaveLength(1);
  said = await sr.step('read the feedback', () => sr.nextUntil(/^button, Next question/));
  const heading = said.findIndex((p) => /^heading, Not quite/.test(p));
  const reread = said.findIndex((p) => /Re-read/.test(p));
  expect(heading, 'the verdict heading is read first').toBeLessThanOrEqual(0);
  expect(reread, 'the explanation, then its Re-read link, after the verdict').toBeGreaterThan(heading);
  said = await sr.step('activate Next question', () => sr.act(), () => expect(q.locator('legend .prompt')).toBeFocused());
  expect(said[0]).toMatch(/^heading, Question 2 of 2: /);

  // The second question, right; then the result.
  const second = await asked();
  await answerQuietly(sr, second, true);
  said = await sr.step('activate Check answer', async () => {
    await sr.moveTo(/^button, Check answer/);
    await sr.act();
  }, () => expect(verdict).toBeFocused());
  expect(one(said), 'no live announcement: the focused verdict heading says it').toEqual([]);
  expect(said.filter((p) => /Correct/.test(p)), 'the verdict said once').toHaveLength(1);
  said = await sr.step('read the feedback', () => sr.nextUntil(/^button, See how it went/));
  expect(said.findIndex((p) => /^heading, Correct/.test(p)), 'the verdict heading is read first').toBeLessThanOrEqual(0);
  said = await sr.step('activate See how it went', () => sr.act(), () => expect(q.locator('[data-focus="result"]')).toBeFocused());
  expect(one(said), 'no live announcement: the focused result heading says it').toEqual([]);
  expect(said.filter((p) => /Review finished/.test(p)), 'the result said once').toHaveLength(1);
  await sr.step('read the result', () => sr.nextUntil(/^link, Back to the lessons/));
  await sr.stop();
  expectTranscript(sr, info);
});
