import { describe, expect, it } from 'vitest';
import { commandForKey, indexFromHash, slideAnnouncement } from '../../../src/features/deck/keys';
import { shortAuthor } from '../../../src/features/deck/slides';
import { deckOf } from './render-lesson';
import { buildDeck, checkQuestions, QUESTION_WORDS } from '../../../src/features/deck/deck-build';

describe('small helpers', () => {
  it('shortAuthor names a person by surname and an organisation in full', () => {
    expect(shortAuthor('Traynelis SF, Wollmuth LP, McBain CJ, et al.', 2010)).toBe('Traynelis 2010');
    expect(shortAuthor('Zarate CA Jr, Singh JB', 2006)).toBe('Zarate 2006');
    expect(shortAuthor('Moda-Sava RN, Murdock MH', 2019)).toBe('Moda-Sava 2019');
    expect(shortAuthor('US Food and Drug Administration', 2019)).toBe('US Food and Drug Administration 2019');
    expect(shortAuthor('Chang, et al.', 2019)).toBe('Chang 2019');
  });
});

// The deck's pure helpers in src/features/deck/keys.ts (the DOM parts are covered end to end).

describe('deck keys', () => {
  const el = (selector: string) => ({ closest: (s: string) => (s.split(',').some((part) => part.trim() === selector) ? {} : null) });
  const key = (k: string, target: unknown = null, mods: Record<string, boolean> = {}) => ({ key: k, target: target as EventTarget, ...mods });

  it('maps the keys presenters and clickers use', () => {
    const map = Object.fromEntries(
      ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'Escape', 'o', 'O', 'f', 'b', '.', 's', '?'].map((k) => [k, commandForKey(key(k), true)]),
    );
    expect(map).toEqual({
      ArrowRight: 'next',
      PageDown: 'next',
      ' ': 'next',
      ArrowLeft: 'previous',
      PageUp: 'previous',
      Home: 'first',
      End: 'last',
      Escape: 'escape',
      o: 'overview',
      O: 'overview',
      f: 'fullscreen',
      b: 'blank',
      '.': 'blank',
      s: 'presenter',
      '?': 'help',
    });
  });

  it('with shortcuts off, only navigation keys act (WCAG 2.1.4)', () => {
    for (const k of [' ', 'o', 'f', 'b', 's', '?']) expect(commandForKey(key(k), false)).toBeNull();
    for (const k of ['ArrowRight', 'PageDown', 'ArrowLeft', 'PageUp', 'Home', 'End', 'Escape']) expect(commandForKey(key(k), false)).not.toBeNull();
  });

  it('leaves keys to controls and to the browser', () => {
    // Space presses a focused button; arrows move a radio choice; letters type in a field.
    expect(commandForKey(key(' ', el('button')), true)).toBeNull();
    expect(commandForKey(key('ArrowRight', el('input')), true)).toBeNull();
    expect(commandForKey(key('o', el('textarea')), true)).toBeNull();
    // Arrows on a button still move the deck; modified keys never do (Ctrl+F, Alt+←).
    expect(commandForKey(key('ArrowRight', el('button')), true)).toBe('next');
    expect(commandForKey(key('f', null, { ctrlKey: true }), true)).toBeNull();
    expect(commandForKey(key('ArrowLeft', null, { altKey: true }), true)).toBeNull();
    expect(commandForKey(key('x'), true)).toBeNull();
  });
});

describe('deck addresses and announcements', () => {
  it('reads "#5" as the fifth slide and a heading anchor as its slide', () => {
    expect(indexFromHash('#5', 10)).toBe(4);
    expect(indexFromHash('#1', 10)).toBe(0);
    expect(indexFromHash('#0', 10)).toBeNull();
    expect(indexFromHash('#11', 10)).toBeNull();
    expect(indexFromHash('', 10)).toBeNull();
    expect(indexFromHash('#glutamate', 3, ['', 'neurons', 'glutamate'])).toBe(2);
    expect(indexFromHash('#nowhere', 3, ['', 'neurons', 'glutamate'])).toBeNull();
  });
  it('announces "Slide 4 of 12: title"', () => {
    expect(slideAnnouncement(3, 12, 'The NMDA receptor')).toBe('Slide 4 of 12: The NMDA receptor');
  });
});

