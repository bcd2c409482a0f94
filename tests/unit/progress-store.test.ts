// The progress store (src/features/progress/store.ts) under every fault: storage off, full,
// failing mid-way, corrupt, older, newer, two tabs. Issue 11's findings 1–6 each have a test here
// (named "finding N") or in tests/unit/progress-record.test.ts, and in tests/e2e/progress-faults.spec.ts.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createProgressStore, type CompletionRule, reachedEnd } from '../../src/features/progress/store';
import { CURRENT_VERSION, PROGRESS_KEY, completedSlugs, readRecord } from '../../src/features/progress/record';
import { peekProgress } from '../../src/features/progress/peek';
import { importProgress, exportProgress } from '../../src/features/progress/transfer';
import { SharedStorage, TabStorage } from './fake-storage';

let clock = Date.parse('2026-05-01T00:00:00Z');
const now = () => new Date((clock += 1000));

/** A tab of the course: the store on the shared storage, with this tab's own tab-long storage. */
function tab(shared: SharedStorage, id: number, rules?: CompletionRule[], own: TabStorage | null = new TabStorage()) {
  const storage = shared.tab(id);
  const store = createProgressStore({ storage, tab: own, now, rules });
  storage.listen((event) => store.onStorage(event));
  return Object.assign(store, { own });
}

