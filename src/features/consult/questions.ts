// "My questions": the list a patient takes to their appointment (/consult/), filled from the
// "Add to my questions" buttons in the lessons (AskQuestion.astro) and by the patient.
//
// Stored in this browser only, under the key 'questions' (src/platform/storage.ts), as
//   {"version":1,"questions":["…","…"]}
// and read like untrusted input: anything that is not that shape is set aside (a copy under
// 'questions:unreadable', which "Clear my data" removes too) and the list starts
// empty; entries that are not sensible questions are dropped one by one. Storage that is off or
// throws never breaks the page: the list then lasts as long as the page.
//
// The list functions are pure (they return new arrays) and are shared by the consult page
// (src/features/consult/page.ts) and tests/unit/consult.test.ts. The format and the rules shared
// with the lesson buttons (ask.ts) are in list.ts.
import { key, local, read, write } from '../../platform/storage';
import { addQuestion, cleanQuestion, MAX_QUESTIONS, parseQuestions, QUESTIONS_KEY, sameQuestion, serializeQuestions, type QuestionsProblem } from './list';

export * from './list';

/** The part of Storage this module uses, so tests can pass a fake. */
export interface QuestionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}


/**
 * The twelve questions of the fact sheet (§6.4), in plain words, in its order: the wording of the
 * list in lesson 10 ("Questions to ask"), except 1 and 4, which are put more plainly here (each
 * question must read at grade 8 or below on its own: tests/unit/interface-readability.test.ts).
 * The lessons' "Add to my questions" buttons must use one of these texts exactly (checked by
 * AskQuestion.astro).
 */
export const SUGGESTED_QUESTIONS = [
  // 1. Do I meet the criteria for TRD?
  'Does my depression count as hard to treat? How do you decide that?',
  // 2. IV or Spravato, and why? Is it FDA-approved for me?
  'Should I have the drip or the spray, and why? Is it approved for someone like me?',
  // 3. Who is on site, how am I monitored, and what is the emergency plan?
  'Who is on site, how will I be watched, and what is the plan if something goes wrong?',
  // 4. Does my heart, BP, pregnancy, psychosis or substance history rule me out?
  'Is it safe for me? Could my heart, my blood pressure, a pregnancy, psychosis, or past drug or alcohol use rule it out?',
  // 5. Do any of my medicines interact?
  'Do any of my medicines mix badly with ketamine?',
  // 6. What dose, schedule and number of sessions?
  'What dose, how often, and how many sessions?',
  // 7. How do you measure response, and when do we stop?
  'How will we know if it is working, and when do we stop?',
  // 8. What is the maintenance or relapse plan?
  'What is the plan to stay well, or if the depression comes back?',
  // 9. Which side effects should I expect, how are they managed, and who drives me home?
  'Which side effects should I expect, how are they handled, and who drives me home?',
  // 10. What is the total cost, and is prior authorization needed?
  'What is the total cost, and does my insurer need to say yes first?',
  // 11. What are the clinic's outcome and adverse-event data?
  "What are this clinic's results, and how often do side effects happen here?",
  // 12. How does this fit with my therapy and antidepressant, and who do I contact if I feel
  //     suicidal between sessions?
  'How does this fit with my therapy and my pills? Who do I call if I have thoughts of suicide between visits?',
] as const;

/** What the consult page announces (graded for readability). */
export const MESSAGES = {
  added: 'Added to your list.',
  addedMany: (n: number) => (n === 1 ? 'Added 1 question to your list.' : `Added ${n} questions to your list.`),
  already: 'That question is already on your list.',
  allAlready: 'All the suggested questions are already on your list.',
  empty: 'Type a question first.',
  full: `Your list is full. It can hold ${MAX_QUESTIONS} questions.`,
  saved: 'Question changed.',
  removed: (n: number) => `Question removed. ${n === 1 ? '1 question left.' : `${n} questions left.`}`,
  moved: (position: number, total: number) => `Moved to number ${position} of ${total}.`,
} as const;

/** Reads the list. An unreadable value is copied aside, so the next save cannot lose it. */
export function loadQuestions(storage: QuestionStorage | null = local): {
  questions: string[];
  problem: QuestionsProblem | null;
} {
  const stored = read(QUESTIONS_KEY, storage);
  if (!stored.ok) return { questions: [], problem: 'unavailable' };
  const result = parseQuestions(stored.value);
  // If the copy cannot be made, the unreadable value stays until the next save.
  if (result.problem === 'unreadable') write(key('questions:unreadable'), stored.value!, storage);
  return result;
}

/** Saves the list; false when the browser refused (storage off or full). */
export function saveQuestions(questions: readonly string[], storage: QuestionStorage | null = local): boolean {
  return write(QUESTIONS_KEY, serializeQuestions(questions), storage) === 'ok';
}

/** Moves the question at `index` by `by` places (−1 up, +1 down), staying inside the list. */
export function moveQuestion(list: readonly string[], index: number, by: number): string[] {
  const to = Math.max(0, Math.min(list.length - 1, index + by));
  const next = [...list];
  if (index < 0 || index >= list.length || to === index) return next;
  next.splice(to, 0, ...next.splice(index, 1));
  return next;
}

export function removeQuestion(list: readonly string[], index: number): string[] {
  return list.filter((_, i) => i !== index);
}

/** Replaces the question at `index`; an empty text or a duplicate of another leaves the list as it was. */
export function editQuestion(
  list: readonly string[],
  index: number,
  text: string,
): { list: string[]; result: 'saved' | 'empty' | 'already' } {
  const question = cleanQuestion(text);
  if (!question) return { list: [...list], result: 'empty' };
  if (list.some((q, i) => i !== index && sameQuestion(q, question))) return { list: [...list], result: 'already' };
  const next = [...list];
  if (index >= 0 && index < next.length) next[index] = question;
  return { list: next, result: 'saved' };
}

/**
 * Two pages change the list at once (a lesson's "Add to my questions" beside this page, or a second
 * consult page): `base` is the list as this page last read or saved it, `mine` is this page's new
 * list, `theirs` is what is stored now. Keeps this page's changes and the other's: a question
 * removed on either side stays removed, one added on either side is kept (this page's order first),
 * so saving here never loses a question added elsewhere since the last read.
 */
export function mergeQuestions(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const has = (list: readonly string[], q: string) => list.some((other) => sameQuestion(other, q));
  let merged: string[] = [];
  for (const q of mine) if (!has(base, q) || has(theirs, q)) merged = addQuestion(merged, q).list;
  for (const q of theirs) if (!has(base, q)) merged = addQuestion(merged, q).list;
  return merged;
}

/** What is stored now, without side effects; null when it cannot be read as a list. */
export function storedQuestions(storage: QuestionStorage | null = local): string[] | null {
  const stored = read(QUESTIONS_KEY, storage);
  if (!stored.ok) return null;
  const { questions, problem } = parseQuestions(stored.value);
  return problem === 'unreadable' ? null : questions;
}
