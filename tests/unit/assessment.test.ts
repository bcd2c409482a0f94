// The final assessment's pure helpers (src/features/quiz/assessment.ts): banks in course order, the sections
// map for "Re-read" links, which stored answers come back, and the result lesson by lesson.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  ASSESSMENT_COUNT,
  answersForDraw,
  banksInCourseOrder,
  breakdownLine,
  lessonBreakdown,
  lessonName,
  lessonsToReview,
  missingSections,
  resultText,
  scoreText,
  sectionsMap,
  summariseAttempt,
  type AssessmentLesson,
} from '../../src/features/quiz/assessment';
import { banksNeeded, drawAssessment, drawFromLoaded, type QuestionBank } from '../../src/features/quiz/assessment';
import fc from 'fast-check';
import { requiredToPass, DEFAULT_PASS_MARK } from '../../src/features/quiz/quiz.machine';
import type { Question, QuestionResult } from '../../src/features/quiz/quiz.types';

const tf = (id: string, section = 'a-section'): Question => ({
  id,
  type: 'truefalse',
  prompt: `Statement ${id}`,
  section,
  answer: true,
  explanation: 'Because it is so.',
});
const bank = (lesson: string, size: number): QuestionBank => ({
  lesson,
  questions: Array.from({ length: size }, (_, i) => tf(`q${i + 1}`)),
});
const course: AssessmentLesson[] = [
  { slug: 'why-new-treatments', title: 'Why new treatments', position: 1 },
  { slug: 'history', title: 'From anaesthetic to antidepressant', position: 2 },
  { slug: 'the-glutamate-synapse', title: 'The glutamate synapse', position: 3 },
  { slug: 'how-ketamine-works', title: 'How ketamine works', position: 4 },
];
const drawn = (lesson: string, id: string): Question => ({ ...tf(id), id: `${lesson}--${id}`, lesson });

describe('banksInCourseOrder', () => {
  it('orders banks by the course path and skips lessons without a bank', () => {
    const banks = [bank('how-ketamine-works', 4), bank('why-new-treatments', 5)];
    expect(banksInCourseOrder(course, banks).map((b) => b.lesson)).toEqual(['why-new-treatments', 'how-ketamine-works']);
  });
  it('fails on a bank for a lesson the course does not have, naming it', () => {
    expect(() => banksInCourseOrder(course, [bank('no-such-lesson', 4)])).toThrow(/no-such-lesson/);
  });
  it('fails on two banks for one lesson', () => {
    expect(() => banksInCourseOrder(course, [bank('history', 4), bank('history', 5)])).toThrow(/Two quiz banks name lesson "history"/);
  });
});

describe('sectionsMap and missingSections', () => {
  const sections = sectionsMap([
    {
      slug: 'history',
      headings: [
        { depth: 1, slug: 'title', text: 'Title' },
        { depth: 2, slug: 'an-anaesthetic', text: 'An anaesthetic' },
        { depth: 3, slug: 'detail', text: 'Detail' },
      ],
    },
    { slug: 'how-ketamine-works', headings: [{ depth: 2, slug: 'open-channel-block', text: 'Open-channel block' }] },
  ]);
  it('keys every ## heading by "lesson#section", other depths left out', () => {
    expect(sections).toEqual({
      'history#an-anaesthetic': 'An anaesthetic',
      'how-ketamine-works#open-channel-block': 'Open-channel block',
    });
  });
  it('names each question whose section is not a ## heading of its own lesson', () => {
    const questions = [
      { ...drawn('history', 'a'), section: 'an-anaesthetic' },
      { ...drawn('history', 'b'), section: 'open-channel-block' }, // a heading of another lesson
      { ...drawn('how-ketamine-works', 'c'), section: 'open-channel-block' },
    ];
    expect(missingSections(questions, sections)).toEqual([
      'history: question "history--b" names section "open-channel-block", which is not a ## heading of that lesson',
    ]);
  });
});

