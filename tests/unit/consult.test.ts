// @vitest-environment jsdom
// The question list for the appointment (src/features/consult/questions.ts): stored values are untrusted input,
// storage may be off or full, and every edit keeps the list sensible (no blanks, no repeats).
// Last, the lessons' "Add to my questions" script (src/features/consult/ask.ts), which writes the same
// stored format without importing the module: the two must agree.
import { beforeEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import {
  MAX_LENGTH,
  MAX_QUESTIONS,
  QUESTIONS_KEY,
  SUGGESTED_QUESTIONS,
  addQuestion,
  cleanQuestion,
  editQuestion,
  loadQuestions,
  mergeQuestions,
  moveQuestion,
  parseQuestions,
  removeQuestion,
  sameQuestion,
  saveQuestions,
  serializeQuestions,
  storedQuestions,
} from '../../src/features/consult/questions';
import { PREFIX } from '../../src/platform/prefs';
import { SharedStorage } from './fake-storage';

describe('the suggested questions', () => {
  test('are the twelve of the fact sheet (§6.4), all different', () => {
    expect(SUGGESTED_QUESTIONS).toHaveLength(12);
    expect(new Set(SUGGESTED_QUESTIONS.map((q) => q.toLowerCase())).size).toBe(12);
    for (const q of SUGGESTED_QUESTIONS) {
      expect(cleanQuestion(q)).toBe(q);
      expect(q.length).toBeLessThanOrEqual(MAX_LENGTH);
    }
  });

  test('the list is stored under the course prefix, so "Clear my data" removes it', () => {
    expect(QUESTIONS_KEY.startsWith(PREFIX)).toBe(true);
  });
});

describe('reading a stored list', () => {
  test('nothing stored: an empty list, no problem', () => {
    expect(parseQuestions(null)).toEqual({ questions: [], problem: null });
  });

  test('a good list comes back as it was', () => {
    const raw = serializeQuestions(['One?', 'Two?']);
    expect(parseQuestions(raw)).toEqual({ questions: ['One?', 'Two?'], problem: null });
  });

  test.each([
    ['not JSON', '{"version":1,"questions":["a"'],
    ['a bare array', '["a","b"]'],
    ['another version', '{"version":2,"questions":["a"]}'],
    ['questions not an array', '{"version":1,"questions":"a"}'],
    ['null', 'null'],
    ['a number', '42'],
    ['far too long', `{"version":1,"questions":["${'x'.repeat(60_000)}"]}`],
  ])('%s: an empty list, marked unreadable', (_, raw) => {
    expect(parseQuestions(raw)).toEqual({ questions: [], problem: 'unreadable' });
  });

  test('bad entries are dropped one by one, and the list says it was repaired', () => {
    const raw = JSON.stringify({
      version: 1,
      questions: ['Keep me?', 7, null, { text: 'x' }, '   ', 'keep me', `  Spaced\n\tout  `, 'y'.repeat(MAX_LENGTH + 50)],
    });
    const { questions, problem } = parseQuestions(raw);
    expect(questions).toEqual(['Keep me?', 'Spaced out', 'y'.repeat(MAX_LENGTH)]);
    expect(problem).toBe('repaired');
  });

  test('markup is kept as text, never interpreted (the page sets textContent)', () => {
    const raw = serializeQuestions(['<img src=x onerror=alert(1)>']);
    expect(parseQuestions(raw).questions).toEqual(['<img src=x onerror=alert(1)>']);
  });

  test('at most MAX_QUESTIONS are kept', () => {
    const many = Array.from({ length: MAX_QUESTIONS + 5 }, (_, i) => `Question ${i}?`);
    const { questions, problem } = parseQuestions(serializeQuestions(many));
    expect(questions).toHaveLength(MAX_QUESTIONS);
    expect(problem).toBe('repaired');
  });

  test('any string at all parses without throwing, to a clean list', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ version: 1, questions: v }))), (raw) => {
        const { questions } = parseQuestions(raw);
        expect(questions.length).toBeLessThanOrEqual(MAX_QUESTIONS);
        for (const q of questions) expect(q).toBe(cleanQuestion(q));
        expect(questions.every((q) => q.length > 0)).toBe(true);
      }),
    );
  });
});

