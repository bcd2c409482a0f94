// Makes review cards from a finished quiz or assessment, through the progress store (one write,
// only when there are new cards). Loaded by the quiz islands on every lesson page, so it carries
// only what that needs: no scheduler, none of ./cards.ts's reading helpers.
import type { BaseStore } from '../progress/base';
import type { ReviewCard } from '../progress/record';
import { firstCard } from './first';

/** Cards for a quiz's answers: only questions without a card yet (review schedules them from
 *  then on). `results` maps question id → 'correct' | 'incorrect'; an assessment's ids are
 *  "<lesson>--<id>" and its questions carry their lesson. */
export function newCards(review: Record<string, ReviewCard> = {}, questions: { id: string; lesson?: string }[], results: Record<string, string | undefined>, lesson: string, now: Date) {
  const cards: Record<string, ReviewCard> = {};
  for (const q of questions) {
    const from = q.lesson ?? lesson;
    const id = `${from}/${q.id.replace(`${from}--`, '')}`;
    if (results[q.id] && !review[id]) cards[id] = firstCard(now, results[q.id] === 'correct');
  }
  return cards;
}

export function keepForReview(store: BaseStore, questions: { id: string; lesson?: string }[], results: Record<string, string | undefined>, lesson: string, now = new Date()) {
  if (!Object.keys(newCards(store.record.review, questions, results, lesson, now)).length) return;
  store.update((record) => ({ version: record.version, lessons: {}, review: newCards(record.review, questions, results, lesson, now) }));
}
