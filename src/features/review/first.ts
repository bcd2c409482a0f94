// The card a first answer makes (in a quiz or the assessment), without the scheduler: FSRS's
// first intervals with this course's settings (short-term steps off, no fuzz) are a missed answer
// due the next day and a right one in 3 days. tests/unit/review/scheduler.test.ts checks them
// against ts-fsrs itself, so they cannot drift. The scheduler replays this answer later.
import type { ReviewCard } from '../progress/record';

export const DAY = 86_400_000;
export const FIRST_DAYS = { again: 1, good: 3 } as const;
/** FSRS grades used: a missed answer is "again", a right one "good". */
export const AGAIN = 1;
export const GOOD = 3;

export function firstCard(now: Date, correct: boolean): ReviewCard {
  const days = correct ? FIRST_DAYS.good : FIRST_DAYS.again;
  return { at: now.toISOString(), due: new Date(now.getTime() + days * DAY).toISOString(), g: correct ? GOOD : AGAIN, n: 1, l: 0 };
}
