import { describe, expect, test } from 'vitest';
import {
  CURRENT_VERSION,
  MAX_RECORD_BYTES,
  completedSlugs,
  emptyRecord,
  lessonStatus,
  mergeRecords,
  readRecord,
  type ProgressRecord,
} from '../../src/lib/progress/record';

const T1 = '2026-01-01T10:00:00.000Z';
const T2 = '2026-02-01T10:00:00.000Z';
const NOW = '2026-03-01T00:00:00.000Z';

describe('readRecord', () => {
  test('reads a current record, quiz history and assessment included', () => {
    const quiz = { attempts: 2, best: 5, total: 6, passedAt: T2, lastAt: T2, last: { q1: 'a', q2: ['b', 'c'] } };
    const assessment = { attempts: 1, best: 17, total: 18, seed: 42, passedAt: T2 };
    const record = { version: 3, lessons: { intro: { visitedAt: T1, completedAt: T2, quiz } }, assessment };
    expect(readRecord(JSON.stringify(record))).toEqual({ kind: 'ok', record });
  });

  test('migrates v2 (no quiz data) to v3 unchanged but for the version', () => {
    const raw = JSON.stringify({ version: 2, lessons: { intro: { visitedAt: T1, completedAt: T2 } } });
    expect(readRecord(raw)).toEqual({ kind: 'ok', record: { version: 3, lessons: { intro: { visitedAt: T1, completedAt: T2 } } } });
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
    ['a negative attempt count', JSON.stringify({ version: 3, lessons: { intro: { quiz: { attempts: -1 } } } })],
    ['answers that are not an object', JSON.stringify({ version: 3, lessons: { intro: { quiz: { last: 'a' } } } })],
    ['an assessment best score as text', JSON.stringify({ version: 3, lessons: {}, assessment: { best: '17' } })],
    ['huge answers', JSON.stringify({ version: 3, lessons: { intro: { quiz: { last: { q: 'x'.repeat(30_000) } } } } })],
    ['too large', JSON.stringify({ version: 2, lessons: {}, pad: 'x'.repeat(MAX_RECORD_BYTES) })],
  ])('rejects %s', (_name, raw) => {
    expect(readRecord(raw).kind).toBe('invalid');
  });
});

describe('mergeRecords', () => {
  const a: ProgressRecord = { version: 3, lessons: { intro: { visitedAt: T2, completedAt: T2 }, history: { visitedAt: T1 } } };
  const b: ProgressRecord = { version: 3, lessons: { intro: { visitedAt: T1 }, synapse: { completedAt: T1 } } };

  test('keeps every completion, at its earliest time', () => {
    const merged = mergeRecords(a, b);
    expect(merged.lessons.intro).toEqual({ visitedAt: T1, completedAt: T2 });
    expect(completedSlugs(merged).sort()).toEqual(['intro', 'synapse']);
  });

  test('quiz history: more attempts, best score, first pass, and the latest answers win', () => {
    const x: ProgressRecord = { version: 3, lessons: { q: { quiz: { attempts: 3, best: 4, total: 6, lastAt: T2, last: { a: 1 } } } }, assessment: { seed: 7, best: 10 } };
    const y: ProgressRecord = { version: 3, lessons: { q: { quiz: { attempts: 1, best: 6, total: 6, passedAt: T1, lastAt: T1, last: { a: 2 } } } }, assessment: { seed: 9, passedAt: T1 } };
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
  const record = { version: 3, lessons: { a: { visitedAt: T1 }, b: { completedAt: T1 } } } as ProgressRecord;
  expect(lessonStatus(record, 'a')).toBe('in-progress');
  expect(lessonStatus(record, 'b')).toBe('completed');
  expect(lessonStatus(emptyRecord(), 'a')).toBe('not-started');
});
