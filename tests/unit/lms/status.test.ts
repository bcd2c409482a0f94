// Course status by the completion rules of src/course/config.ts, and the interaction formats of each
// standard (SCORM 1.2 single characters, SCORM 2004 [,] and [.], ISO and CMI timespans).
import { describe, expect, it } from 'vitest';
import { courseMap } from '../../../scripts/package.mjs';
import type { CourseMap } from '../../../src/features/lms/course-map';
import { courseStatus } from '../../../src/features/lms/status';
import { isoDuration, pendingInteractions, scorm12Response, scorm12Timespan, scorm2004Response } from '../../../src/features/lms/interactions';
import type { ProgressRecord } from '../../../src/features/progress/record';

const map: CourseMap = courseMap();
const T = '2026-03-01T10:00:00.000Z';
const allDone: ProgressRecord = { version: 4, lessons: Object.fromEntries(map.lessons.map((l) => [l.slug, { completedAt: T }])) };
const passed = (best: number, total = 18): ProgressRecord => ({ ...allDone, assessment: { attempts: 1, best, total, lastAt: T, last: {} } });

describe('course status', () => {
  it('follows the completion rule', () => {
    const partial: ProgressRecord = { version: 4, lessons: { [map.lessons[0].slug]: { completedAt: T } }, assessment: { attempts: 1, best: 18, total: 18 } };
    expect(courseStatus(allDone, map, 0.8, 'all-lessons')).toMatchObject({ completed: true, passed: null, score: null, progress: 1 });
    expect(courseStatus(partial, map, 0.8, 'all-lessons').completed).toBe(false);
    expect(courseStatus(partial, map, 0.8, 'assessment').completed).toBe(true);
    expect(courseStatus(partial, map, 0.8, 'all-lessons-and-assessment').completed).toBe(false);
    expect(courseStatus(passed(15), map, 0.8, 'all-lessons-and-assessment').completed).toBe(true);
    expect(courseStatus(passed(14), map, 0.8, 'all-lessons-and-assessment').completed).toBe(false);
  });

  it('scores the best attempt against the mastery score in force (the LMS may send its own)', () => {
    expect(courseStatus(passed(15), map, 0.8).score).toEqual({ raw: 15, max: 18, scaled: 0.8333 });
    expect(courseStatus(passed(15), map, 0.8).passed).toBe(true);
    expect(courseStatus(passed(15), map, 0.9).passed).toBe(false);
    expect(courseStatus(passed(14), map, 0.75).passed).toBe(true);
  });
});

describe('interactions', () => {
  const lesson = map.lessons.find((l) => l.questions.some((q) => q.type === 'matching'))!;
  const matching = lesson.questions.find((q) => q.type === 'matching')!;
  const ordering = map.lessons.flatMap((l) => l.questions).find((q) => q.type === 'ordering')!;

  it('only the attempts not reported yet, one per answered question, with the result', () => {
    const chosen = Object.fromEntries(matching.keys.map((k, i) => [k, matching.keys[(i + 1) % matching.keys.length]]));
    const record: ProgressRecord = { version: 4, lessons: { [lesson.slug]: { quiz: { attempts: 2, best: 1, total: 2, lastAt: T, last: { [matching.id]: chosen } } } } };
    const [pending] = pendingInteractions(record, {}, map);
    expect(pending.attempts).toBe(2);
    expect(pending.interactions).toHaveLength(1);
    const i = pending.interactions[0];
    expect(i).toMatchObject({ id: `${lesson.slug}/${matching.id}`, type: 'matching', result: false, time: T, description: matching.prompt });
    expect(scorm12Response(i.response, i.keys)).toMatch(/^[a-z]\.[a-z](,[a-z]\.[a-z])+$/);
    expect(scorm12Response(i.correct, i.keys)).toBe(matching.keys.map((_, n) => `${'abcdefghij'[n]}.${'abcdefghij'[n]}`).join(','));
    expect(scorm2004Response(i.correct)).toBe(matching.keys.map((k) => `${k}[.]${k}`).join('[,]'));
    expect(pendingInteractions(record, { [lesson.slug]: 2 }, map)).toEqual([]);
  });

  it('formats sequencing, true-false and durations as each standard allows', () => {
    const r = { kind: 'ids' as const, ids: [...ordering.keys].reverse() };
    expect(scorm12Response(r, ordering.keys)).toBe([...ordering.keys].map((_, n) => 'abcdefghijklmnopqrstuvwxyz'[n]).reverse().join(','));
    expect(scorm2004Response(r)).toBe([...ordering.keys].reverse().join('[,]'));
    expect(scorm12Response({ kind: 'bool', value: false }, [])).toBe('f');
    expect(scorm2004Response({ kind: 'bool', value: true })).toBe('true');
    expect(isoDuration(3_723_456)).toBe('PT1H2M3.46S');
    expect(isoDuration(1200)).toBe('PT1.2S');
    expect(scorm12Timespan(3_723_456)).toBe('0001:02:03.45');
  });
});
