// The review scheduler: FSRS (ts-fsrs) with short-term steps off, so every interval is in whole
// days (again → 1 day; good → 3, 8, 22, 54 … days). Pure: the time is passed in, nothing is read
// or written. Stored cards hold ISO strings; ts-fsrs cards hold Dates: revived here, per review.
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { ReviewCard } from '../progress/record';
import { AGAIN, DAY, GOOD } from './cards';

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const gradeOf = (correct: boolean) => (correct ? Rating.Good : Rating.Again);

/** The stored card as ts-fsrs's Card. A card a quiz answer made has no memory state yet: its
 *  first answer is replayed from an empty card at that time (deterministic: no fuzz). */
export function revive(card: ReviewCard): Card {
  const at = new Date(card.at);
  if (card.s === undefined) return scheduler.next(createEmptyCard(at), at, card.g === AGAIN ? Rating.Again : Rating.Good).card;
  const due = new Date(card.due);
  return {
    ...createEmptyCard(at),
    due,
    stability: card.s,
    difficulty: card.d ?? 0,
    scheduled_days: Math.round((due.getTime() - at.getTime()) / DAY),
    reps: card.n,
    lapses: card.l,
    state: card.st ?? 2,
    last_review: at,
  };
}

/** The card after a review at `now`: right (good) or missed (again). A missed question is due
 *  again the next day, whatever its history (FSRS may say more after a long run of right answers;
 *  the course promises "tomorrow"), and FSRS's lowered stability makes its intervals grow again
 *  from there. */
export function review(card: ReviewCard | undefined, correct: boolean, now: Date): ReviewCard {
  const before = card ? revive(card) : createEmptyCard(now);
  const after = scheduler.next(before, now, gradeOf(correct)).card;
  const due = correct ? after.due : new Date(now.getTime() + DAY);
  return {
    at: now.toISOString(),
    due: due.toISOString(),
    g: correct ? GOOD : AGAIN,
    n: after.reps,
    l: after.lapses,
    s: round(after.stability),
    d: round(after.difficulty),
    st: after.state,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Whole days from `now` to the card's due time (for "comes back in 3 days"). */
export const daysUntil = (card: ReviewCard, now: Date) => Math.max(0, Math.round((Date.parse(card.due) - now.getTime()) / DAY));
