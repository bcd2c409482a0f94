// The review scheduler under a fake clock: every time is passed in, so these are exact.
import { describe, expect, test } from 'vitest';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import { review, daysUntil } from '../../../src/features/review/scheduler';
import { DAY, FIRST_DAYS, dueIds, endOfToday, knowledge } from '../../../src/features/review/cards';
import { firstCard } from '../../../src/features/review/first';
import { newCards } from '../../../src/features/review/keep';
import { scheduleSentence, whenWords } from '../../../src/features/review/schedule-words';
import type { ReviewCard } from '../../../src/features/progress/record';

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (days: number, from = T0) => new Date(from.getTime() + days * DAY);
const gap = (card: ReviewCard) => Math.round((Date.parse(card.due) - Date.parse(card.at)) / DAY);

/** Answers right every time the card comes due; returns the intervals seen. */
function rightEachTime(card: ReviewCard, times: number): { card: ReviewCard; gaps: number[] } {
  const gaps: number[] = [];
  for (let i = 0; i < times; i++) {
    card = review(card, true, new Date(card.due));
    gaps.push(gap(card));
  }
  return { card, gaps };
}

describe('a card a quiz answer makes', () => {
  test('a missed question is due tomorrow; a right one in 3 days', () => {
    expect(gap(firstCard(T0, false))).toBe(1);
    expect(gap(firstCard(T0, true))).toBe(3);
    expect(dueIds({ a: firstCard(T0, false) }, T0)).toEqual([]);
    expect(dueIds({ a: firstCard(T0, false) }, at(1))).toEqual(['a']);
  });

  test("its first intervals are ts-fsrs's own with the course's settings (no drift)", () => {
    const f = fsrs({ enable_short_term: false, enable_fuzz: false });
    const days = (rating: typeof Rating.Again | typeof Rating.Good) => (f.next(createEmptyCard(T0), T0, rating).card.due.getTime() - T0.getTime()) / DAY;
    expect(days(Rating.Again)).toBe(FIRST_DAYS.again);
    expect(days(Rating.Good)).toBe(FIRST_DAYS.good);
  });

  test('only questions without a card get one; assessment ids map to the lesson question', () => {
    const existing = { 'intro/q1': firstCard(T0, true) };
    const cards = newCards(existing, [{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }], { q1: 'incorrect', q2: 'incorrect' }, 'intro', at(2));
    expect(Object.keys(cards)).toEqual(['intro/q2']);
    const fromAssessment = newCards({}, [{ id: 'dose--q9', lesson: 'dose' }], { 'dose--q9': 'correct' }, '', T0);
    expect(Object.keys(fromAssessment)).toEqual(['dose/q9']);
  });
});

describe('review under a fake clock', () => {
  test('a missed card answered right the next day: intervals grow 3, 8, 22, 54 … days', () => {
    const missed = firstCard(T0, false);
    const { card, gaps } = rightEachTime(missed, 5);
    expect(gaps).toEqual([3, 8, 22, 54, 124]);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(card.n).toBe(6);
    expect(card.l).toBe(0);
  });

  test('a right first answer goes on growing from 3 days', () => {
    const { gaps } = rightEachTime(firstCard(T0, true), 3);
    expect(gaps[0]).toBeGreaterThan(3);
    expect(gaps[1]).toBeGreaterThan(gaps[0]);
  });

  test('a lapse resets: due the next day, a lapse counted, and the next intervals short again', () => {
    const { card: mature, gaps } = rightEachTime(firstCard(T0, true), 4);
    expect(gaps.at(-1)).toBeGreaterThan(30);
    const lapsed = review(mature, false, new Date(mature.due));
    expect(gap(lapsed)).toBe(1);
    expect(lapsed.l).toBe(1);
    expect(lapsed.s!).toBeLessThan(mature.s! / 4);
    const after = review(lapsed, true, new Date(lapsed.due));
    expect(gap(after)).toBeLessThan(gaps.at(-1)! / 4);
  });

  test('dates are stored as ISO strings and revived on the next review', () => {
    const card = review(firstCard(T0, false), true, at(1));
    expect(typeof card.at).toBe('string');
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
    expect(review(JSON.parse(JSON.stringify(card)), true, new Date(card.due))).toEqual(review(card, true, new Date(card.due)));
  });

  test('reviewing early (before due) still schedules from now', () => {
    const card = review(firstCard(T0, true), true, at(1));
    expect(Date.parse(card.due)).toBeGreaterThan(at(1).getTime());
  });
});

describe('due today, knowledge, words', () => {
  test('due means before the end of the learner’s today', () => {
    const end = endOfToday(T0);
    expect(end).toBeGreaterThan(T0.getTime());
    expect(end - T0.getTime()).toBeLessThanOrEqual(DAY);
    const late = { due: new Date(end - 1).toISOString() };
    const tomorrow = { due: new Date(end).toISOString() };
    expect(dueIds({ late, tomorrow }, T0)).toEqual(['late']);
  });

  test('knowledge counts remembered, due and never answered per lesson', () => {
    const review = { 'intro/a': firstCard(T0, true), 'intro/b': firstCard(T0, false), 'other/a': firstCard(T0, false) };
    expect(knowledge(review, 'intro', ['a', 'b', 'c'], at(1))).toEqual({ remembered: 1, due: 1, never: 1 });
    expect(knowledge(review, 'intro', ['a', 'b', 'c'], at(3))).toEqual({ remembered: 0, due: 2, never: 1 });
  });

  test('what is scheduled when, in words', () => {
    expect(whenWords(1)).toBe('tomorrow');
    expect(whenWords(3)).toBe('in 3 days');
    expect(whenWords(8)).toBe('next week');
    expect(scheduleSentence([at(3).toISOString(), at(3).toISOString(), at(8).toISOString()], T0)).toBe('2 questions come back in 3 days, 1 next week.');
    expect(daysUntil(firstCard(T0, true), T0)).toBe(3);
  });
});