describe('storage', () => {
  test('save then load gives the same list', () => {
    const storage = new SharedStorage().tab(1);
    expect(saveQuestions(['A?', 'B?'], storage)).toBe(true);
    expect(loadQuestions(storage)).toEqual({ questions: ['A?', 'B?'], problem: null });
  });

  test('storage that throws: an empty list, marked unavailable, and saving says false', () => {
    const shared = new SharedStorage();
    shared.fault = 'throw';
    const storage = shared.tab(1);
    expect(loadQuestions(storage)).toEqual({ questions: [], problem: 'unavailable' });
    expect(saveQuestions(['A?'], storage)).toBe(false);
  });

  test('no storage at all behaves the same', () => {
    expect(loadQuestions(null)).toEqual({ questions: [], problem: 'unavailable' });
    expect(saveQuestions(['A?'], null)).toBe(false);
  });

  test('full storage: saving says false', () => {
    const shared = new SharedStorage();
    const storage = shared.tab(1);
    shared.fault = 'quota';
    expect(saveQuestions(['A?'], storage)).toBe(false);
  });

  test('an unreadable value is copied aside before anything can overwrite it', () => {
    const shared = new SharedStorage();
    const storage = shared.tab(1);
    storage.setItem(QUESTIONS_KEY, '{broken');
    expect(loadQuestions(storage).problem).toBe('unreadable');
    expect(shared.data.get(`${QUESTIONS_KEY}:unreadable`)).toBe('{broken');
    saveQuestions(['New?'], storage);
    expect(shared.data.get(`${QUESTIONS_KEY}:unreadable`)).toBe('{broken');
  });
});

describe('two pages change the list at once (mergeQuestions)', () => {
  test('a question a lesson added while this page edited one is kept when this page saves', () => {
    const base = ['A?', 'B?'];
    expect(mergeQuestions(base, ['A?', 'B, changed?'], ['A?', 'B?', 'From the lesson?'])).toEqual(['A?', 'B, changed?', 'From the lesson?']);
  });

  test('a removal on either side stays removed', () => {
    expect(mergeQuestions(['A?', 'B?', 'C?'], ['A?', 'C?'], ['A?', 'B?', 'C?'])).toEqual(['A?', 'C?']);
    expect(mergeQuestions(['A?', 'B?', 'C?'], ['C?', 'A?', 'B?'], ['A?', 'C?'])).toEqual(['C?', 'A?']);
  });

  test('storedQuestions reads without side effects, and is null for what is not a list', () => {
    const shared = new SharedStorage();
    const storage = shared.tab(1);
    expect(storedQuestions(storage)).toEqual([]);
    storage.setItem(QUESTIONS_KEY, '{broken');
    expect(storedQuestions(storage)).toBeNull();
    expect(shared.data.has(`${QUESTIONS_KEY}:unreadable`)).toBe(false);
    shared.fault = 'throw';
    expect(storedQuestions(storage)).toBeNull();
  });

  test('property: every change on either side survives the merge', () => {
    const question = fc.constantFrom('A?', 'B?', 'C?', 'D?', 'E?', 'F?', 'G?', 'H?');
    const list = fc.uniqueArray(question, { maxLength: 8 });
    fc.assert(
      fc.property(list, list, list, (base, mine, theirs) => {
        const merged = mergeQuestions(base, mine, theirs);
        const has = (l: readonly string[], q: string) => l.includes(q);
        // No repeats, within the limit.
        expect(new Set(merged).size).toBe(merged.length);
        for (const q of new Set([...base, ...mine, ...theirs])) {
          const addedHere = has(mine, q) && !has(base, q);
          const addedThere = has(theirs, q) && !has(base, q);
          const removed = has(base, q) && (!has(mine, q) || !has(theirs, q));
          if (addedHere || addedThere) expect(merged).toContain(q);
          else if (removed) expect(merged).not.toContain(q);
          else expect(has(merged, q)).toBe(has(base, q));
        }
        // Nothing changed elsewhere: this page's list, as it is.
        expect(mergeQuestions(base, mine, base)).toEqual(mine);
      }),
    );
  });
});

describe('editing the list', () => {
  test('add: appends a cleaned question', () => {
    expect(addQuestion(['A?'], '  B   please? ')).toEqual({ list: ['A?', 'B please?'], result: 'added' });
  });

  test('add: refuses blanks, repeats (any case, spacing or closing mark) and a full list', () => {
    expect(addQuestion(['A?'], '   ').result).toBe('empty');
    expect(addQuestion(['Is it safe?'], 'is it  SAFE').result).toBe('already');
    const full = Array.from({ length: MAX_QUESTIONS }, (_, i) => `Q${i}`);
    expect(addQuestion(full, 'One more?').result).toBe('full');
  });

  test('add never changes the list it was given', () => {
    const list = ['A?'];
    addQuestion(list, 'B?');
    expect(list).toEqual(['A?']);
  });

  test('sameQuestion ignores case, spaces and the closing mark only', () => {
    expect(sameQuestion('Is it safe?', ' is it safe ')).toBe(true);
    expect(sameQuestion('Is it safe?', 'Is it safe for me?')).toBe(false);
  });

  test('move up and down, staying inside the list', () => {
    const list = ['A', 'B', 'C'];
    expect(moveQuestion(list, 1, -1)).toEqual(['B', 'A', 'C']);
    expect(moveQuestion(list, 1, 1)).toEqual(['A', 'C', 'B']);
    expect(moveQuestion(list, 0, -1)).toEqual(list);
    expect(moveQuestion(list, 2, 1)).toEqual(list);
    expect(moveQuestion(list, 5, -1)).toEqual(list);
  });

  test('moving keeps every question exactly once', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 12 }), fc.nat(), fc.integer({ min: -3, max: 3 }), (list, at, by) => {
        const moved = moveQuestion(list, list.length ? at % list.length : 0, by);
        expect([...moved].sort()).toEqual([...list].sort());
      }),
    );
  });

  test('remove', () => {
    expect(removeQuestion(['A', 'B', 'C'], 1)).toEqual(['A', 'C']);
    expect(removeQuestion(['A'], 3)).toEqual(['A']);
  });

  test('edit: replaces, but not with a blank or another question on the list', () => {
    expect(editQuestion(['A?', 'B?'], 0, ' C? ')).toEqual({ list: ['C?', 'B?'], result: 'saved' });
    expect(editQuestion(['A?', 'B?'], 0, '')).toEqual({ list: ['A?', 'B?'], result: 'empty' });
    expect(editQuestion(['A?', 'B?'], 0, 'b')).toEqual({ list: ['A?', 'B?'], result: 'already' });
    expect(editQuestion(['A?', 'B?'], 0, 'a')).toEqual({ list: ['a', 'B?'], result: 'saved' });
  });
});

