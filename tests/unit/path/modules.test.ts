// The home page's modules (src/features/path/modules.ts): each module's progress words and the
// module that opens, from real progress records (readRecord, as the page reads them).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { modulePath } from '../../../src/features/path/modules';
import { emptyRecord, readRecord, type ProgressRecord } from '../../../src/features/progress/record';

const AT = '2026-12-02T10:00:00.000Z';
const MODULES = [['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h', 'i'], ['j', 'k']];
/** A stored record, read back as the page reads it: `done` complete, `begun` visited only. */
function record(done: string[], begun: string[] = []): ProgressRecord {
  const lessons = Object.fromEntries([...begun.map((s) => [s, { visitedAt: AT }]), ...done.map((s) => [s, { visitedAt: AT, completedAt: AT }])]);
  const read = readRecord(JSON.stringify({ ...emptyRecord(), lessons }), AT);
  if (read.kind !== 'ok') throw new Error(`test record not readable: ${read.kind}`);
  return read.record;
}

describe('modulePath', () => {
  it('a new learner: nothing complete anywhere, Module 1 open', () => {
    expect(modulePath(emptyRecord(), MODULES)).toEqual([['0 of 3 complete', '0 of 3 complete', '0 of 3 complete', '0 of 2 complete'], 1]);
  });

  it('a lesson begun but not completed counts for nothing, and keeps its module current', () => {
    expect(modulePath(record([], ['a', 'b']), MODULES)).toEqual([['0 of 3 complete', '0 of 3 complete', '0 of 3 complete', '0 of 2 complete'], 1]);
  });

  it('a module all complete says "Complete"; the next module, with the first lesson not complete, opens', () => {
    expect(modulePath(record(['a', 'b', 'c', 'd']), MODULES)).toEqual([['Complete', '1 of 3 complete', '0 of 3 complete', '0 of 2 complete'], 2]);
  });

  it('the first lesson not complete decides, not the furthest: a gap in Module 1 keeps it open', () => {
    // Lessons 2 to 7 done out of order; Lesson 1 is still to do.
    expect(modulePath(record(['b', 'c', 'd', 'e', 'f', 'g']), MODULES)).toEqual([['2 of 3 complete', 'Complete', '1 of 3 complete', '0 of 2 complete'], 1]);
  });

  it('only the last lesson left: the last module is open', () => {
    expect(modulePath(record(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']), MODULES)).toEqual([['Complete', 'Complete', 'Complete', '1 of 2 complete'], 4]);
  });

  it('every lesson complete: every module says so, and Module 1 is open (a review starts at Lesson 1)', () => {
    expect(modulePath(record(MODULES.flat()), MODULES)).toEqual([['Complete', 'Complete', 'Complete', 'Complete'], 1]);
  });

  it('completions of lessons the course does not have change nothing', () => {
    expect(modulePath(record(['zz', 'old-lesson']), MODULES)).toEqual(modulePath(emptyRecord(), MODULES));
  });

  it('a page with no modules (a course not grouped, a module page): nothing to say, nothing to open', () => {
    expect(modulePath(record(['a']), [])).toEqual([[], 1]);
  });

  it('any record: the open module holds the first lesson not complete in course order, else it is Module 1', () => {
    const slugs = MODULES.flat();
    fc.assert(
      fc.property(fc.subarray(slugs), (done) => {
        const [words, current] = modulePath(record(done), MODULES);
        const first = slugs.find((s) => !done.includes(s));
        expect(current).toBe(first ? MODULES.findIndex((m) => m.includes(first)) + 1 : 1);
        MODULES.forEach((m, i) => {
          const n = m.filter((s) => done.includes(s)).length;
          expect(words[i]).toBe(n === m.length ? 'Complete' : `${n} of ${m.length} complete`);
        });
      }),
    );
  });
});
