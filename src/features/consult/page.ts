// The consult page (/consult/): the patient's list of questions. The list lives in src/features/consult/questions.ts
// (validated reads, pure edits); this file draws it from the <template> (ConsultQuestion.astro),
// wires the buttons, announces each change in the polite live region and puts focus where the
// keyboard user expects it: on the same control after a move, on the next question after a remove.
import {
  MAX_QUESTIONS,
  MESSAGES,
  QUESTIONS_KEY,
  addQuestion,
  editQuestion,
  loadQuestions,
  mergeQuestions,
  moveQuestion,
  removeQuestion,
  saveQuestions,
  sameQuestion,
  storedQuestions,
} from './questions';

const page = document.querySelector<HTMLElement>('[data-consult]');
if (page) {
  const get = <T extends HTMLElement>(selector: string, root: ParentNode = document) => root.querySelector<T>(selector)!;
  const list = get('[data-questions]', page);
  const template = get<HTMLTemplateElement>('[data-question-template]', page);
  const live = get('[data-live]', page);
  const empty = get('[data-empty]', page);
  const listSection = get('[data-my-questions]', page);
  const form = get<HTMLFormElement>('[data-add-form]', page);
  const input = get<HTMLTextAreaElement>('textarea', form);
  const error = get('[data-add-error]', form);
  const suggested = [...document.querySelectorAll<HTMLButtonElement>('[data-suggest]')];
  let { questions, problem } = loadQuestions();
  // The list as this page last read or saved it: what another page changed since is told from it.
  let base = questions;
  let editing = -1;

  const say = (text: string) => {
    // The same words twice in a row are announced again.
    live.textContent = live.textContent === text ? `${text}\u00a0` : text;
  };

  const items = () => [...list.children] as HTMLElement[];
  const button = (index: number, act: string) => items()[index]?.querySelector<HTMLButtonElement>(`[data-act="${act}"]`);

  function render(): void {
    list.replaceChildren(
      ...questions.map((question, i) => {
        const item = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement;
        const text = get('[data-text]', item);
        text.textContent = question;
        text.id = `question-${i + 1}`;
        for (const b of item.querySelectorAll('[data-actions] button')) b.setAttribute('aria-describedby', text.id);
        get<HTMLButtonElement>('[data-act="up"]', item).disabled = i === 0;
        get<HTMLButtonElement>('[data-act="down"]', item).disabled = i === questions.length - 1;
        if (i === editing) {
          text.hidden = true;
          get('[data-actions]', item).hidden = true;
          get('[data-edit]', item).hidden = false;
          get<HTMLTextAreaElement>('textarea', item).value = question;
        }
        return item;
      }),
    );
    empty.hidden = questions.length > 0;
    // The list has been read: from now on the page says what it holds.
    listSection.setAttribute('aria-busy', 'false');
    for (const b of suggested) {
      const on = questions.some((q) => sameQuestion(q, b.value));
      b.setAttribute('aria-disabled', String(on));
      b.textContent = on ? 'On your list' : 'Add';
    }
    for (const note of document.querySelectorAll<HTMLElement>('[data-problem]')) note.hidden = note.dataset.problem !== problem;
  }

  /** Saves and draws the new list, then announces and moves focus. What another page changed since
   *  this one last read the list (a lesson's "Add to my questions" while an edit was open here, or
   *  before its storage event arrived) is merged in, never written over. */
  function commit(next: string[], message: string | ((list: string[]) => string), focus?: () => HTMLElement | null | undefined): void {
    const stored = storedQuestions();
    questions = stored ? mergeQuestions(base, next, stored) : next;
    if (stored) base = stored;
    editing = -1;
    if (saveQuestions(questions)) base = questions;
    else problem = 'unavailable';
    render();
    say(typeof message === 'string' ? message : message(questions));
    focus?.()?.focus();
  }

  function add(text: string) {
    const { list: next, result } = addQuestion(questions, text);
    if (result === 'added') commit(next, MESSAGES.added);
    return result;
  }

  list.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLButtonElement>('button[data-act]');
    if (!target) return;
    const i = items().indexOf(target.closest('li')!);
    const act = target.dataset.act!;
    if (act === 'edit' || act === 'cancel') {
      editing = act === 'edit' ? i : -1;
      // Leaving an edit: what other pages changed meanwhile (not drawn during the edit) shows now.
      if (editing < 0) follow();
      render();
      (editing < 0 ? button(i, 'edit') : get('textarea', items()[i]))?.focus();
    } else if (act === 'save') {
      const { list: next, result } = editQuestion(questions, i, get<HTMLTextAreaElement>('textarea', items()[i]).value);
      if (result !== 'saved') return say(MESSAGES[result]);
      commit(next, MESSAGES.saved, () => button(i, 'edit'));
    } else if (act === 'remove') {
      const next = removeQuestion(questions, i);
      commit(next, (kept) => MESSAGES.removed(kept.length), () =>
        questions.length ? button(Math.min(i, questions.length - 1), 'remove') : get('#my-questions-heading'),
      );
    } else {
      const to = act === 'up' ? i - 1 : i + 1;
      commit(moveQuestion(questions, i, to - i), (kept) => MESSAGES.moved(to + 1, kept.length), () => {
        const same = button(to, act);
        return same && !same.disabled ? same : button(to, act === 'up' ? 'down' : 'up');
      });
    }
  });

  // In a text box, Enter adds or saves (a question is one paragraph) and Esc cancels an edit.
  page.addEventListener('keydown', (event) => {
    const box = event.target as HTMLElement;
    if (box.localName !== 'textarea') return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      (box === input ? get('[type="submit"]', form) : get('[data-act="save"]', box.closest('li')!)).click();
    } else if (event.key === 'Escape' && box !== input) get('[data-act="cancel"]', box.closest('li')!).click();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const result = add(input.value);
    const message = result === 'added' ? '' : MESSAGES[result];
    error.textContent = message;
    input.setAttribute('aria-invalid', String(Boolean(message)));
    if (result === 'added') input.value = '';
    input.focus();
  });

  for (const b of suggested) {
    b.addEventListener('click', () => {
      const result = add(b.value);
      if (result !== 'added') say(MESSAGES[result]);
    });
  }

  get('[data-add-all]').addEventListener('click', () => {
    let next = questions;
    for (const b of suggested) next = addQuestion(next, b.value).list;
    const added = next.length - questions.length;
    if (added) commit(next, MESSAGES.addedMany(added));
    else say(questions.length >= MAX_QUESTIONS ? MESSAGES.full : MESSAGES.allAlready);
  });

  get('[data-print]').addEventListener('click', () => print());

  /** Takes in what other pages stored, keeping this page's changes that could not be saved. */
  function follow(): void {
    const stored = storedQuestions();
    if (stored) {
      questions = mergeQuestions(base, questions, stored);
      base = stored;
    } else ({ questions, problem } = loadQuestions());
  }

  // Questions added in another tab (a lesson open beside this page) show up here; not while an edit
  // is open, which redrawing would throw away (its save merges them in).
  addEventListener('storage', (event) => {
    if (editing < 0 && (event.key === QUESTIONS_KEY || event.key === null)) {
      follow();
      render();
    }
  });

  render();
}
