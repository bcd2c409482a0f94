// "Add to my questions" in the lessons (AskQuestion.astro): adds the box's question to the
// learner's list, says what happened in the box's live region (the words are in the box), and
// marks the questions already on the list, on arrival and on coming back to the page.
// Imported by the lesson page's entry script (src/entries/lesson.ts); it runs on import.
//
// It reads and writes the list's stored format itself (src/features/consult/questions.ts: {"version":1,
// "questions":[…]}, at most MAX_QUESTIONS) rather than importing that module: shared with the
// consult page, the module would be one more file on every lesson page, which are at their budget.
// tests/unit/consult.test.ts checks the two agree. A stored value it cannot read is left alone for the
// consult page, which keeps a copy before starting afresh.
import { key, read as readStored, write } from '../../platform/storage';

const KEY = key('questions');
const MAX = 40;
const boxes = [...document.querySelectorAll<HTMLElement>('[data-ask]')];

/** The stored questions; 'off' when storage cannot be used, 'bad' when the value is not a list. */
function read(): string[] | 'off' | 'bad' {
  const stored = readStored(KEY);
  if (!stored.ok) return 'off';
  const raw = stored.value;
  try {
    const data = raw === null ? { version: 1, questions: [] } : JSON.parse(raw);
    if (data?.version === 1 && Array.isArray(data.questions)) return data.questions.filter((q: unknown) => typeof q === 'string');
  } catch {
    // Not JSON: 'bad'.
  }
  return 'bad';
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
    let outcome = typeof list === 'string' ? list : list.includes(button.value) ? 'already' : list.length >= MAX ? 'full' : 'added';
    if (outcome === 'added') {
      if (write(KEY, JSON.stringify({ version: 1, questions: [...list, button.value] })) !== 'ok') outcome = 'off';
    }
    box.querySelector('[data-ask-status]')!.textContent = box.querySelector(`[data-message="${outcome}"]`)!.textContent;
    sync();
  });
}

// On arrival, and on coming back to the page (a press always reads the list afresh).
addEventListener('pageshow', sync);
