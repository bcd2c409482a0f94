// The suspend_data codec: the whole course at its largest fits SCORM 1.2's 4,096 characters, and
// every record the real progress store can reach encodes within it and decodes to the same record.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { courseMap } from '../../../scripts/package.mjs';
import { decode, encode, type LmsState } from '../../../src/features/lms/codec';
import { indexQuestions, type CourseMap, type MapQuestion } from '../../../src/features/lms/course-map';
import { SUSPEND_LIMIT_12 } from '../../../src/features/lms/scorm12';
import { createProgressStore } from '../../../src/features/progress/store';
import type { ProgressRecord } from '../../../src/features/progress/record';
import { ASSESSMENT_MAX, ASSESSMENT_MIN, drawAssessment, type QuestionBank } from '../../../src/features/quiz/assessment';
import type { Question } from '../../../src/features/quiz/quiz.types';
import { SharedStorage } from '../fake-storage';
import { parse } from 'yaml';
import { readFileSync, readdirSync } from 'node:fs';

const map: CourseMap = courseMap();
const runs = process.env.FC_NUM_RUNS ? Number(process.env.FC_NUM_RUNS) : 200;
const banks: QuestionBank[] = readdirSync('lessons')
  .filter((n) => n.endsWith('.quiz.yaml'))
  .map((n) => parse(readFileSync(`lessons/${n}`, 'utf8')))
  .map((b) => ({ lesson: b.lesson as string, questions: b.questions as Question[] }))
  .sort((a, b) => map.lessons.findIndex((l) => l.slug === a.lesson) - map.lessons.findIndex((l) => l.slug === b.lesson));

/** The longest response a question can have: every option, every item, every pair. */
function longest(q: MapQuestion): unknown {
  if (q.type === 'single') return q.keys[q.keys.length - 1];
  if (q.type === 'truefalse') return true;
  if (q.type === 'matching') return Object.fromEntries(q.keys.map((k) => [k, k]));
  return [...q.keys].reverse();
}