describe('answersForDraw', () => {
  const banks = course.map((l) => bank(l.slug, 6));
  const first = drawAssessment(banks, 16, 1);
  const allAnswers = Object.fromEntries(first.map((q) => [q.id, true]));

  it('gives back answers that answer every drawn question (a reload after a finished attempt)', () => {
    expect(answersForDraw(first, allAnswers)).toBe(allAnswers);
    expect(answersForDraw(drawAssessment(banks, 16, 1), allAnswers)).toBe(allAnswers);
  });
  it('drops answers from another draw (after a retake), even when some questions are shared', () => {
    const retake = drawAssessment(banks, 16, 2);
    expect(retake.some((q) => q.id in allAnswers)).toBe(true);
    expect(answersForDraw(retake, allAnswers)).toBeUndefined();
  });
  it('drops nothing-there cases: no answers, no questions', () => {
    expect(answersForDraw(first, undefined)).toBeUndefined();
    expect(answersForDraw([], allAnswers)).toBeUndefined();
  });
  it('does not accept keys from the prototype chain', () => {
    const q = drawn('history', 'constructor');
    expect(answersForDraw([{ ...q, id: 'constructor' }], {})).toBeUndefined();
  });
});

describe('lessonBreakdown', () => {
  const questions = [
    drawn('how-ketamine-works', 'a'),
    drawn('why-new-treatments', 'a'),
    drawn('how-ketamine-works', 'b'),
    drawn('how-ketamine-works', 'c'),
    drawn('why-new-treatments', 'b'),
  ];
  const results: Record<string, QuestionResult> = {
    'how-ketamine-works--a': 'correct',
    'how-ketamine-works--b': 'incorrect',
    'how-ketamine-works--c': 'correct',
    'why-new-treatments--a': 'correct',
    'why-new-treatments--b': 'correct',
  };

  it('counts right answers per lesson, in course order, only for lessons that had questions', () => {
    expect(lessonBreakdown(questions, results, course)).toEqual([
      { slug: 'why-new-treatments', title: 'Why new treatments', position: 1, right: 2, total: 2, review: false },
      { slug: 'how-ketamine-works', title: 'How ketamine works', position: 4, right: 2, total: 3, review: true },
    ]);
  });
  it('counts a question without a result as missed', () => {
    const rows = lessonBreakdown(questions, { ...results, 'why-new-treatments--b': undefined }, course);
    expect(rows[0]).toMatchObject({ right: 1, total: 2, review: true });
  });
  it('keeps a question from an unknown lesson, named by its slug, last', () => {
    const rows = lessonBreakdown([...questions, drawn('mystery', 'x')], results, course);
    expect(rows.at(-1)).toMatchObject({ slug: 'mystery', title: 'mystery', right: 0, total: 1, review: true });
    expect(lessonName(rows.at(-1)!)).toBe('mystery');
  });
  it('writes each line in words: "Lesson 4, How ketamine works: 2 of 3 right — review this lesson"', () => {
    const rows = lessonBreakdown(questions, results, course);
    expect(rows.map(breakdownLine)).toEqual([
      'Lesson 1, Why new treatments: 2 of 2 right',
      'Lesson 4, How ketamine works: 2 of 3 right — review this lesson',
    ]);
    expect(lessonsToReview(rows).map((r) => r.slug)).toEqual(['how-ketamine-works']);
  });
});

