// "Add to my questions" in the lessons (AskQuestion.astro): adds the box's question to the
// learner's list, says what happened in the box's live region (the words are in the box), and
// marks the questions already on the list, on arrival and on coming back to the page.
// Imported by the lesson page's entry script (src/entries/lesson.ts); it runs on import.
//
// The list's format and rules are the consult page's own (list.ts, shared with it).
// A stored value it cannot read whole is left alone for the consult page, which keeps a copy
// before starting afresh.
import { read as readStored, write } from '../../platform/storage';
import { addQuestion, parseQuestions, QUESTIONS_KEY, serializeQuestions } from './list';

const boxes = [...document.querySelectorAll<HTMLElement>('[data-ask]')];

/** The stored questions; 'off' when storage cannot be used, 'bad' when the value is not a clean list. */
function read(): string[] | 'off' | 'bad' {
  const stored = readStored(QUESTIONS_KEY);
  if (!stored.ok) return 'off';
  const { questions, problem } = parseQuestions(stored.value);
  return problem ? 'bad' : questions;
}

function sync(): void {
  const list = read();
  for (const box of boxes) {
    const on = Array.isArray(list) && list.includes(box.querySelector('button')!.value);
    box.querySelector('button')!.setAttribute('aria-disabled', String(on));
    // One message at a time: just after a press, the live region says what happened; "On your
    // list" is for coming back to the page, so it does not repeat it.
    box.querySelector<HTMLElement>('[data-on-list]')!.hidden = !on || box.querySelector('[data-ask-status]')!.textContent !== '';
  }
}

for (const box of boxes) {
  const button = box.querySelector('button')!;
  button.addEventListener('click', () => {
    const list = read();
    let outcome: string = typeof list === 'string' ? list : 'added';
    if (Array.isArray(list)) {
      const added = addQuestion(list, button.value);
      outcome = added.result;
      if (outcome === 'added' && write(QUESTIONS_KEY, serializeQuestions(added.list)) !== 'ok') outcome = 'off';
    }
    box.querySelector('[data-ask-status]')!.textContent = box.querySelector(`[data-message="${outcome}"]`)!.textContent;
    sync();
  });
}

// On arrival, and on coming back to the page (a press always reads the list afresh).
addEventListener('pageshow', sync);
