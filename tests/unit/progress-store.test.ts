import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createProgressStore, type CompletionRule, reachedEnd } from '../../src/lib/progress/store';
import { CURRENT_VERSION, PROGRESS_KEY, completedSlugs } from '../../src/lib/progress/record';
import { importProgress, exportProgress } from '../../src/lib/progress/transfer';
import { SharedStorage } from './fake-storage';

let clock = Date.parse('2026-05-01T00:00:00Z');
const now = () => new Date((clock += 1000));

function tab(shared: SharedStorage, id: number, rules?: CompletionRule[]) {
  const storage = shared.tab(id);
  const store = createProgressStore({ storage, now, rules });
  storage.listen((event) => store.onStorage(event));
  return store;
}

describe('completion rule', () => {
  test('a lesson completes only after its end was reached', () => {
    const store = tab(new SharedStorage(), 1);
    store.visit('intro');
    expect(store.complete('intro')).toBe(false);
    store.reachEnd('intro');
    expect(store.complete('intro')).toBe(true);
    expect(completedSlugs(store.record)).toEqual(['intro']);
  });

  test('more rules can be added without changing the store (as the quiz will)', () => {
    const passed = new Set<string>();
    const quizPassed: CompletionRule = (slug) => passed.has(slug);
    const store = tab(new SharedStorage(), 1, [reachedEnd, quizPassed]);
    store.reachEnd('intro');
    expect(store.complete('intro')).toBe(false);
    passed.add('intro');
    expect(store.complete('intro')).toBe(true);
  });
});

describe('persistence and faults', () => {
  test('progress survives a reload', () => {
    const shared = new SharedStorage();
    const first = tab(shared, 1);
    first.reachEnd('intro');
    first.complete('intro');
    const reloaded = tab(shared, 2);
    expect(completedSlugs(reloaded.record)).toEqual(['intro']);
    expect(reloaded.problem).toBeNull();
  });

  test('storage that throws on every call: works in memory and says so', () => {
    const shared = new SharedStorage();
    shared.fault = 'throw';
    const store = tab(shared, 1);
    expect(store.problem).toBe('unavailable');
    store.reachEnd('intro');
    expect(store.complete('intro')).toBe(true);
    expect(completedSlugs(store.record)).toEqual(['intro']);
  });

  test('no storage at all (null): works in memory', () => {
    const store = createProgressStore({ storage: null, now });
    store.reachEnd('a');
    expect(store.complete('a')).toBe(true);
    expect(store.problem).toBe('unavailable');
  });

  test('quota exceeded: keeps the completion in memory, reports quota, keeps what was stored', () => {
    const shared = new SharedStorage();
    const store = tab(shared, 1);
    store.reachEnd('intro');
    store.complete('intro');
    shared.fault = 'quota';
    store.reachEnd('history');
    store.complete('history');
    expect(store.problem).toBe('quota');
    expect(completedSlugs(store.record).sort()).toEqual(['history', 'intro']);
    expect(JSON.parse(shared.data.get(PROGRESS_KEY)!).lessons.intro.completedAt).toBeTruthy();
  });

  test('corrupt JSON is kept aside under another key, then a fresh record starts', () => {
    const shared = new SharedStorage();
    shared.data.set(PROGRESS_KEY, '{"version":2,"lessons":{"intro":');
    const store = tab(shared, 1);
    expect(store.problem).toBe('recovered');
    const aside = [...shared.data.keys()].find((k) => k.startsWith(`${PROGRESS_KEY}:unreadable:`));
    expect(aside && shared.data.get(aside)).toBe('{"version":2,"lessons":{"intro":');
    store.reachEnd('intro');
    store.complete('intro');
    expect(JSON.parse(shared.data.get(PROGRESS_KEY)!).lessons.intro.completedAt).toBeTruthy();
  });

  test('corrupt data that cannot be kept aside is left untouched', () => {
    const shared = new SharedStorage();
    shared.data.set(PROGRESS_KEY, 'garbage');
    shared.data.set('filler', 'x');
    const storage = shared.tab(1);
    const original = storage.setItem;
    storage.setItem = (key, value) => {
      if (key !== PROGRESS_KEY) throw new DOMException('full', 'QuotaExceededError');
      original(key, value);
    };
    const store = createProgressStore({ storage, now });
    expect(store.problem).toBe('unreadable');
    store.reachEnd('intro');
    store.complete('intro');
    expect(shared.data.get(PROGRESS_KEY)).toBe('garbage');
    expect(completedSlugs(store.record)).toEqual(['intro']);
  });

  test('a v1 record is migrated and its completions kept', () => {
    const shared = new SharedStorage();
    shared.data.set(PROGRESS_KEY, JSON.stringify({ version: 1, completed: ['intro'] }));
    const store = tab(shared, 1);
    expect(completedSlugs(store.record)).toEqual(['intro']);
    store.visit('history');
    expect(JSON.parse(shared.data.get(PROGRESS_KEY)!).version).toBe(CURRENT_VERSION);
  });

  test('a record from a newer version is read but never written over', () => {
    const shared = new SharedStorage();
    const newer = JSON.stringify({ version: CURRENT_VERSION + 1, lessons: { intro: { completedAt: '2026-01-01T00:00:00.000Z' } }, badges: ['x'] });
    shared.data.set(PROGRESS_KEY, newer);
    const store = tab(shared, 1);
    expect(store.problem).toBe('newer');
    expect(completedSlugs(store.record)).toEqual(['intro']);
    store.reachEnd('history');
    store.complete('history');
    expect(shared.data.get(PROGRESS_KEY)).toBe(newer);
  });
});