describe('completion rule', () => {
  test('a lesson completes only after its end was reached', () => {
    const store = tab(new SharedStorage(), 1);
    store.visit('intro');
    expect(store.complete('intro').done).toBe(false);
    store.reachEnd('intro');
    expect(store.complete('intro').done).toBe(true);
    expect(completedSlugs(store.record)).toEqual(['intro']);
  });

  test('more rules can be added without changing the store (as the quiz will)', () => {
    const passed = new Set<string>();
    const quizPassed: CompletionRule = (slug) => passed.has(slug);
    const store = tab(new SharedStorage(), 1, [reachedEnd, quizPassed]);
    store.reachEnd('intro');
    expect(store.complete('intro').done).toBe(false);
    passed.add('intro');
    expect(store.complete('intro').done).toBe(true);
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
    expect(reloaded.status).toEqual({ kept: 'device', problem: null });
  });

  test('finding 3: storage that throws on every call keeps progress in the tab, across pages of it', () => {
    const shared = new SharedStorage();
    shared.fault = 'throw';
    const store = tab(shared, 1);
    expect(store.status).toEqual({ kept: 'tab', problem: 'unavailable' });
    store.reachEnd('intro');
    expect(store.complete('intro')).toEqual({ kept: 'tab', problem: 'unavailable', done: true });
    // The next page of the same tab reads what this one kept: "until you close this tab" is true.
    const next = tab(shared, 1, undefined, store.own);
    expect(completedSlugs(next.record)).toEqual(['intro']);
    expect(peekProgress({ storage: shared.tab(3), tab: store.own }).record.lessons.intro?.completedAt).toBeTruthy();
  });

  test('finding 3: with nowhere to keep anything, the store says progress lasts only on this page', () => {
    const store = createProgressStore({ storage: null, tab: null, now });
    store.reachEnd('a');
    expect(store.complete('a')).toEqual({ kept: 'page', problem: 'off', done: true });
    expect(store.status).toEqual({ kept: 'page', problem: 'off' });
  });

  test('quota exceeded: keeps what was stored, and the new completion in the tab; says quota', () => {
    const shared = new SharedStorage();
    const store = tab(shared, 1);
    store.reachEnd('intro');
    store.complete('intro');
    shared.fault = 'quota';
    store.reachEnd('history');
    expect(store.complete('history')).toEqual({ kept: 'tab', problem: 'quota', done: true });
    expect(completedSlugs(store.record).sort()).toEqual(['history', 'intro']);
    expect(JSON.parse(shared.data.get(PROGRESS_KEY)!).lessons.intro.completedAt).toBeTruthy();
    expect(JSON.parse(store.own!.data.get(PROGRESS_KEY)!).lessons.history.completedAt).toBeTruthy();
    // Space again: the next write goes to the device, and the problem is over.
    shared.fault = 'none';
    expect(store.visit('synapse')).toEqual({ kept: 'device', problem: null });
    expect(completedSlugs(JSON.parse(shared.data.get(PROGRESS_KEY)!) as never).sort()).toEqual(['history', 'intro']);
    expect(store.own!.data.has(PROGRESS_KEY)).toBe(false);
  });

  test('finding 1: storage full on every write, the probe included: what is stored is shown, and "full" is said', () => {
    const shared = new SharedStorage();
    const writer = tab(shared, 1);
    writer.reachEnd('intro');
    writer.complete('intro');
    writer.recordAssessment({ score: 17, total: 18, passed: true, answers: {} });
    shared.fault = 'quota';
    // A read-only page (the path, the certificate) and a page with the store agree.
    const view = peekProgress({ storage: shared.tab(2), tab: new TabStorage() });
    expect(view.problem).toBe('quota');
    expect(completedSlugs(view.record)).toEqual(['intro']);
    expect(view.record.assessment?.passedAt).toBeTruthy();
    const store = tab(shared, 3);
    expect(store.status).toEqual({ kept: 'tab', problem: 'quota' });
    expect(completedSlugs(store.record)).toEqual(['intro']);
    expect(store.record.assessment?.passedAt).toBeTruthy();
  });

  test('finding 2: storage fills while a quiz is finished: the outcome says so, once, to every listener', () => {
    const shared = new SharedStorage();
    const store = tab(shared, 1);
    const heard: Array<string | null> = [];
    store.subscribe((_record, status) => heard.push(status.problem));
    store.visit('evidence');
    store.reachEnd('evidence');
    shared.fault = 'quota';
    const outcome = store.recordQuiz('evidence', { score: 6, total: 6, passed: true, answers: { q: 1 } });
    expect(outcome).toEqual({ kept: 'tab', problem: 'quota' });
    expect(heard.at(-1)).toBe('quota');
    expect(store.record.lessons.evidence.completedAt).toBeTruthy();
    // Not on the device, but in the tab, where the next page of this tab finds it.
    expect(JSON.parse(shared.data.get(PROGRESS_KEY)!).lessons.evidence.completedAt).toBeUndefined();
    expect(tab(shared, 1, undefined, store.own).record.lessons.evidence.completedAt).toBeTruthy();
  });

  test('corrupt JSON is kept aside under another key, then a fresh record starts', () => {
    const shared = new SharedStorage();
    shared.data.set(PROGRESS_KEY, '{"version":2,"lessons":{"intro":');
    const store = tab(shared, 1);
    expect(store.status.problem).toBe('recovered');
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
    const store = createProgressStore({ storage, tab: new TabStorage(), now });
    expect(store.status.problem).toBe('unreadable');
    store.reachEnd('intro');
    expect(store.complete('intro')).toEqual({ kept: 'tab', problem: 'unreadable', done: true });
    expect(shared.data.get(PROGRESS_KEY)).toBe('garbage');
    expect(completedSlugs(store.record)).toEqual(['intro']);
  });

  test('finding 4: a corrupt record is named the same on every page, whichever reads it first', () => {
    for (const first of ['path', 'lesson'] as const) {
      const shared = new SharedStorage();
      shared.data.set(PROGRESS_KEY, '{"version":3,"lessons":');
      const seen =
        first === 'path'
          ? [peekProgress({ storage: shared.tab(1), tab: new TabStorage() }).problem, tab(shared, 2).status.problem]
          : [tab(shared, 2).status.problem, peekProgress({ storage: shared.tab(1), tab: new TabStorage() }).problem];
      // The first reader keeps a copy and starts afresh, and says so; after that nothing is wrong.
      expect(seen).toEqual(['recovered', null]);
      expect([...shared.data.keys()].filter((k) => k.startsWith(`${PROGRESS_KEY}:unreadable:`))).toHaveLength(1);
      expect(readRecord(shared.data.get(PROGRESS_KEY)!).kind).toBe('ok');
    }
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
    expect(store.status.problem).toBe('newer');
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
    const file = exportProgress({ version: 4, lessons: { intro: { completedAt: '2026-01-01T00:00:00Z' }, ghost: { completedAt: '2026-01-01T00:00:00Z' } } });
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
    expect(store.complete('evidence', { quiz: true }).done).toBe(false);
    store.recordQuiz('evidence', wrong);
    expect(store.complete('evidence', { quiz: true }).done).toBe(false);
    store.recordQuiz('evidence', right);
    expect(store.complete('evidence', { quiz: true }).done).toBe(true);
    expect(store.record.lessons.evidence.quiz).toMatchObject({ attempts: 2, best: 5, total: 6, last: { q1: 'a' } });
  });

  test('practice mode (no pass/fail) records that the learner practised, and completes the lesson', () => {
    const store = tab(new SharedStorage(), 1);
    store.reachEnd('evidence');
    store.recordQuiz('evidence', { ...wrong, passed: null });
    expect(store.record.lessons.evidence.quiz?.practisedAt).toBeTruthy();
    expect(store.record.lessons.evidence.quiz?.passedAt).toBeUndefined();
    expect(store.complete('evidence', { quiz: true }).done).toBe(true);
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

describe('finding 5: a second tab clears while the first completes a quiz', () => {
  const pass = { score: 6, total: 6, passed: true, answers: { q: 'a' } };

  test.each(['visit', 'reachEnd', 'quiz'] as const)('clear before %s: what is earned after the clear is recorded, both tabs agree', (step) => {
    const shared = new SharedStorage();
    const first = tab(shared, 1);
    const second = tab(shared, 2);
    first.visit('intro');
    first.reachEnd('intro');
    first.complete('intro');
    const steps = { visit: () => first.visit('evidence'), reachEnd: () => first.reachEnd('evidence'), quiz: () => first.recordQuiz('evidence', pass) };
    const order = ['visit', 'reachEnd', 'quiz'] as const;
    for (const s of order) {
      if (s === step) second.clear();
      steps[s]();
    }
    // The clear removed what existed before it (lesson 1), not what was earned after it.
    const stored = readRecord(shared.data.get(PROGRESS_KEY)!);
    expect(stored.kind === 'ok' && completedSlugs(stored.record)).toEqual(['evidence']);
    expect(completedSlugs(first.record)).toEqual(['evidence']);
    expect(completedSlugs(second.record)).toEqual(['evidence']);
  });

  test('a clear while the quiz is open: passing it completes the lesson in the same write', () => {
    const shared = new SharedStorage();
    const first = tab(shared, 1);
    const second = tab(shared, 2);
    first.reachEnd('evidence');
    second.clear();
    expect(first.record.lessons.evidence).toBeUndefined();
    first.recordQuiz('evidence', pass);
    expect(first.record.lessons.evidence.completedAt).toBeTruthy();
    expect(second.record.lessons.evidence.completedAt).toBe(first.record.lessons.evidence.completedAt);
  });
});

// Writes failing at random points (the device refusing after N writes, or at any write; the tab's
// storage failing too): whatever happens, what a tab has earned only grows, and every write says
// truly where the record is now kept.
describe('property: a fault schedule', () => {
  const slug = fc.constantFrom('intro', 'history', 'synapse', 'evidence');
  const op = fc.oneof(
    fc.record({ kind: fc.constant('visit' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('reachEnd' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('complete' as const), slug, tab: fc.nat(1) }),
    fc.record({ kind: fc.constant('quiz' as const), slug, tab: fc.nat(1), score: fc.nat(6), passed: fc.constantFrom(true, false, null) }),
    fc.record({ kind: fc.constant('assessment' as const), tab: fc.nat(1), passed: fc.boolean() }),
    fc.record({ kind: fc.constant('failAfter' as const), writes: fc.nat(3) }),
    fc.record({ kind: fc.constant('device' as const), fault: fc.constantFrom('none', 'throw', 'quota') as fc.Arbitrary<'none' | 'throw' | 'quota'> }),
    fc.record({ kind: fc.constant('tabFault' as const), tab: fc.nat(1), fault: fc.constantFrom('none', 'quota') as fc.Arbitrary<'none' | 'quota'> }),
    fc.record({ kind: fc.constant('nextPage' as const), tab: fc.nat(1) }),
  );
  const earnedIn = (record: ReturnType<typeof tab>['record']) =>
    new Set([
      ...completedSlugs(record),
      ...Object.entries(record.lessons).flatMap(([s, e]) => (e.quiz?.passedAt ? [`${s}:passed`] : [])),
      ...(record.assessment?.passedAt ? ['assessment:passed'] : []),
    ]);

  test('completions only grow, and every write outcome is reported truly', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const shared = new SharedStorage();
        const tabs = [tab(shared, 0), tab(shared, 1)];
        const earned = [new Set<string>(), new Set<string>()];
        const lostOnPage = [new Set<string>(), new Set<string>()];
        for (const o of ops) {
          let outcome: { kept: string; problem: string | null } | undefined;
          const t = 'tab' in o ? tabs[o.tab] : undefined;
          const tabBefore = t?.own?.data.get(PROGRESS_KEY);
          const recordBefore = JSON.stringify(t?.record);
          if (o.kind === 'failAfter') shared.writesLeft = o.writes;
          else if (o.kind === 'device') shared.fault = o.fault;
          else if (o.kind === 'tabFault') tabs[o.tab].own!.fault = o.fault;
          else if (o.kind === 'nextPage') {
            // A new page in the same tab: what the device and this tab kept, nothing of memory.
            tabs[o.tab] = tab(shared, o.tab, undefined, tabs[o.tab].own);
            const kept = earnedIn(tabs[o.tab].record);
            // Everything earned is on the new page, or still on the device while it cannot be read
            // (storage off), or a write said it was kept only on the page it was earned on.
            const raw = readRecord(shared.data.get(PROGRESS_KEY) ?? 'null');
            const onDevice = raw.kind === 'invalid' ? new Set<string>() : earnedIn(raw.record);
            for (const s of earned[o.tab]) if (!kept.has(s) && !onDevice.has(s) && !lostOnPage[o.tab].has(s)) return false;
            earned[o.tab] = kept;
            lostOnPage[o.tab].clear();
          } else if (o.kind === 'visit') outcome = t!.visit(o.slug);
          else if (o.kind === 'reachEnd') outcome = t!.reachEnd(o.slug);
          else if (o.kind === 'complete') outcome = t!.complete(o.slug, { quiz: o.slug === 'evidence' });
          else if (o.kind === 'quiz') outcome = t!.recordQuiz(o.slug, { score: o.score, total: 6, passed: o.passed, answers: { q: o.score } });
          else if (o.kind === 'assessment') outcome = t!.recordAssessment({ score: 15, total: 18, passed: o.passed, answers: {} });
          // A write that changed nothing (a refused completion, a second visit) only reports the status.
          if (outcome && t && JSON.stringify(t.record) !== recordBefore) {
            // The outcome is the store's status, and it tells where the record went.
            if (JSON.stringify(outcome).indexOf(JSON.stringify(t.status).slice(1, -1)) < 0) return false;
            const mine = JSON.stringify(t.record);
            const device = shared.data.get(PROGRESS_KEY);
            const inTab = t.own?.data.get(PROGRESS_KEY);
            // Kept on the device: the device holds this tab's record now. (It may equal what it held
            // before: the same lesson reached again on a page that could not read the device.)
            if (outcome.kept === 'device' && device !== mine) return false;
            if (outcome.kept === 'tab' && (inTab !== mine || outcome.problem === null)) return false;
            if (outcome.kept === 'page' && (outcome.problem !== 'off' || inTab !== tabBefore)) return false;
            if (outcome.kept === 'page') for (const s of earnedIn(t.record)) lostOnPage[(o as { tab: number }).tab].add(s);
          }
          for (const i of [0, 1]) {
            const now = earnedIn(tabs[i].record);
            for (const s of earned[i]) if (!now.has(s)) return false;
            earned[i] = now;
          }
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
