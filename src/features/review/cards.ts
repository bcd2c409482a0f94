// Review cards without the scheduler: ids, and what is due today (the review page and the
// progress page's "How well I know it"). Lesson pages make cards with ./keep.ts and ./first.ts.
import type { ReviewCard } from '../progress/record';

export { AGAIN, DAY, FIRST_DAYS, GOOD, firstCard } from './first';

/** At most this many questions in one session. */
export const SESSION_SIZE = 10;

export const cardId = (lesson: string, question: string) => `${lesson}/${question}`;
export const lessonOf = (id: string) => id.slice(0, id.indexOf('/'));

/** The start of the next day in the learner's time zone: a card due before it is due today. */
export function endOfToday(now: Date): number {
  const next = new Date(now);
  next.setHours(24, 0, 0, 0);
  return next.getTime();
}

export const isDue = (card: Pick<ReviewCard, 'due'>, now: Date) => Date.parse(card.due) < endOfToday(now);

/** Ids of the cards due today, the most overdue first. */
export function dueIds(review: Record<string, Pick<ReviewCard, 'due'>> = {}, now: Date): string[] {
  return Object.keys(review)
    .filter((id) => isDue(review[id], now))
    .sort((a, b) => Date.parse(review[a].due) - Date.parse(review[b].due) || (a < b ? -1 : 1));
}

/** Per lesson: questions remembered (answered, not due today), due today, never answered. */
export function knowledge(review: Record<string, ReviewCard> = {}, lesson: string, questionIds: string[], now: Date) {
  let remembered = 0;
  let due = 0;
  for (const id of questionIds) {
    const card = review[cardId(lesson, id)];
    if (!card) continue;
    if (isDue(card, now)) due++;
    else remembered++;
  }
  return { remembered, due, never: questionIds.length - remembered - due };
}

