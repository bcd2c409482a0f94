// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Quiz from '../../src/features/quiz/Quiz.svelte';
import type { Question } from '../../src/features/quiz/quiz.types';

const opt = (id: string, text: string, explanation: string) => ({ id, text, explanation });

const single: Question = {
  id: 'remission',
  type: 'single',
  prompt: 'What does remission mean?',
  hint: 'Think about where the score ends up.',
  section: 'response-is-not-remission',
  options: [
    opt('halved', 'Scores fell by half', 'That is response, not remission.'),
    opt('minimal', 'Few or no symptoms remain', 'Remission means few or no symptoms are left.'),
    opt('cured', 'It will not come back', 'No trial outcome means that.'),
  ],
  answer: 'minimal',
};
const truefalse: Question = {
  id: 'seventy',
  type: 'truefalse',
  prompt: 'Ketamine cures 70% of people with depression.',
  section: 'the-seventy-percent-claim',
  answer: false,
  explanation: 'False: the figure comes from an uncontrolled chart review.',
};
const multiple: Question = {
  id: 'single-dose',
  type: 'multiple',
  prompt: 'Which are true of one infusion?',
  section: 'how-long-it-lasts',
  options: [
    opt('hours', 'Relief can start within hours', 'Onset within 2 to 4 hours is common.'),
    opt('fades', 'The effect often fades within a week', 'Pooled trials show it fading by day 7.'),
    opt('cure', 'One dose cures depression', 'A fading effect is not a cure.'),
  ],
  answer: ['hours', 'fades'],
};
const ordering: Question = {
  id: 'trial-steps',
  type: 'ordering',
  prompt: 'Put the steps of a trial in order.',
  section: 'how-trials-work',
  items: [
    { id: 'enrol', text: 'Enrol participants' },
    { id: 'randomise', text: 'Randomise them' },
    { id: 'treat', text: 'Give the treatments' },
    { id: 'measure', text: 'Measure symptoms' },
  ],
  explanation: 'Enrol, randomise, treat, then measure.',
};
const matching: Question = {
  id: 'terms',
  type: 'matching',
  prompt: 'Match each term to its meaning.',
  section: 'response-is-not-remission',
  pairs: [
    { id: 'response', term: 'Response', definition: 'Score falls by at least half' },
    { id: 'remission', term: 'Remission', definition: 'Few or no symptoms remain' },
    { id: 'relapse', term: 'Relapse', definition: 'Symptoms come back' },
  ],
  explanation: 'Response is a big fall, remission is nearly none left, relapse is a return.',
};

/** Text as read: whitespace collapsed. */
const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

/** Lets the focus and live-region effects (which wait for Svelte's DOM update) run. */
async function settle() {
  await tick();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await tick();
}

function setup(props: Record<string, unknown> = {}) {
  const onComplete = vi.fn();
  const result = render(Quiz, {
    props: {
      questions: [single, truefalse],
      lessonSlug: 'what-the-evidence-says',
      sections: { 'response-is-not-remission': 'Response is not remission' },
      onComplete,
      ...props,
    },
  });
  const root = result.container.querySelector<HTMLElement>('section.quiz')!;
  const live = () => root.querySelector('[role="status"]')!.textContent!.trim();
  const click = async (name: string | RegExp) => {
    await fireEvent.click(within(root).getByRole('button', { name }));
    await settle();
  };
  const choose = async (label: string | RegExp) => {
    await fireEvent.click(within(root).getByLabelText(label));
    await settle();
  };
  /** Answers the questions in order (one choice each), checking each, up to the result. */
  const answerAll = async (...choices: (string | RegExp)[]) => {
    for (const [i, label] of choices.entries()) {
      await choose(label);
      await click('Check answer');
      await click(i < choices.length - 1 ? 'Next question' : 'See your result');
    }
  };
  return { ...result, root, live, click, choose, answerAll, onComplete };
}

afterEach(() => cleanup());

