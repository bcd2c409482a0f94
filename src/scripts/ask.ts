// "Add to my questions" in the lessons (AskQuestion.astro). On load it only marks the questions
// already on the learner's list (a look at the stored text); the list code (src/lib/consult.ts:
// validated read, add, save) loads on the first press, so lesson pages carry almost nothing for it.
// The box's live region says what happened. Imported by the lesson page's entry script
// (src/scripts/pages/lesson.ts); it runs on import.
import { PREFIX } from '../lib/prefs';

const KEY = `${PREFIX}questions`; // QUESTIONS_KEY in src/lib/consult.ts
const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-ask-add]')];

function sync(): void {
  let saved = '';
  try {
    saved = localStorage.getItem(KEY) ?? '';
  } catch {
    // Storage off: every button offers to add; pressing one says why it cannot.
  }
  for (const button of buttons) {
    // Stored as a JSON array of strings: the question, quoted, is on the list.
    const on = saved.includes(JSON.stringify(button.value));
    button.setAttribute('aria-disabled', String(on));
    button.textContent = on ? 'On my list' : 'Add to my questions';
  }
}

for (const button of buttons) {
  button.addEventListener('click', async () => {
    const { MESSAGES, addQuestion, loadQuestions, saveQuestions } = await import('../lib/consult');
    const { list, result } = addQuestion(loadQuestions().questions, button.value);
    button.closest('[data-ask]')!.querySelector('[data-ask-status]')!.textContent =
      result !== 'added' ? MESSAGES[result] : saveQuestions(list) ? MESSAGES.added : MESSAGES.askNotSaved;
    sync();
  });
}

if (buttons.length) {
  addEventListener('storage', (event) => {
    if (event.key === KEY || event.key === null) sync();
  });
  addEventListener('pageshow', sync);
  sync();
}
