// The final assessment, answered as a keyboard user: every bank of the course loaded from
// lessons/*.quiz.yaml, the learner's draw recomputed from the stored seed (so the test knows which
// question is on screen and what the right answer is), and keyboard answering for all five types.
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { drawAssessment, type QuestionBank } from '../../src/features/quiz/assessment';
import type { MatchingQuestion, OrderingQuestion, Question } from '../../src/features/quiz/quiz.types';
import { tabTo } from './support';
import { answer as answerChoice, quiz, type Bank } from './quiz-support';

export const PROGRESS_KEY = 'ketamine-course:progress';
export const COUNT = 18;

/** Every bank, in course order (the file names' NN- prefix). */
export function loadBanks(): QuestionBank[] {
  return readdirSync('lessons')
    .filter((f) => f.endsWith('.quiz.yaml'))
    .sort()
    .map((f) => parse(readFileSync(`lessons/${f}`, 'utf8')) as QuestionBank);
}

/** The questions the page draws for a seed: the same function, the same banks, the same order. */
export const drawFor = (banks: QuestionBank[], seed: number) => drawAssessment(banks, COUNT, seed);

/** A seed whose draw has at least one ordering and one matching question, so both get answered. */
export function seedWithEveryType(banks: QuestionBank[]): number {
  for (let seed = 1; seed < 10_000; seed++) {
    const types = new Set(drawFor(banks, seed).map((q) => q.type));
    if (types.has('ordering') && types.has('matching')) return seed;
  }
  throw new Error('No seed draws both an ordering and a matching question');
}

export async function storedRecord(page: Page): Promise<any> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_KEY);
}

export async function storedSeed(page: Page): Promise<number> {
  const seed = (await storedRecord(page))?.assessment?.seed;
  expect(typeof seed, 'the assessment seed is stored').toBe('number');
  return seed;
}

/** Every lesson of the course complete, as a learner who reaches the assessment has them (the
 *  course is complete only with every lesson and the assessment: src/features/path/course.ts). */
export function allLessonsDone(at = '2026-11-30T10:00:00.000Z') {
  const slugs = readdirSync('lessons').filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '').replace(/^\d+[-_]/, ''));
  return Object.fromEntries(slugs.map((slug) => [slug, { visitedAt: at, reachedEndAt: at, completedAt: at }]));
}

/** Starts from a given seed: writes a record holding that seed (and, unless told otherwise, every
 *  lesson complete), as the store would. */
export async function useSeed(page: Page, seed: number, lessons: Record<string, unknown> = allLessonsDone()): Promise<void> {
  await page.goto('/');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [PROGRESS_KEY, JSON.stringify({ version: 3, lessons, assessment: { seed } })] as const,
  );
}

/** The prompt of the question on screen (answering or checked). */
export const promptOnScreen = (page: Page) => quiz(page).locator('[data-focus="question"]');

/** Ordering: "Move up" presses, from the keyboard, until every step is in place (or, for a wrong
 *  answer, leaves the scrambled start, which the quiz guarantees is never the right order). */
async function answerOrdering(page: Page, q: OrderingQuestion, right: boolean) {
  const list = quiz(page).locator('ol.ordering');
  const texts = () => list.locator('li .text').allInnerTexts();
  if (!right) {
    expect(await texts()).not.toEqual(q.items.map((i) => i.text));
    return;
  }
  for (const [target, item] of q.items.entries()) {
    const from = (await texts()).indexOf(item.text);
    expect(from, `"${item.text}" is listed`).toBeGreaterThanOrEqual(target);
    if (from === target) continue;
    // The button's name is "Move up", then the step's text (visually hidden).
    const up = list.locator('li', { has: page.getByText(item.text, { exact: true }) }).getByRole('button', { name: /^Move up\b/ });
    await expect(up).toBeEnabled();
    await tabTo(page, up, { max: 40 });
    // Focus stays on the moved step's button, so each Enter moves it one place further up.
    for (let i = from; i > target; i--) await page.keyboard.press('Enter');
    await expect(list.locator('li .text').nth(target)).toHaveText(item.text);
  }
  expect(await texts()).toEqual(q.items.map((i) => i.text));
}

/** Matching: one radio group per term, reached with Tab; Space picks the first definition and
 *  the arrow keys move to the wanted one, as a keyboard user does. A wrong answer gives the first
 *  term another term's definition. */
async function answerMatching(page: Page, q: MatchingQuestion, right: boolean) {
  for (const [i, pair] of q.pairs.entries()) {
    const wanted = right || i > 0 ? pair.id : q.pairs[1].id;
    const group = quiz(page).getByRole('group', { name: pair.term, exact: true });
    await expect(group).toBeVisible();
    const radios = group.getByRole('radio');
    const values = await radios.evaluateAll((inputs) => inputs.map((r) => (r as HTMLInputElement).value));
    const target = values.indexOf(wanted);
    expect(target, `definition ${wanted} is offered`).toBeGreaterThanOrEqual(0);
    await tabTo(page, radios.first(), { max: 40 });
    await page.keyboard.press('Space');
    for (let n = 0; n < target; n++) await page.keyboard.press('ArrowDown');
    await expect(radios.nth(target)).toBeChecked();
    // The whole definition is on screen: its label is not cut off.
    const label = group.locator(`label[for="${await radios.nth(target).getAttribute('id')}"]`);
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
}

/** Answers the question on screen with the keyboard, right or deliberately wrong. */
export async function answerQuestion(page: Page, q: Question, right: boolean) {
  await expect(promptOnScreen(page)).toHaveText(q.prompt);
  if (q.type === 'ordering') return answerOrdering(page, q, right);
  if (q.type === 'matching') return answerMatching(page, q, right);
  return answerChoice(page, q as unknown as Bank['questions'][number], right);
}

/** The prompts in the review ("Your answers"), in order. */
export const reviewPrompts = (page: Page) => quiz(page).locator('.review h4').allInnerTexts();

/** The result lesson by lesson: the section and its lines. */
export const breakdown = (page: Page) => page.locator('[data-breakdown]');
