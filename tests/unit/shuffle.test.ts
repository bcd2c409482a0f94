import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashSeed, mulberry32, seededShuffle } from '../../src/features/quiz/shuffle';
import { ASSESSMENT_MAX, ASSESSMENT_MIN, assessmentId, drawAssessment, type QuestionBank } from '../../src/features/quiz/assessment';
import type { Question } from '../../src/features/quiz/quiz.types';

const sorted = <T>(items: T[]) => [...items].sort();

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
  it('matches the reference mulberry32 (pins the algorithm, so a seed keeps meaning the same order)', () => {
    // Values from the published reference implementation, seed 1.
    const random = mulberry32(1);
    expect([random(), random(), random()].map((v) => v.toFixed(8))).toEqual(['0.62707394', '0.00273572', '0.52744704']);
    for (let i = 3; i < 100_000; i++) random();
    expect(random().toFixed(8)).toBe('0.41956905');
  });
  it('is spread evenly enough: ten buckets within 20 % of the mean over 10 000 draws', () => {
    const random = mulberry32('spread');
    const buckets = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) buckets[Math.floor(random() * 10)]++;
    for (const count of buckets) expect(Math.abs(count - 1000)).toBeLessThan(200);
  });
  it('string seeds are hashed; different strings give different seeds', () => {
    expect(hashSeed('a')).not.toBe(hashSeed('b'));
    expect(hashSeed('lesson-1')).toBe(hashSeed('lesson-1'));
    expect(hashSeed(-1)).toBe(0xffffffff);
  });
});

describe('seededShuffle', () => {
  it('is a permutation and leaves the input alone (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.oneof(fc.integer(), fc.string()), (items, seed) => {
        const copy = items.slice();
        const out = seededShuffle(items, seed);
        expect(items).toEqual(copy);
        expect(sorted(out)).toEqual(sorted(items));
      }),
    );
  });
  it('is stable for a seed (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.integer(), (items, seed) => {
        expect(seededShuffle(items, seed)).toEqual(seededShuffle(items, seed));
      }),
    );
  });
  it('different seeds give different orders for non-trivial input', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => seededShuffle(items, seed).join(',')));
    // 10! orders: 50 seeds colliding more than a couple of times would mean a broken shuffle.
    expect(orders.size).toBeGreaterThanOrEqual(48);
    expect(seededShuffle(items, 1)).not.toEqual(seededShuffle(items, 2));
    expect(seededShuffle(items, 'a')).not.toEqual(seededShuffle(items, 'b'));
  });
  it('every position is reachable: the first item lands everywhere across seeds', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const positions = new Set(Array.from({ length: 200 }, (_, seed) => seededShuffle(items, seed).indexOf('a')));
    expect(positions.size).toBe(5);
  });
});

// Six lessons with 4–8 questions each, as the banks of the course will be.
const question = (lesson: string, n: number): Question => ({
  id: `q${n}`,
  type: 'truefalse',
  prompt: `${lesson} question ${n}`,
  section: 'some-section',
  answer: n % 2 === 0,
  explanation: 'Because it is so.',
});
const bank = (lesson: string, size: number): QuestionBank => ({
  lesson,
  questions: Array.from({ length: size }, (_, i) => question(lesson, i + 1)),
});
const banks = [bank('history', 4), bank('mechanism', 8), bank('evidence', 6), bank('safety', 5), bank('access', 4), bank('aftercare', 7)];

describe('drawAssessment', () => {
  it.each([15, 16, 18, 20])('draws %i distinct questions, each from a bank and tagged with its lesson', (count) => {
    const drawn = drawAssessment(banks, count, 'learner-1');
    expect(drawn).toHaveLength(count);
    expect(new Set(drawn.map((q) => q.id)).size).toBe(count);
    for (const q of drawn) {
      const source = banks.find((b) => b.lesson === q.lesson)!;
      const original = source.questions.find((o) => assessmentId(source.lesson, o.id) === q.id);
      expect(original, q.id).toBeDefined();
      expect(q.prompt).toBe(original!.prompt);
    }
  });

  it('spreads the questions across lessons: each gives ⌊count/lessons⌋ or one more', () => {
    fc.assert(
      fc.property(fc.integer({ min: ASSESSMENT_MIN, max: ASSESSMENT_MAX }), fc.integer(), (count, seed) => {
        const perLesson = new Map<string, number>();
        for (const q of drawAssessment(banks, count, seed)) perLesson.set(q.lesson!, (perLesson.get(q.lesson!) ?? 0) + 1);
        expect(perLesson.size).toBe(banks.length);
        const floor = Math.floor(count / banks.length);
        for (const n of perLesson.values()) expect(n === floor || n === floor + 1).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('when a bank runs out, the others make up the difference', () => {
    const uneven = [bank('small', 2), bank('big-a', 8), bank('big-b', 8)];
    const drawn = drawAssessment(uneven, 18, 7);
    const count = (lesson: string) => drawn.filter((q) => q.lesson === lesson).length;
    expect(count('small')).toBe(2);
    expect(count('big-a') + count('big-b')).toBe(16);
  });

  it('is stable for a seed and changes with it', () => {
    expect(drawAssessment(banks, 18, 'x')).toEqual(drawAssessment(banks, 18, 'x'));
    expect(drawAssessment(banks, 18, 'x').map((q) => q.id)).not.toEqual(drawAssessment(banks, 18, 'y').map((q) => q.id));
  });

  it('does not change the banks', () => {
    const before = JSON.stringify(banks);
    drawAssessment(banks, 20, 3);
    expect(JSON.stringify(banks)).toBe(before);
  });

  it('refuses a count outside 15–20, too few questions, or two banks for one lesson', () => {
    expect(() => drawAssessment(banks, 14, 1)).toThrow(/15 to 20/);
    expect(() => drawAssessment(banks, 21, 1)).toThrow(/15 to 20/);
    expect(() => drawAssessment([bank('a', 8), bank('b', 6)], 15, 1)).toThrow(/only 14/);
    expect(() => drawAssessment([bank('a', 8), bank('a', 8)], 15, 1)).toThrow(/share a lesson/);
  });
});