describe('the lessons\' "Add to my questions" script agrees with the list', () => {
  const box = (q: string) => `
    <div data-ask>
      <button value="${q}" aria-disabled="false">Add to my questions</button>
      <span data-on-list hidden>On your list</span>
      <p data-ask-status></p>
      <span hidden data-message="added">added</span><span hidden data-message="already">already</span>
      <span hidden data-message="full">full</span><span hidden data-message="bad">bad</span>
      <span hidden data-message="off">off</span>
    </div>`;

  async function page(...questions: string[]) {
    document.body.innerHTML = questions.map(box).join('');
    vi.resetModules();
    await import('../../src/features/consult/ask');
    dispatchEvent(new Event('pageshow'));
    const boxes = [...document.querySelectorAll<HTMLElement>('[data-ask]')];
    return boxes.map((b) => ({
      press: () => b.querySelector('button')!.click(),
      status: () => b.querySelector('[data-ask-status]')!.textContent,
      onList: () => b.querySelector('button')!.getAttribute('aria-disabled') === 'true',
      // Just after a press the live region speaks; "On your list" waits for a later visit (one message).
      labelShown: () => !b.querySelector<HTMLElement>('[data-on-list]')!.hidden,
    }));
  }

  beforeEach(() => localStorage.clear());

  test('a press adds the question in the format the consult page reads', async () => {
    const [a, b] = await page(SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[1]);
    expect(a!.onList()).toBe(false);
    a!.press();
    expect(a!.status()).toBe('added');
    expect(a!.onList()).toBe(true);
    expect(a!.labelShown()).toBe(false);
    b!.press();
    expect(loadQuestions()).toEqual({ questions: [SUGGESTED_QUESTIONS[0], SUGGESTED_QUESTIONS[1]], problem: null });
    a!.press();
    expect(a!.status()).toBe('already');
    expect(loadQuestions().questions).toHaveLength(2);
  });

  test('questions already on the list show as such on arrival', async () => {
    saveQuestions(['Mine?', SUGGESTED_QUESTIONS[4]]);
    const [a, b] = await page(SUGGESTED_QUESTIONS[3], SUGGESTED_QUESTIONS[4]);
    expect(a!.onList()).toBe(false);
    expect(b!.onList()).toBe(true);
  });

  test('it adds after the list it finds, and stops at the same limit', async () => {
    const full = Array.from({ length: MAX_QUESTIONS }, (_, i) => `Q${i}?`);
    saveQuestions(full.slice(0, -1));
    const [a, b] = await page(SUGGESTED_QUESTIONS[5], SUGGESTED_QUESTIONS[6]);
    a!.press();
    expect(a!.status()).toBe('added');
    b!.press();
    expect(b!.status()).toBe('full');
    expect(loadQuestions().questions).toEqual([...full.slice(0, -1), SUGGESTED_QUESTIONS[5]]);
  });

  test('a value it cannot read is left alone', async () => {
    localStorage.setItem(QUESTIONS_KEY, '{"version":1,"questions":');
    const [a] = await page(SUGGESTED_QUESTIONS[0]);
    a!.press();
    expect(a!.status()).toBe('bad');
    expect(localStorage.getItem(QUESTIONS_KEY)).toBe('{"version":1,"questions":');
  });

  test('storage that throws: it says so, and nothing breaks', async () => {
    const [a] = await page(SUGGESTED_QUESTIONS[0]);
    const spy = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    a!.press();
    expect(a!.status()).toBe('off');
    spy.mockRestore();
  });
});