describe('Quiz', () => {
  it('has a polite status region from the first render, empty, and an intro', () => {
    const { root, live } = setup();
    const status = root.querySelector('[role="status"]')!;
    expect(status).not.toBeNull();
    expect(live()).toBe('');
    expect(within(root).getByRole('heading', { level: 2, name: 'Check your understanding' })).toBeTruthy();
    expect(text(root)).toContain('2 questions. Get 2 right');
    expect(text(root)).toContain('no time limit');
  });

  it('shows each question as a fieldset with its prompt as the legend, hint tied by aria-describedby', async () => {
    const { root, click } = setup();
    await click('Start the quiz');
    const group = within(root).getByRole('group', { name: /What does remission mean\?/ });
    expect(group.tagName).toBe('FIELDSET');
    const hintId = group.getAttribute('aria-describedby')!;
    expect(document.getElementById(hintId)!.textContent).toContain('Think about where the score ends up.');
    expect(within(group).getAllByRole('radio')).toHaveLength(3);
    // Focus moves to the question when it appears.
    // Its name carries the position: a screen reader reads only the focused heading.
    expect(document.activeElement).toBe(within(root).getByRole('heading', { name: 'Question 1 of 2: What does remission mean?' }));
  });

  it('Check with nothing chosen: an error summary appears, takes focus and links to the field', async () => {
    const { root, click } = setup();
    await click('Start the quiz');
    expect(within(root).queryByRole('alert')).toBeNull();
    await click('Check answer');
    const summary = within(root).getByRole('alert');
    expect(within(summary).getByRole('heading', { name: 'There is a problem' })).toBeTruthy();
    expect(document.activeElement).toBe(summary);
    const link = within(summary).getByRole('link', { name: 'Select an answer' });
    const target = document.getElementById(link.getAttribute('href')!.slice(1))!;
    expect(target).toBe(within(root).getByLabelText('Scores fell by half'));
    // The message is also next to the field, tied to the fieldset.
    const group = within(root).getByRole('group');
    const described = group.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
    expect(described.join(' ')).toContain('Select an answer');
    // Following the link focuses the field.
    await fireEvent.click(link);
    expect(document.activeElement).toBe(target);
    // Pressing Check again with nothing chosen focuses the summary again.
    await click('Check answer');
    expect(document.activeElement).toBe(within(root).getByRole('alert'));
    // Choosing an answer clears the error.
    await fireEvent.click(target);
    await settle();
    expect(within(root).queryByRole('alert')).toBeNull();
  });

  it('after Check: the verdict in words, why each answer is right or wrong, focus and live region', async () => {
    const { root, click, choose, live } = setup();
    await click('Start the quiz');
    await choose('Scores fell by half');
    await click('Check answer');
    const verdict = within(root).getByRole('heading', { name: 'Not quite' });
    expect(document.activeElement).toBe(verdict);
    expect(verdict.getAttribute('tabindex')).toBe('-1');
    expect(verdict.querySelector('svg[aria-hidden="true"]')).not.toBeNull(); // a shape, not colour alone
    expect(live()).toBe(''); // the focused verdict is the announcement: not said twice
    // Every option stays on screen in its place; the chosen and the right one are marked with a
    // shape and words (not colour alone), each with why.
    const lines = [...root.querySelectorAll('.lines > li')];
    expect(lines.map((li) => li.querySelector('.label') ? text(li.querySelector('.label')!) : '')).toEqual([
      'Your answer: not right',
      'The right answer',
      '',
    ]);
    expect(lines.map((li) => text(li))).toEqual([
      'Your answer: not right Scores fell by half That is response, not remission.',
      'The right answer Few or no symptoms remain Remission means few or no symptoms are left.',
      'It will not come back',
    ]);
    expect(lines[0].querySelector('.label svg rect')).not.toBeNull(); // the cross (a square) on the chosen, wrong one
    expect(lines[1].querySelector('.label svg circle')).not.toBeNull(); // the tick (a circle) on the right one
    expect(text(root)).not.toContain('No trial outcome means that.'); // an option neither chosen nor right
    const reread = within(root).getByRole('link', { name: 'Re-read: Response is not remission' });
    expect(reread.getAttribute('href')).toBe('/lessons/what-the-evidence-says/#response-is-not-remission');
  });

  it('a right answer is announced as "Correct" (the focused verdict); a section without a given title is humanised', async () => {
    const { root, click, choose, live } = setup({ questions: [truefalse, single] });
    await click('Start the quiz');
    await choose('False');
    await click('Check answer');
    expect(document.activeElement).toBe(within(root).getByRole('heading', { name: 'Correct' }));
    expect(live()).toBe('');
    expect(within(root).getByRole('link', { name: 'Re-read: The seventy percent claim' })).toBeTruthy();
  });

  it('retry keeps the right answers and asks only the wrong ones again', async () => {
    const { root, click, choose, onComplete, live } = setup({ questions: [single, truefalse, multiple], passMark: 1 });
    await click('Start the quiz');
    await choose('Few or no symptoms remain'); // right
    await click('Check answer');
    await click('Next question');
    await choose('True'); // wrong
    await click('Check answer');
    await click('Next question');
    await choose('Relief can start within hours');
    await choose('The effect often fades within a week'); // right
    await click('Check answer');
    await click('See your result');

    expect(within(root).getByRole('heading', { name: 'Not passed yet' })).toBe(document.activeElement);
    expect(text(root)).toContain('You got 2 of 3 right. You need 3 to pass.');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete.mock.calls[0][0]).toMatchObject({ score: 2, total: 3, passed: false, lesson: 'what-the-evidence-says' });

    await click('Try the 1 question again');
    expect(live()).toBe('2 right answers are kept. 1 questions to try again.'.replace('1 questions', '1 question'));
    // Straight to the one that was wrong, with nothing chosen.
    expect(document.activeElement).toBe(within(root).getByRole('heading', { name: `Question 2 of 3: ${truefalse.prompt}` }));
    expect((within(root).getByLabelText('True') as HTMLInputElement).checked).toBe(false);
    // Going back shows the kept answer with its feedback, not an empty form.
    await click('Previous question');
    expect(text(root)).toContain('Your answer: right');
    expect(text(root)).toContain('so your answer was kept');
    await click('Next question');
    await choose('False');
    await click('Check answer');
    await click('See your result'); // the kept third question is not asked again
    expect(within(root).getByRole('heading', { name: 'You passed' })).toBeTruthy();
    expect(onComplete).toHaveBeenCalledTimes(2);
    expect(onComplete.mock.calls[1][0]).toMatchObject({
      score: 3,
      passed: true,
      answers: { remission: 'minimal', seventy: false, 'single-dose': ['hours', 'fades'] },
    });
  });

  it('ordering works with the Move up / Move down buttons alone, keeping focus on the moved step', async () => {
    const { root, click, live } = setup({ questions: [ordering, single] });
    await click('Start the quiz');
    const texts = () => [...root.querySelectorAll('ol.ordering li .text')].map((el) => el.textContent);
    const correct = ordering.type === 'ordering' ? ordering.items.map((i) => i.text) : [];
    expect(texts()).not.toEqual(correct); // starts scrambled
    const first = root.querySelector<HTMLButtonElement>('ol.ordering li:first-child [data-move="up"]')!;
    expect(first.disabled).toBe(true);
    const last = root.querySelector<HTMLButtonElement>('ol.ordering li:last-child [data-move="down"]')!;
    expect(last.disabled).toBe(true);

    // One move, checked in detail.
    const secondText = texts()[1]!;
    await click(`Move up: ${secondText}`);
    expect(texts()[0]).toBe(secondText);
    expect(live()).toBe(`${secondText}: moved to position 1 of 4.`);
    // At the top, "Move up" is disabled, so focus goes to the same step's "Move down".
    expect(document.activeElement).toBe(within(root).getByRole('button', { name: `Move down: ${secondText}` }));

    // Then put everything in order with buttons only (each step moved up into its place).
    for (const [index, text] of correct.entries()) {
      while (texts().indexOf(text) > index) await click(`Move up: ${text}`);
    }
    expect(texts()).toEqual(correct);
    await click('Check answer');
    expect(within(root).getByRole('heading', { name: 'Correct' })).toBe(document.activeElement);
    expect(text(root)).toContain('Enrol, randomise, treat, then measure.');
  });

  it('matching: a radio group per term with every definition in full; missing terms are listed in the error summary', async () => {
    const { root, click } = setup({ questions: [matching, single] });
    await click('Start the quiz');
    const group = (term: string) => within(root).getByRole('group', { name: term });
    const pick = async (term: string, definition: string) => {
      await fireEvent.click(within(group(term)).getByRole('radio', { name: definition }));
      await settle();
    };
    for (const pair of matching.type === 'matching' ? matching.pairs : []) {
      expect(group(pair.term).tagName).toBe('FIELDSET');
      // Each term offers every definition, whole (no select to cut it off).
      expect(within(group(pair.term)).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels![0].textContent)).toEqual(
        expect.arrayContaining(['Score falls by at least half', 'Few or no symptoms remain', 'Symptoms come back']),
      );
    }
    expect(root.querySelector('select')).toBeNull();
    await pick('Response', 'Score falls by at least half');
    await click('Check answer');
    const summary = within(root).getByRole('alert');
    expect(document.activeElement).toBe(summary);
    const links = within(summary).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['Choose a definition for Remission', 'Choose a definition for Relapse']);
    // Each link leads to the first radio of its term's group.
    const target = document.getElementById(links[0].getAttribute('href')!.slice(1))!;
    expect(target.closest('fieldset')).toBe(group('Remission'));
    expect(target).toBe(within(group('Remission')).getAllByRole('radio')[0]);
    expect(document.getElementById(group('Remission').getAttribute('aria-describedby')!)!.textContent).toContain(
      'Choose a definition for Remission',
    );
    expect(group('Response').getAttribute('aria-describedby')).toBeNull();
    await pick('Remission', 'Symptoms come back');
    await pick('Relapse', 'Few or no symptoms remain');
    expect(within(root).queryByRole('alert')).toBeNull();
    await click('Check answer');
    expect(within(root).getByRole('heading', { name: 'Not quite' })).toBe(document.activeElement);
    expect(text(root)).toContain('It means “Few or no symptoms remain”.');
  });

  it('"Select all that apply" is said once, even when the bank\'s hint says it too', async () => {
    const { root, click } = setup({ questions: [{ ...multiple, hint: 'Select all that apply.' }, single] });
    await click('Start the quiz');
    expect(text(root).match(/select all that apply/gi)).toHaveLength(1);
    cleanup();
    const other = setup({ questions: [multiple, single] });
    await other.click('Start the quiz');
    expect(text(other.root).match(/select all that apply/gi)).toHaveLength(1);
  });

  it('the result gives the score, what was missed with links to re-read, and the actions', async () => {
    const { root, click, answerAll } = setup();
    await click('Start the quiz');
    await answerAll('Scores fell by half', 'False');
    expect(text(root)).toContain('You got 1 of 2 right. You need 2 to pass.');
    const missed = root.querySelector('.missed')!;
    expect(within(missed as HTMLElement).getByRole('heading', { name: 'What you missed' })).toBeTruthy();
    const items = [...missed.querySelectorAll('li')];
    expect(items.map((li) => text(li))).toEqual(['What does remission mean? Re-read: Response is not remission']);
    expect(items[0].querySelector('a')!.getAttribute('href')).toBe('/lessons/what-the-evidence-says/#response-is-not-remission');
    const buttons = within(root).getAllByRole('button').map((b) => [b.textContent!.trim(), b.className]);
    expect(buttons).toEqual([
      ['Try the 1 question again', 'primary'],
      ['Review your answers', 'secondary'],
    ]);
  });

  it('the assessment\'s own words: its start label, no repeated intro, and the certificate first after a pass', async () => {
    const { root, click, choose } = setup({
      questions: [truefalse],
      startLabel: 'Start the final assessment',
      showIntro: false,
      passedLink: { href: '/certificate/', label: 'Get your certificate of completion' },
    });
    expect(within(root).queryByRole('button', { name: 'Start the quiz' })).toBeNull();
    expect(text(root)).not.toContain('no time limit');
    await click('Start the final assessment');
    await choose('False');
    await click('Check answer');
    await click('See your result');
    const actions = [...root.querySelectorAll('.quiz-panel .actions > *')].map((el) => [el.tagName, text(el), el.className]);
    expect(actions[0]).toEqual(['A', 'Get your certificate of completion', 'button']);
    expect(actions.slice(1).map((a) => a[1])).toEqual(['Review your answers']);
    expect(root.querySelector<HTMLAnchorElement>('.quiz-panel a.button')!.getAttribute('href')).toBe('/certificate/');
  });

  it('configure() applies stored answers in place: the focused Start button stays the same element, focused', async () => {
    const { root, component } = setup();
    const button = within(root).getByRole('button', { name: 'Start the quiz' });
    button.focus();
    (component as unknown as { configure: (input: object) => void }).configure({ previous: { remission: 'minimal' } });
    await settle();
    expect(button.isConnected).toBe(true);
    expect(document.activeElement).toBe(button);
    expect(text(button)).toBe('Continue the quiz');
    expect(text(root)).toContain('You answered 1 question correctly last time');
    (component as unknown as { start: () => void }).start();
    await settle();
    expect(document.activeElement).toBe(within(root).getByRole('heading', { name: new RegExp(`^Question \\d of \\d: ${truefalse.prompt.replace(/[.?]/g, '\\$&')}$`) }));
  });

  it('practice mode: no pass or fail wording, only how it went', async () => {
    const { root, click, choose, answerAll, onComplete, live } = setup({ mode: 'practice' });
    expect(within(root).getByRole('heading', { level: 2 }).textContent).toBe('Practise what you have learned');
    expect(text(root).toLowerCase()).not.toMatch(/\bpass|\bfail/);
    await click('Start the quiz');
    await answerAll('Scores fell by half', 'False');
    expect(within(root).getByRole('heading', { name: "You've practised this quiz — here is how it went" })).toBe(
      document.activeElement,
    );
    expect(text(root)).toContain('You got 1 of 2 right.');
    expect(text(root).toLowerCase()).not.toMatch(/\bpass(ed)?\b|\bfail(ed)?\b|pass mark/);
    expect(live().toLowerCase()).not.toMatch(/pass|fail/);
    expect(onComplete.mock.calls[0][0]).toMatchObject({ passed: null, mode: 'practice' });
    expect(within(root).getByRole('button', { name: 'Practise the 1 question again' })).toBeTruthy();
  });

  it('review lists every answer with its verdict; Back returns to the result', async () => {
    const { root, click, answerAll } = setup();
    await click('Start the quiz');
    await answerAll('Few or no symptoms remain', 'True');
    await click('Review your answers');
    const heading = within(root).getByRole('heading', { name: 'Your answers' });
    expect(document.activeElement).toBe(heading);
    const items = root.querySelectorAll('.review ol.questions > li');
    expect(items).toHaveLength(2);
    expect(text(items[0])).toContain('Correct');
    expect(text(items[1])).toContain('Not quite');
    expect(text(items[1])).toContain('Your answer: not right True');
    expect(text(items[1])).toContain('The right answer False False: the figure comes from an uncontrolled chart review.');
    await click('Back to your result');
    expect(within(root).getByRole('heading', { name: 'Not passed yet' })).toBe(document.activeElement);
  });

  it('dispatches a bubbling "quiz:complete" event for pages that cannot pass callbacks to an island', async () => {
    const { root, click, choose } = setup({ onComplete: undefined, questions: [truefalse] });
    const heard = vi.fn();
    document.addEventListener('quiz:complete', (event) => heard((event as CustomEvent).detail));
    await click('Start the quiz');
    await choose('False');
    await click('Check answer');
    await click('See your result');
    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith(expect.objectContaining({ lesson: 'what-the-evidence-says', score: 1, passed: true }));
    // It comes from inside the quiz and bubbles up to the document.
    expect(root.isConnected).toBe(true);
  });

  it('previous answers: right ones are kept and said so; wrong or malformed ones are dropped', async () => {
    const { root, click } = setup({ initial: { remission: 'minimal', seventy: 'yes' } });
    expect(text(root)).toContain('You answered 1 question correctly last time; that answer is kept.');
    await click('Continue the quiz');
    expect(document.activeElement).toBe(within(root).getByRole('heading', { name: new RegExp(`^Question \\d of \\d: ${truefalse.prompt.replace(/[.?]/g, '\\$&')}$`) }));
  });

  it('styles: one stylesheet for the quiz, colours only through the theme tokens, no fallbacks', () => {
    // Component CSS is not injected under jsdom, so read the sources.
    const dir = `${resolve(process.cwd(), 'src/features/quiz')}/`;
    const components = readdirSync(dir).filter((f) => f.endsWith('.svelte'));
    expect(components.length).toBeGreaterThanOrEqual(10);
    for (const file of components) expect(readFileSync(dir + file, 'utf8'), `${file} has its own <style>`).not.toMatch(/<style[\s>]/);
    const css = readFileSync(dir + 'quiz.css', 'utf8');
    // Each shared rule once (they were repeated in five files).
    for (const selector of ['.quiz .actions {', '.quiz .caption {', '.quiz .prompt {']) expect(css.split(selector)).toHaveLength(2);
    expect(css.match(/#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi), 'a colour outside the tokens').toBeNull();
    expect(css.match(/var\(--[a-z0-9-]+,/g), 'a token with a fallback (wrong in dark mode)').toBeNull();
    // Every rule is scoped to the quiz or its islands.
    const selectors = css.replace(/\/\*[\s\S]*?\*\//g, '').match(/(^|})\s*([^{}@]+)\{/g)!.map((m) => m.replace(/^}?\s*/, '').replace(/\{$/, ''));
    for (const group of selectors)
      for (const selector of group.split(','))
        expect(selector.trim(), 'scoped').toMatch(/^\.(quiz|lesson-quiz|quiz-settings|assessment-)/);
  });
});
