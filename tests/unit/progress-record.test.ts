import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { compactRecord } from '../../src/features/progress/compact';
import { createProgressStore } from '../../src/features/progress/store';
import { SharedStorage, TabStorage } from './fake-storage';
import {
  COMPACT_ABOVE_BYTES,
  CURRENT_VERSION,
  MAX_LESSONS,
  MAX_RECORD_BYTES,
  PROGRESS_KEY,
  completedSlugs,
  emptyRecord,
  lessonStatus,
  readRecord,
  type ProgressRecord,
} from '../../src/features/progress/record';
import { mergeRecords } from '../../src/features/progress/merge';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';
const NOW = '2026-03-01T00:00:00.000Z';

describe('readRecord', () => {
  test('reads a current record, quiz history and assessment included', () => {
    const quiz = { attempts: 2, best: 5, total: 6, passedAt: T2, lastAt: T2, last: { q1: 'a', q2: ['b', 'c'] } };
    const assessment = { attempts: 1, best: 17, total: 18, seed: 42, passedAt: T2 };
    const record = { version: 4, lessons: { intro: { visitedAt: T1, completedAt: T2, quiz } }, assessment };
    expect(readRecord(JSON.stringify(record))).toEqual({ kind: 'ok', record });
  });

  test('migrates v2 (no quiz data) to the current version unchanged but for the version', () => {
    const raw = JSON.stringify({ version: 2, lessons: { intro: { visitedAt: T1, completedAt: T2 } } });
    expect(readRecord(raw)).toEqual({ kind: 'ok', record: { version: 4, lessons: { intro: { visitedAt: T1, completedAt: T2 } } } });
  });

  test('migrates v1 (a list of completed slugs) to v2 without losing a completion', () => {
    const outcome = readRecord(JSON.stringify({ version: 1, completed: ['intro', 'history'] }), NOW);
    expect(outcome.kind).toBe('ok');
    if (outcome.kind !== 'ok') return;
    expect(outcome.record.version).toBe(CURRENT_VERSION);
    expect(completedSlugs(outcome.record).sort()).toEqual(['history', 'intro']);
    expect(outcome.record.lessons.intro).toEqual({ reachedEndAt: NOW, completedAt: NOW });
  });

  test('reads what it can of a newer version and marks it as newer', () => {
    const raw = JSON.stringify({ version: 9, lessons: { intro: { completedAt: T1, stars: 3 }, 'BAD SLUG': {} }, extra: true });
    const outcome = readRecord(raw);
    expect(outcome.kind).toBe('newer');
    expect(outcome.kind === 'newer' && outcome.record.lessons).toEqual({ intro: { completedAt: T1 } });
  });

  test.each([
    ['not JSON', '{"version": 2, "lessons": '],
    ['no version', JSON.stringify({ lessons: {} })],
    ['a version that is not a number', JSON.stringify({ version: '2', lessons: {} })],
    ['an old unknown version', JSON.stringify({ version: 0, lessons: {} })],
    ['lessons that is a list', JSON.stringify({ version: 2, lessons: [] })],
    ['a date that is not a date', JSON.stringify({ version: 2, lessons: { intro: { completedAt: 'yesterday' } } })],
    ['a malformed slug', JSON.stringify({ version: 2, lessons: { '../etc': { completedAt: T1 } } })],
    ['a malformed v1 list', JSON.stringify({ version: 1, completed: 'intro' })],
    ['null', 'null'],
    ['a negative attempt count', JSON.stringify({ version: 4, lessons: { intro: { quiz: { attempts: -1 } } } })],
    ['answers that are not an object', JSON.stringify({ version: 4, lessons: { intro: { quiz: { last: 'a' } } } })],
    ['an assessment best score as text', JSON.stringify({ version: 4, lessons: {}, assessment: { best: '17' } })],
    ['huge answers', JSON.stringify({ version: 4, lessons: { intro: { quiz: { last: { q: 'x'.repeat(30_000) } } } } })],
    ['too large', JSON.stringify({ version: 2, lessons: {}, pad: 'x'.repeat(MAX_RECORD_BYTES) })],
  ])('rejects %s', (_name, raw) => {
    expect(readRecord(raw).kind).toBe('invalid');
  });
});

describe('mergeRecords', () => {
  const a: ProgressRecord = { version: 4, lessons: { intro: { visitedAt: T2, completedAt: T2 }, history: { visitedAt: T1 } } };
  const b: ProgressRecord = { version: 4, lessons: { intro: { visitedAt: T1 }, synapse: { completedAt: T1 } } };

  test('keeps every completion, at its earliest time', () => {
    const merged = mergeRecords(a, b);
    expect(merged.lessons.intro).toEqual({ visitedAt: T1, completedAt: T2 });
    expect(completedSlugs(merged).sort()).toEqual(['intro', 'synapse']);
  });

  test('quiz history: more attempts, best score, first pass, and the latest answers win', () => {
    const x: ProgressRecord = { version: 4, lessons: { q: { quiz: { attempts: 3, best: 4, total: 6, lastAt: T2, last: { a: 1 } } } }, assessment: { seed: 7, best: 10 } };
    const y: ProgressRecord = { version: 4, lessons: { q: { quiz: { attempts: 1, best: 6, total: 6, passedAt: T1, lastAt: T1, last: { a: 2 } } } }, assessment: { seed: 9, passedAt: T1 } };
    const merged = mergeRecords(x, y);
    expect(merged.lessons.q.quiz).toEqual({ attempts: 3, best: 6, total: 6, passedAt: T1, lastAt: T2, last: { a: 1 } });
    expect(mergeRecords(y, x).lessons.q.quiz).toEqual(merged.lessons.q.quiz);
    expect(merged.assessment).toEqual({ seed: 9, best: 10, passedAt: T1 });
  });

  test('is commutative and idempotent', () => {
    expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
    expect(mergeRecords(a, a)).toEqual(a);
  });
});