describe('summariseAttempt, resultText and scoreText', () => {
  const questions = Array.from({ length: 5 }, (_, i) => drawn(course[i % 4].slug, `q${i}`));
  const allRight = Object.fromEntries(questions.map((q) => [q.id, 'correct' as const]));

  it('scores, passes at the required count and fails below it', () => {
    const pass = summariseAttempt(questions, allRight, course, 4);
    expect(pass).toMatchObject({ score: 5, total: 5, required: 4, passed: true });
    expect(resultText(pass)).toBe('You got 5 of 5 (100 %) right. You passed: the pass mark is 4.');

    const fail = summariseAttempt(questions, { ...allRight, [questions[0].id]: 'incorrect', [questions[1].id]: 'incorrect' }, course, 4);
    expect(fail).toMatchObject({ score: 3, passed: false });
    expect(resultText(fail)).toBe(
      'You got 3 of 5 (60 %) right. You need 4 to pass. Re-read the lessons marked “review this lesson”, then try the questions you missed again: your right answers are kept.',
    );
  });
  it('a pass with a question missed still points to the lesson to review', () => {
    const pass = summariseAttempt(questions, { ...allRight, [questions[0].id]: 'incorrect' }, course, 4);
    expect(pass.passed).toBe(true);
    expect(resultText(pass)).toMatch(/You passed.*Re-read the lessons/);
  });
  it('scoreText rounds the percentage and survives a zero total', () => {
    expect(scoreText(17, 18)).toBe('17 of 18 (94 %)');
    expect(scoreText(0, 0)).toBe('0 of 0 (0 %)');
  });
});

describe('the real course banks', () => {
  const banks: QuestionBank[] = readdirSync('lessons')
    .filter((f) => f.endsWith('.quiz.yaml'))
    .sort()
    .map((f) => parse(readFileSync(`lessons/${f}`, 'utf8')) as QuestionBank);

  it(`draw ${ASSESSMENT_COUNT} questions covering every lesson, for many seeds, and pass at 80 % = 15`, () => {
    expect(requiredToPass(ASSESSMENT_COUNT, DEFAULT_PASS_MARK)).toBe(15);
    for (let seed = 1; seed <= 200; seed++) {
      const questions = drawAssessment(banks, ASSESSMENT_COUNT, seed);
      expect(questions).toHaveLength(ASSESSMENT_COUNT);
      expect(new Set(questions.map((q) => q.lesson)).size).toBe(banks.length);
      const rows = lessonBreakdown(questions, {}, []);
      expect(rows.reduce((n, r) => n + r.total, 0)).toBe(ASSESSMENT_COUNT);
    }
  });
});

// The island fetches only the banks a draw needs: the draw from those (and the sizes of the others)
// must be the very draw over every bank, or a reload after fetching would ask other questions.
describe('banksNeeded and drawFromLoaded', () => {
  const only = (banks: QuestionBank[], lessons: string[]) => new Map(banks.filter((b) => lessons.includes(b.lesson)).map((b) => [b.lesson, b]));
  const sizesOf = (banks: QuestionBank[]) => banks.map((b) => ({ lesson: b.lesson, size: b.questions.length }));

  it('gives the same draw as every bank, from the needed banks only (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 15, max: 20 }), fc.integer(), (sizes, count, seed) => {
        const banks = sizes.map((n, i) => bank(`lesson-${i}`, n));
        fc.pre(sizes.reduce((a, b) => a + b, 0) >= count);
        const needed = banksNeeded(sizesOf(banks), count, seed);
        expect(needed.length).toBeLessThanOrEqual(Math.min(count, banks.length));
        expect(drawFromLoaded(sizesOf(banks), only(banks, needed), count, seed)).toEqual(drawAssessment(banks, count, seed));
      }),
    );
  });
  it('refuses a draw that needs a bank not loaded, or a bank of another size than the page said', () => {
    const banks = [bank('a', 9), bank('b', 9), bank('c', 9)];
    const needed = banksNeeded(sizesOf(banks), 18, 7);
    expect(needed).toEqual(['a', 'b', 'c']);
    expect(() => drawFromLoaded(sizesOf(banks), only(banks, ['a', 'b']), 18, 7)).toThrow(/"c" is needed/);
    expect(() => drawFromLoaded([{ lesson: 'a', size: 8 }, ...sizesOf(banks).slice(1)], only(banks, needed), 18, 7)).toThrow(/holds 9 questions, not 8/);
  });
  it('at 500 lessons, a draw needs at most 18 banks', () => {
    const sizes = Array.from({ length: 500 }, (_, i) => ({ lesson: `l${i}`, size: 6 }));
    for (let seed = 1; seed <= 20; seed++) expect(banksNeeded(sizes, ASSESSMENT_COUNT, seed).length).toBe(ASSESSMENT_COUNT);
  });
});