describe('two tabs', () => {
  test('a completion in one tab appears in the other (storage event)', () => {
    const shared = new SharedStorage();
    const a = tab(shared, 1);
    const b = tab(shared, 2);
    let heard = 0;
    b.subscribe(() => heard++);
    a.reachEnd('intro');
    a.complete('intro');
    expect(completedSlugs(b.record)).toEqual(['intro']);
    expect(heard).toBeGreaterThan(0);
  });

  test('concurrent writes from stale tabs merge: no completion is lost', () => {
    const shared = new SharedStorage();
    // Tabs that never hear each other's events (e.g. the event was missed).
    const a = createProgressStore({ storage: shared.tab(1), now });
    const b = createProgressStore({ storage: shared.tab(2), now });
    a.reachEnd('intro');
    a.complete('intro');
    b.reachEnd('history');
    b.complete('history');
    const stored = JSON.parse(shared.data.get(PROGRESS_KEY)!);
    expect(Object.keys(stored.lessons).sort()).toEqual(['history', 'intro']);
  });

  test('clearing in one tab clears the other', () => {
    const shared = new SharedStorage();
    const a = tab(shared, 1);
    const b = tab(shared, 2);
    a.reachEnd('intro');
    a.complete('intro');
    b.clear();
    expect(completedSlugs(a.record)).toEqual([]);
    expect(shared.data.has(PROGRESS_KEY)).toBe(false);
  });
});

describe('export and import', () => {
  test('round trip adds completions and never removes one', () => {
    const source = tab(new SharedStorage(), 1);
    source.reachEnd('intro');
    source.complete('intro');
    const file = exportProgress(source.record);
    const target = tab(new SharedStorage(), 2);
    target.reachEnd('history');
    target.complete('history');
    expect(importProgress(target, file)).toEqual({ ok: true, added: 1 });
    expect(completedSlugs(target.record).sort()).toEqual(['history', 'intro']);
  });

  test.each([
    ['not JSON', 'hello'],
    ['another JSON file', JSON.stringify({ version: 2, lessons: {} })],
    ['a damaged progress file', JSON.stringify({ format: 'ketamine-course-progress', version: 2, lessons: { intro: { completedAt: 5 } } })],
    ['a file from a newer version', JSON.stringify({ format: 'ketamine-course-progress', version: 7, lessons: {} })],
  ])('rejects %s and changes nothing', (_name, text) => {
    const store = tab(new SharedStorage(), 1);
    store.reachEnd('intro');
    store.complete('intro');
    const before = JSON.stringify(store.record);
    const result = importProgress(store, text);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(store.record)).toBe(before);
  });

  test('drops lessons the course does not have', () => {
    const file = exportProgress({ version: 3, lessons: { intro: { completedAt: '2026-01-01T00:00:00Z' }, ghost: { completedAt: '2026-01-01T00:00:00Z' } } });
    const store = tab(new SharedStorage(), 1);
    importProgress(store, file, new Set(['intro']));
    expect(Object.keys(store.record.lessons)).toEqual(['intro']);
  });
});