describe('suspend_data codec', () => {
  it('reads the real course: every lesson and question', () => {
    expect(map.lessons).toHaveLength(11);
    expect(indexQuestions(map).all.length).toBeGreaterThanOrEqual(70);
  });

  it('fits the whole course at its largest in 4,096 characters, and round-trips it', () => {
    const late = new Date(Date.UTC(2099, 11, 31, 23, 59, 59, 999)).toISOString();
    const big = Number.MAX_SAFE_INTEGER;
    const record: ProgressRecord = { version: 4, lessons: {} };
    for (const lesson of map.lessons) {
      record.lessons[lesson.slug] = {
        visitedAt: late,
        reachedEndAt: late,
        completedAt: late,
        quiz: {
          attempts: big, best: big, total: big, seed: big, passedAt: late, practisedAt: late, lastAt: late,
          last: Object.fromEntries(lesson.questions.map((q) => [q.id, longest(q)])),
        },
      };
    }
    // The assessment's largest draw, made of the questions with the longest answers.
    const all = indexQuestions(map).all;
    const costly = [...all].sort((a, b) => JSON.stringify(longest(b.question)).length - JSON.stringify(longest(a.question)).length).slice(0, ASSESSMENT_MAX);
    record.assessment = {
      attempts: big, best: big, total: big, seed: big, passedAt: late, practisedAt: late, lastAt: late,
      last: Object.fromEntries(costly.map((at) => [`${at.lesson.slug}--${at.question.id}`, longest(at.question)])),
    };
    const state: LmsState = { record, reported: Object.fromEntries([...map.lessons.map((l) => [l.slug, big]), ['assessment', big]]) };
    const text = encode(state, map);
    console.log(`Largest suspend_data: ${text.length} characters (limit ${SUSPEND_LIMIT_12}); the same record as JSON: ${JSON.stringify(record).length}`);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
    expect(text).toMatch(/^[\x21-\x7e]+$/);
    expect(decode(text, map)).toEqual(state);
  });

  it('rejects what it did not write', () => {
    for (const bad of ['', 'x', '1|||', '2|;|a|', '1|' + ';'.repeat(10) + '|,,,,,,,,|', JSON.stringify({ version: 3, lessons: {} })]) {
      expect(decode(bad, map)).toBeNull();
    }
    // A lesson field of the wrong count, an answer index past the options.
    const ok = encode({ record: { version: 4, lessons: {} }, reported: {} }, map);
    expect(decode(ok, map)).toEqual({ record: { version: 4, lessons: {} }, reported: {} });
    expect(decode(ok.replace('|', '|,,,,'), map)).toBeNull();
  });

  it('property: every record the real store can reach fits the SCORM 1.2 limit and round-trips', () => {
    const lessonArb = fc.integer({ min: 0, max: map.lessons.length - 1 });
    const response = (q: Question, rand: () => number): unknown => {
      const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
      const shuffled = <T,>(xs: T[]) => xs.map((x) => [rand(), x] as const).sort((a, b) => a[0] - b[0]).map(([, x]) => x);
      switch (q.type) {
        case 'single': return pick(q.options).id;
        case 'multiple': return shuffled(q.options.filter(() => rand() < 0.5).map((o) => o.id));
        case 'truefalse': return rand() < 0.5;
        case 'ordering': return shuffled(q.items.map((i) => i.id));
        case 'matching': return Object.fromEntries(q.pairs.filter(() => rand() < 0.9).map((p) => [p.id, pick(q.pairs).id]));
      }
    };
    const action = fc.oneof(
      fc.record({ kind: fc.constant('visit' as const), lesson: lessonArb }),
      fc.record({ kind: fc.constant('end' as const), lesson: lessonArb }),
      fc.record({ kind: fc.constant('complete' as const), lesson: lessonArb }),
      fc.record({ kind: fc.constant('quiz' as const), lesson: lessonArb, mode: fc.constantFrom(true, false, null), seed: fc.integer() }),
      fc.record({ kind: fc.constant('assessment' as const), retake: fc.boolean(), count: fc.integer({ min: ASSESSMENT_MIN, max: ASSESSMENT_MAX }), seed: fc.integer() }),
      fc.record({ kind: fc.constant('report' as const), quiz: fc.constantFrom(...map.lessons.map((l) => l.slug), 'assessment'), n: fc.nat(10_000) }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(action, fc.integer({ min: 0, max: 40 * 86_400_000 })), { maxLength: 80 }), (steps) => {
        let now = Date.UTC(2026, 0, 1);
        const store = createProgressStore({ storage: new SharedStorage().tab(1), now: () => new Date(now) });
        const reported: Record<string, number> = {};
        for (const [a, dt] of steps) {
          now += dt;
          if (a.kind === 'report') {
            reported[a.quiz] = a.n;
            continue;
          }
          if (a.kind === 'assessment') {
            const questions = drawAssessment(banks, a.count, store.assessmentSeed(a.retake));
            let s = a.seed;
            const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
            const answers = Object.fromEntries(questions.map((q) => [q.id, response(q, rand)]));
            const score = Math.floor(rand() * (a.count + 1));
            store.recordAssessment({ score, total: a.count, passed: score >= a.count * 0.8, answers });
            continue;
          }
          const slug = map.lessons[a.lesson].slug;
          if (a.kind === 'visit') store.visit(slug);
          if (a.kind === 'end') store.reachEnd(slug);
          if (a.kind === 'complete') store.complete(slug, { quiz: true });
          if (a.kind === 'quiz') {
            const bank = banks.find((b) => b.lesson === slug)!;
            let s = a.seed;
            const rand = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
            const answers = Object.fromEntries(bank.questions.map((q) => [q.id, response(q, rand)]));
            const score = Math.floor(rand() * (bank.questions.length + 1));
            store.recordQuiz(slug, { score, total: bank.questions.length, passed: a.mode, answers });
          }
        }
        const state = { record: store.record, reported };
        const text = encode(state, map);
        expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT_12);
        expect(decode(text, map)).toEqual(state);
      }),
      { numRuns: runs, verbose: true },
    );
  });
});
