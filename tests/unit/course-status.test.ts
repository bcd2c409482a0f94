// Course completion is defined once (src/features/path/course.ts): every lesson complete and the final
// assessment passed. The path, /progress/, the certificate and the lesson pages all ask it.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { courseStatus } from '../../src/features/path/course';

const slugs = ['a', 'b', 'c'];
const at = '2026-11-30T10:00:00.000Z';
const done = (...names: string[]) => Object.fromEntries(names.map((n) => [n, { completedAt: at }]));

describe('courseStatus', () => {
  it('a new learner: everything to do, the assessment locked', () => {
    expect(courseStatus({ lessons: {} }, slugs)).toEqual({ missing: slugs, done: 0, total: 3, assessment: 'locked', complete: false });
  });
  it('the assessment passed with one lesson done is not a complete course (issue 10, finding 2)', () => {
    const status = courseStatus({ lessons: done('a'), assessment: { passedAt: at } }, slugs);
    expect(status).toMatchObject({ missing: ['b', 'c'], done: 1, assessment: 'passed', complete: false });
  });
  it('every lesson done: the assessment is ready; passed: complete', () => {
    expect(courseStatus({ lessons: done('a', 'b', 'c') }, slugs)).toMatchObject({ assessment: 'ready', complete: false });
    expect(courseStatus({ lessons: done('a', 'b', 'c'), assessment: { passedAt: at } }, slugs)).toMatchObject({
      missing: [],
      assessment: 'passed',
      complete: true,
    });
  });
  it('a lesson visited but not completed, or a lesson the course does not have, counts for nothing', () => {
    const status = courseStatus({ lessons: { ...done('a', 'b', 'zz'), c: { visitedAt: at } as never }, assessment: { passedAt: at } }, slugs);
    expect(status).toMatchObject({ missing: ['c'], complete: false });
  });
  it('property: complete exactly when every lesson is complete and the assessment is passed', () => {
    fc.assert(
      fc.property(fc.subarray(slugs), fc.boolean(), (completed, passed) => {
        const status = courseStatus({ lessons: done(...completed), assessment: passed ? { passedAt: at } : undefined }, slugs);
        expect(status.complete).toBe(passed && completed.length === slugs.length);
        expect(status.done + status.missing.length).toBe(slugs.length);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS) || 100 },
    );
  });
});