// Random sequences of learner actions, storage faults, other-tab writes and imports: whatever
// happens, the set of completed lessons only grows.
describe('property: completions only grow', () => {
  const slug = fc.constantFrom('intro', 'history', 'synapse', 'evidence');
  const op = fc.oneof(
    fc.record({ kind: fc.constant('visit' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('reachEnd' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('complete' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('fault' as const), fault: fc.constantFrom('none', 'throw', 'quota') as fc.Arbitrary<'none' | 'throw' | 'quota'> }),
    fc.record({ kind: fc.constant('corrupt' as const), raw: fc.oneof(fc.string(), fc.constant('{"version":2'), fc.constant('{"version":1,"completed":["intro"]}')) }),
    fc.record({ kind: fc.constant('import' as const), text: fc.string(), tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('reload' as const), tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('quiz' as const), slug, tab: fc.nat(1), score: fc.nat(6), passed: fc.constantFrom(true, false, null) }),
  );
  // What counts as earned: completed lessons, passed or practised quizzes.
  const earnedIn = (store: ReturnType<typeof tab>) =>
    new Set([
      ...completedSlugs(store.record),
      ...Object.entries(store.record.lessons).flatMap(([s, e]) => [e.quiz?.passedAt && `${s}:passed`, e.quiz?.practisedAt && `${s}:practised`].filter(Boolean) as string[]),
    ]);

  test('in every tab (completions, quiz passes, practice)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const shared = new SharedStorage();
        const tabs = [tab(shared, 0), tab(shared, 1)];
        const earned = [new Set<string>(), new Set<string>()];
        for (const o of ops) {
          if (o.kind === 'fault') shared.fault = o.fault;
          else if (o.kind === 'corrupt') shared.data.set(PROGRESS_KEY, o.raw);
          else if (o.kind === 'reload') {
            // A reload keeps only what was stored; what lived in memory only is gone by design.
            tabs[o.tab] = tab(shared, o.tab);
            earned[o.tab] = earnedIn(tabs[o.tab]);
          } else if (o.kind === 'import') importProgress(tabs[o.tab], o.text);
          else if (o.kind === 'visit') tabs[o.tab].visit(o.slug);
          else if (o.kind === 'reachEnd') tabs[o.tab].reachEnd(o.slug);
          else if (o.kind === 'complete') tabs[o.tab].complete(o.slug, { quiz: o.slug === 'evidence' });
          else if (o.kind === 'quiz') tabs[o.tab].recordQuiz(o.slug, { score: o.score, total: 6, passed: o.passed, answers: { q: o.score } });
          for (const i of [0, 1]) {
            const now = earnedIn(tabs[i]);
            for (const s of earned[i]) if (!now.has(s)) return false;
            earned[i] = now;
          }
        }
        return true;
      }),
      { numRuns: 400 },
    );
  });

  test('what was stored survives a reload unless storage failed', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(slug, fc.boolean()), { maxLength: 20 }), (steps) => {
        const shared = new SharedStorage();
        const store = tab(shared, 0);
        for (const [s, finish] of steps) {
          store.reachEnd(s);
          if (finish) store.complete(s);
        }
        const reloaded = tab(shared, 1);
        return JSON.stringify(completedSlugs(reloaded.record).sort()) === JSON.stringify(completedSlugs(store.record).sort());
      }),
    );
  });
});

describe('quizzes and the assessment', () => {
  const right = { score: 5, total: 6, passed: true, answers: { q1: 'a' } };
  const wrong = { score: 2, total: 6, passed: false, answers: { q1: 'b' } };

  test('a lesson with a quiz completes only once the quiz is passed', () => {
    const store = tab(new SharedStorage(), 1);
    store.reachEnd('evidence');
    expect(store.complete('evidence', { quiz: true })).toBe(false);
    store.recordQuiz('evidence', wrong);
    expect(store.complete('evidence', { quiz: true })).toBe(false);
    store.recordQuiz('evidence', right);
    expect(store.complete('evidence', { quiz: true })).toBe(true);
    expect(store.record.lessons.evidence.quiz).toMatchObject({ attempts: 2, best: 5, total: 6, last: { q1: 'a' } });
  });

  test('practice mode (no pass/fail) records that the learner practised, and completes the lesson', () => {
    const store = tab(new SharedStorage(), 1);
    store.reachEnd('evidence');
    store.recordQuiz('evidence', { ...wrong, passed: null });
    expect(store.record.lessons.evidence.quiz?.practisedAt).toBeTruthy();
    expect(store.record.lessons.evidence.quiz?.passedAt).toBeUndefined();
    expect(store.complete('evidence', { quiz: true })).toBe(true);
  });

  test('a worse later attempt never lowers the best score or undoes a pass', () => {
    const store = tab(new SharedStorage(), 1);
    store.recordQuiz('evidence', right);
    const passedAt = store.record.lessons.evidence.quiz?.passedAt;
    store.recordQuiz('evidence', wrong);
    expect(store.record.lessons.evidence.quiz).toMatchObject({ best: 5, passedAt, last: { q1: 'b' }, attempts: 2 });
  });

  test('quiz history survives a reload and reaches the other tab', () => {
    const shared = new SharedStorage();
    const a = tab(shared, 1);
    const b = tab(shared, 2);
    a.recordQuiz('evidence', right);
    expect(b.record.lessons.evidence.quiz?.best).toBe(5);
    expect(tab(shared, 3).record.lessons.evidence.quiz?.passedAt).toBeTruthy();
  });

  test('the assessment seed is stable until a retake, and a retake seed wins in every tab', () => {
    const shared = new SharedStorage();
    const a = tab(shared, 1);
    const b = tab(shared, 2);
    const seed = a.assessmentSeed();
    expect(a.assessmentSeed()).toBe(seed);
    expect(b.assessmentSeed()).toBe(seed);
    const next = b.assessmentSeed(true);
    expect(next).toBeGreaterThan(seed);
    expect(a.assessmentSeed()).toBe(next);
    a.recordAssessment({ score: 17, total: 18, passed: true, answers: {} });
    expect(tab(shared, 3).record.assessment).toMatchObject({ seed: next, best: 17, passedAt: expect.any(String) });
  });
});