test('lessonStatus', () => {
  const record = { version: 4, lessons: { a: { visitedAt: T1 }, b: { completedAt: T1 } } } as ProgressRecord;
  expect(lessonStatus(record, 'a')).toBe('in-progress');
  expect(lessonStatus(record, 'b')).toBe('completed');
  expect(lessonStatus(emptyRecord(), 'a')).toBe('not-started');
});

// Finding 6: the store must never write a record its reader rejects.
describe('compaction: the largest reachable record', () => {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
  // The longest slugs the reader accepts (80 characters), for the largest supported course.
  const slugs = Array.from({ length: MAX_LESSONS }, (_, i) => `lesson-${String(i).padStart(3, '0')}-`.padEnd(80, 'x'));
  // The largest answers a lesson quiz gives: 8 questions, each an ordering of 6 long option ids.
  const answers = Object.fromEntries(Array.from({ length: 8 }, (_, q) => [`${'q'.repeat(30)}-${q}`, Array.from({ length: 6 }, (_, o) => `${'option'.repeat(5)}-${o}`)]));

  test('a 500-lesson course with every quiz history: written within what the reader accepts, every completion kept, the learner told', () => {
    let clock = 0;
    const shared = new SharedStorage();
    const store = createProgressStore({ storage: shared.tab(1), tab: new TabStorage(), now: () => new Date(Date.parse(at(clock++))) });
    const told: Array<string | null> = [];
    store.subscribe((_r, status) => told.push(status.problem));
    // 499 lessons as an earlier visit (or an import) left them, in one write; the last by hand.
    const full = (i: number) => ({ visitedAt: at(i), reachedEndAt: at(i), completedAt: at(i), quiz: { attempts: 2, best: 8, total: 8, passedAt: at(i), lastAt: at(i), last: answers } });
    store.merge({ version: CURRENT_VERSION, lessons: Object.fromEntries(slugs.slice(0, -1).map((s, i) => [s, full(i)])) });
    const last = slugs.at(-1)!;
    store.visit(last);
    store.reachEnd(last);
    store.recordQuiz(last, { score: 2, total: 8, passed: false, answers });
    store.recordQuiz(last, { score: 8, total: 8, passed: true, answers });
    store.recordAssessment({ score: 18, total: 18, passed: true, answers: Object.fromEntries(Array.from({ length: 18 }, (_, i) => [`assessment-${'q'.repeat(40)}-${i}`, ['a', 'b', 'c']])) });
    const raw = shared.data.get(PROGRESS_KEY)!;
    expect(raw.length).toBeLessThanOrEqual(MAX_RECORD_BYTES);
    const read = readRecord(raw);
    expect(read.kind).toBe('ok');
    if (read.kind !== 'ok') return;
    expect(completedSlugs(read.record)).toHaveLength(MAX_LESSONS);
    expect(Object.values(read.record.lessons).every((e) => e.quiz?.passedAt && e.quiz.best === 8 && e.quiz.attempts === 2)).toBe(true);
    expect(read.record.assessment?.passedAt).toBeTruthy();
    expect(told).toContain('compacted');
    expect(store.status).toEqual({ kept: 'device', problem: 'compacted' });
    // What the page shows is what is stored.
    expect(JSON.stringify(store.record)).toBe(raw);
  }, 60_000);

  test('completions alone, for the largest course with the longest slugs and dates, fit well inside the read limit', () => {
    const longest = { completedAt: at(0), quiz: { attempts: 9_999_999, best: 99, total: 99, passedAt: at(0), practisedAt: at(0) } };
    const record = { version: CURRENT_VERSION, lessons: Object.fromEntries(slugs.map((s) => [s, longest])) };
    const { record: compact } = compactRecord(record as ProgressRecord, 0);
    expect(JSON.stringify(compact).length).toBeLessThan(MAX_RECORD_BYTES);
    expect(completedSlugs(compact)).toHaveLength(MAX_LESSONS);
  });

  test('property: whatever the record, the compacted one reads back and keeps every completion and pass', () => {
    const date = fc.integer({ min: 0, max: 1e9 }).map(at);
    const quiz = fc.record(
      { attempts: fc.nat(50), best: fc.nat(8), total: fc.constant(8), passedAt: date, practisedAt: date, lastAt: date, last: fc.dictionary(fc.string({ maxLength: 40 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 8 }), { maxKeys: 8 }) },
      { requiredKeys: [] },
    );
    const entry = fc.record({ visitedAt: date, reachedEndAt: date, completedAt: date, quiz }, { requiredKeys: [] });
    const lessons = fc.dictionary(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,79}$/), entry, { maxKeys: MAX_LESSONS + 20 });
    fc.assert(
      fc.property(lessons, fc.integer({ min: 0, max: 200_000 }), (map, limit) => {
        const record = { version: CURRENT_VERSION, lessons: map } as ProgressRecord;
        const { record: out } = compactRecord(record, Math.min(limit, COMPACT_ABOVE_BYTES));
        const read = readRecord(JSON.stringify(out));
        if (read.kind !== 'ok') return Object.keys(out.lessons).length > MAX_LESSONS && completedSlugs(out).length > MAX_LESSONS;
        const passed = (r: ProgressRecord) => Object.keys(r.lessons).filter((s) => r.lessons[s].quiz?.passedAt);
        return completedSlugs(read.record).length === completedSlugs(record).length && passed(read.record).length === passed(record).length;
      }),
      { numRuns: 30 },
    );
  });
});
