// Seeded randomness for the quiz: the same seed always gives the same order, so a learner who
// reloads sees the same assessment, a test can pin an order, and a print matches the screen.
// Not for anything secret: mulberry32 is a small, fast, well-spread PRNG, not a cryptographic one.
import type { Question } from '../machines/quiz.types';

export type Seed = number | string;

/** FNV-1a: a string (or number) to a 32-bit unsigned seed. */
export function hashSeed(seed: Seed): number {
  if (typeof seed === 'number') return seed >>> 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: returns a function giving floats in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: Seed): () => number {
  let state = hashSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG. Returns a new array; the input is not touched. */
export function seededShuffle<T>(items: readonly T[], seed: Seed): T[] {
  const out = items.slice();
  const random = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface QuestionBank {
  /** Lesson slug; banks are given in course order. */
  lesson: string;
  questions: readonly Question[];
}

export const ASSESSMENT_MIN = 15;
export const ASSESSMENT_MAX = 20;

/** Assessment question ids: lesson and question id joined by "--", which no slug contains. */
export const assessmentId = (lesson: string, id: string) => `${lesson}--${id}`;

/**
 * Draws `count` (15–20) questions across all banks for the final assessment, spread evenly: every
 * lesson gives ⌊count / lessons⌋ or one more, unless its bank runs out, when the others make up
 * the difference. Each drawn question carries its `lesson` (so "Re-read" links point to the right
 * lesson) and an id unique across banks. The same banks and seed always give the same draw.
 */
export function drawAssessment(banks: readonly QuestionBank[], count: number, seed: Seed): Question[] {
  if (!Number.isInteger(count) || count < ASSESSMENT_MIN || count > ASSESSMENT_MAX) {
    throw new RangeError(`An assessment has ${ASSESSMENT_MIN} to ${ASSESSMENT_MAX} questions, not ${count}`);
  }
  const lessons = new Set(banks.map((b) => b.lesson));
  if (lessons.size !== banks.length) throw new Error('drawAssessment: two banks share a lesson slug');
  const available = banks.reduce((sum, b) => sum + b.questions.length, 0);
  if (available < count) {
    throw new RangeError(`drawAssessment: ${count} questions asked for, but the banks hold only ${available}`);
  }

  const base = hashSeed(seed);
  const queues = banks.map((bank) => ({
    lesson: bank.lesson,
    queue: seededShuffle(bank.questions, hashSeed(`${base}:${bank.lesson}`)),
  }));
  // The order of lessons within a round is shuffled too, so the lessons that give one more
  // question than the others change with the seed rather than always being the first ones.
  const rounds = seededShuffle(queues, base);
  const drawn: Question[] = [];
  while (drawn.length < count) {
    for (const { lesson, queue } of rounds) {
      if (drawn.length === count) break;
      const question = queue.shift();
      if (question) drawn.push({ ...question, id: assessmentId(lesson, question.id), lesson });
    }
  }
  return seededShuffle(drawn, base ^ 0x9e3779b9);
}