// A small lesson for the deck's ends (the split itself: deck-plan.test.ts).
const FACED = ['## Why speed matters', '<SlideFace>\n\n- Pills take weeks\n\n</SlideFace>', '## No face written', '<Plain>\n\nThe first sentence is a point.\n\n</Plain>'].join('\n\n');
const faced = () => deckOf(FACED);

describe('check-your-understanding slides', () => {
  const choice = (id: string) => ({ id, text: `Option ${id}`, explanation: `Because ${id}.` });
  const bank = [
    { id: 'q1', type: 'truefalse' as const, prompt: 'True or false: one?', answer: false, explanation: 'False, because.' },
    { id: 'q2', type: 'ordering' as const, prompt: 'Put in order' },
    { id: 'q3', type: 'single' as const, prompt: 'Which?', options: [choice('a'), choice('b'), choice('c')], answer: 'b' },
    { id: 'q4', type: 'multiple' as const, prompt: 'Which ones?', options: [choice('a'), choice('b'), choice('c')], answer: ['a', 'c'] },
    { id: 'q5', type: 'truefalse' as const, prompt: 'True or false: five?', answer: true, explanation: 'True.' },
  ];

  it('takes three answerable questions spread over the bank, with the answer spelled out', () => {
    const qs = checkQuestions(bank);
    // Four answerable (q2 is an ordering): the first, the middle one, the last.
    expect(qs.map((q) => q.id)).toEqual(['q1', 'q4', 'q5']);
    expect(qs[0]).toMatchObject({ number: 1, of: 3, answer: 'False', options: [], explanation: 'False, because.' });
    expect(qs[1]).toMatchObject({ answer: 'A and C', options: ['Option a', 'Option b', 'Option c'], explanation: 'Because a.' });
    expect(checkQuestions(bank.slice(2, 4))[0]).toMatchObject({ answer: 'B. Option b', explanation: 'Because b.' });
  });

  it('leaves a question too long for its slide to the quiz (QUESTION_WORDS), unless too few would be left', () => {
    const long = { id: 'q9', type: 'truefalse' as const, prompt: 'Long '.repeat(QUESTION_WORDS), answer: true, explanation: 'True.' };
    expect(checkQuestions([...bank, long]).map((q) => q.id)).toEqual(['q1', 'q4', 'q5']);
    expect(checkQuestions([bank[0], long]).map((q) => q.id)).toEqual(['q1', 'q9']);
  });

  it('needs at least two; the deck then ends with a divider and one slide per question, its answer a fragment', () => {
    expect(checkQuestions(bank.slice(0, 2))).toEqual([]);
    const deck = buildDeck('Lesson', faced(), checkQuestions(bank));
    expect(deck.map((s) => s.kind)).toEqual(['title', 'section', 'section', 'divider', 'question', 'question', 'question']);
    expect(deck[4]).toMatchObject({ label: 'Question 1 of 3', fragments: 1 });
    expect(deck[4].notes).toContain('Answer: False');
    expect(buildDeck('Lesson', faced(), []).map((s) => s.kind)).toEqual(['title', 'section', 'section']);
    // Short objectives stay on the title slide; a long list (over 8 lines of 66 characters) follows it.
    const short = buildDeck('Lesson', faced(), [], ['Explain the idea', 'List the facts']);
    expect(short.map((s) => s.kind)).toEqual(['title', 'section', 'section']);
    expect(short[0].objectives).toEqual(['Explain the idea', 'List the facts']);
    const long = Array.from({ length: 5 }, (_, i) => `Objective ${i + 1}: ${'words '.repeat(12)}`);
    const split = buildDeck('Lesson', faced(), [], long);
    expect(split.map((s) => s.kind)).toEqual(['title', 'objectives', 'section', 'section']);
    expect(split[0].objectives).toEqual([]);
    expect(split[1].objectives).toEqual(long);
  });
});
