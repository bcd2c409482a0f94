// Answering quizzes as a keyboard user, from the bank's own answer key.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expectNoAxeViolations, tabTo, waitForIslands } from './support';

export interface Bank {
  questions: Array<{ id: string; type: string; prompt: string; answer: string | string[] | boolean; options?: Array<{ id: string; text: string }> }>;
}
export function loadBank(file: string): Bank {
  return parse(readFileSync(`lessons/${file}.quiz.yaml`, 'utf8'));
}

export const quiz = (page: Page) => page.locator('section.quiz');
export const live = (page: Page) => quiz(page).locator('[role="status"]');

/** Chooses an answer with the keyboard: right, or deliberately wrong. */
export async function answer(page: Page, q: Bank['questions'][number], right: boolean) {
  const group = quiz(page).locator('fieldset').first();
  if (q.type === 'truefalse') {
    const value = right ? q.answer : !q.answer;
    const first = group.getByRole('radio').first();
    await tabTo(page, first);
    await page.keyboard.press('Space');
    if (value === false) await page.keyboard.press('ArrowDown');
    await expect(group.getByRole('radio', { name: value ? 'True' : 'False' })).toBeChecked();
    return;
  }
  if (q.type === 'single') {
    const options = q.options!;
    const target = right ? options.findIndex((o) => o.id === q.answer) : options.findIndex((o) => o.id !== q.answer);
    await tabTo(page, group.getByRole('radio').first());
    await page.keyboard.press('Space');
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    await expect(group.getByRole('radio', { name: options[target].text, exact: true })).toBeChecked();
    return;
  }
  if (q.type === 'multiple') {
    const wanted = new Set(q.answer as string[]);
    for (const option of q.options!) {
      const tick = right ? wanted.has(option.id) : !wanted.has(option.id);
      if (!tick) continue;
      await tabTo(page, group.getByRole('checkbox', { name: option.text, exact: true }));
      await page.keyboard.press('Space');
    }
    return;
  }
  throw new Error(`lesson 1 has no ${q.type} question: extend this helper`);
}

export async function press(page: Page, name: string | RegExp) {
  await tabTo(page, quiz(page).getByRole('button', { name }), { max: 60 });
  await page.keyboard.press('Enter');
}

export async function checkAndContinue(page: Page, right: boolean, axeContext?: string) {
  await press(page, 'Check answer');
  const verdict = quiz(page).locator('[data-focus="feedback"]');
  await expect(verdict).toBeFocused();
  await expect(verdict).toContainText(right ? 'Correct' : 'Not quite');
  // The focused verdict is the announcement; the live region does not say it a second time.
  await expect(live(page)).not.toContainText(right ? 'Correct' : 'Not quite');
  await expect(quiz(page).getByRole('link', { name: /^Re-read/ }).first()).toBeVisible();
  if (axeContext) await expectNoAxeViolations(page, axeContext);
  await press(page, /^(Next question|See your result)$/);
}

/** Starts a lesson's quiz and answers every question right, keyboard only. */
export async function passQuiz(page: Page, bank: Bank) {
  await tabTo(page, page.getByRole('checkbox', { name: /Practice mode/ }), { max: 400 });
  await waitForIslands(page);
  await press(page, 'Start the quiz');
  for (const q of bank.questions) {
    await answer(page, q, true);
    await checkAndContinue(page, true);
  }
  await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
}
