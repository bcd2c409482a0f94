// Review state in the progress record: schema version 4, migration from the current (v3) record,
// validation, merge across tabs (latest review of a card wins; no review is lost), compaction.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CURRENT_VERSION, readRecord, type ProgressRecord, type ReviewCard } from '../../../src/features/progress/record';
import { mergeRecords } from '../../../src/features/progress/merge';
import { compactRecord } from '../../../src/features/progress/compact';
import { exportProgress } from '../../../src/features/progress/export';
import { importProgress } from '../../../src/features/progress/transfer';
import { createProgressStore } from '../../../src/features/progress/store';
import { review } from '../../../src/features/review/scheduler';
import { firstCard } from '../../../src/features/review/first';
import { SharedStorage, TabStorage } from '../fake-storage';

const T0 = new Date('2026-12-01T10:00:00Z');
const NOW = '2026-12-05T00:00:00.000Z';

describe('schema version 4 and migration', () => {
  test('the version is 4', () => expect(CURRENT_VERSION).toBe(4));

  test('a current v3 record (quiz history, assessment) migrates to v4 unchanged, with no review yet', () => {
    const v3 = {
      version: 3,
      lessons: { intro: { visitedAt: '2026-11-01T10:00:00.000Z', completedAt: '2026-11-02T10:00:00.000Z', quiz: { attempts: 2, best: 5, total: 6, passedAt: '2026-11-02T10:00:00.000Z', lastAt: '2026-11-02T10:00:00.000Z', last: { q1: 'a' } } } },
      assessment: { attempts: 1, best: 17, total: 18, seed: 42 },
    };
    const outcome = readRecord(JSON.stringify(v3), NOW);
    expect(outcome).toEqual({ kind: 'ok', record: { ...v3, version: 4 } });
    expect((outcome as { record: ProgressRecord }).record.review).toBeUndefined();
  });

  test('v1 and v2 records still migrate', () => {
    expect(readRecord(JSON.stringify({ version: 1, completed: ['intro'] }), NOW)).toMatchObject({ kind: 'ok', record: { version: 4, lessons: { intro: { completedAt: NOW } } } });
    expect(readRecord(JSON.stringify({ version: 2, lessons: { intro: { visitedAt: NOW } } }), NOW)).toEqual({ kind: 'ok', record: { version: 4, lessons: { intro: { visitedAt: NOW } } } });
  });

  test('a v4 record with review cards reads back exactly', () => {
    const cards = { 'intro/q1': firstCard(T0, false), 'intro/q2': review(firstCard(T0, true), true, new Date('2026-12-04T10:00:00Z')) };
    const record: ProgressRecord = { version: 4, lessons: {}, review: cards };
    expect(readRecord(JSON.stringify(record), NOW)).toEqual({ kind: 'ok', record });
  });

  test.each([
    ['a card id without its lesson', { q1: firstCard(T0, true) }],
    ['a due date that is not a date', { 'intro/q1': { ...firstCard(T0, true), due: 'soon' } }],
    ['a negative review count', { 'intro/q1': { ...firstCard(T0, true), n: -1 } }],
    ['a stability as text', { 'intro/q1': { ...firstCard(T0, true), s: '3' } }],
    ['a card without its due date', { 'intro/q1': { at: NOW, g: 1, n: 1, l: 0 } }],
  ])('refuses %s', (_, review) => {
    expect(readRecord(JSON.stringify({ version: 4, lessons: {}, review }), NOW).kind).toBe('invalid');
  });

  test('a newer version’s cards are read leniently (shown), never written over', () => {
    const outcome = readRecord(JSON.stringify({ version: 5, lessons: {}, review: { 'intro/q1': firstCard(T0, true), bad: 1 } }), NOW);
    expect(outcome.kind).toBe('newer');
    expect(outcome.kind === 'newer' && Object.keys(outcome.record.review!)).toEqual(['intro/q1']);
  });
});

// ── Merge across tabs ──────────────────────────────────────────────────────────────────────
const ids = fc.constantFrom('intro/q1', 'intro/q2', 'dose/q1', 'dose/q2');
/** One review in some tab: which card, when (minutes after T0), and whether it was right. */
const aReview = fc.record({ id: ids, minute: fc.integer({ min: 0, max: 60 * 24 * 60 }), correct: fc.boolean() });

describe('merge of review state', () => {
  test('property: the latest review of a card wins and no reviewed card is lost, in any order of merging', () => {
    fc.assert(
      fc.property(fc.array(fc.array(aReview, { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (tabs) => {
        // Each tab's record: its reviews applied in time order, the way a tab schedules them.
        const records: ProgressRecord[] = tabs.map((reviews) => {
          const cards: Record<string, ReviewCard> = {};
          for (const r of [...reviews].sort((a, b) => a.minute - b.minute)) cards[r.id] = review(cards[r.id], r.correct, new Date(T0.getTime() + r.minute * 60_000));
          return { version: 4, lessons: {}, review: cards };
        });
        const forward = records.reduce((a, b) => mergeRecords(a, b));
        const backward = [...records].reverse().reduce((a, b) => mergeRecords(a, b));
        const cards = forward.review ?? {};
        const seen = new Set(tabs.flat().map((r) => r.id));
        expect(new Set(Object.keys(cards))).toEqual(seen);
        for (const id of seen) {
          const latest = Math.max(...records.map((r) => (r.review?.[id] ? Date.parse(r.review[id].at) : -Infinity)));
          expect(Date.parse(cards[id].at)).toBe(latest);
          // Whichever order the tabs' records meet in, the same card wins.
          expect(backward.review?.[id]).toEqual(cards[id]);
        }
        // Idempotent: merging again changes nothing.
        expect(mergeRecords(forward, forward)).toEqual(forward);
      }),
    );
  });

  test('two tabs through the real store: both reviews survive, the later one of the same card wins', () => {
    const shared = new SharedStorage();
    let clock = T0;
    const a = createProgressStore({ storage: shared.tab(1), tab: new TabStorage(), now: () => clock });
    const b = createProgressStore({ storage: shared.tab(2), tab: new TabStorage(), now: () => clock });
    const put = (store: typeof a, id: string, correct: boolean) =>
      store.update((record) => ({ version: record.version, lessons: {}, review: { [id]: review(record.review?.[id], correct, clock) } }));
    put(a, 'intro/q1', false);
    clock = new Date(T0.getTime() + 60_000);
    put(b, 'intro/q2', true); // b never saw a's write through an event: it reads storage first
    clock = new Date(T0.getTime() + 120_000);
    put(b, 'intro/q1', true);
    const stored = readRecord(shared.data.get([...shared.data.keys()].find((k) => k.endsWith(':progress'))!)!, NOW);
    expect(stored.kind).toBe('ok');
    const cards = (stored as { record: ProgressRecord }).record.review!;
    expect(Object.keys(cards).sort()).toEqual(['intro/q1', 'intro/q2']);
    expect(cards['intro/q1'].g).toBe(3);
    expect(cards['intro/q1'].n).toBe(2);
  });
});

describe('export, import and compaction', () => {
  test('a progress file carries the review state, and importing it merges cards in', () => {
    const record: ProgressRecord = { version: 4, lessons: {}, review: { 'intro/q1': firstCard(T0, false) } };
    const file = exportProgress(record, T0);
    const store = createProgressStore({ storage: new SharedStorage().tab(1), tab: new TabStorage() });
    store.update((r) => ({ ...r, review: { 'dose/q1': firstCard(T0, true) } }));
    expect(importProgress(store, file)).toEqual({ ok: true, added: 0 });
    expect(Object.keys(store.record.review!).sort()).toEqual(['dose/q1', 'intro/q1']);
  });

  test('compaction drops the cards due furthest away first, and keeps completions', () => {
    const review: Record<string, ReviewCard> = {};
    for (let i = 0; i < 400; i++) review[`lesson-${i % 40}/question-${i}`] = { ...firstCard(T0, true), due: new Date(T0.getTime() + i * 86_400_000).toISOString() };
    const record: ProgressRecord = { version: 4, lessons: { intro: { completedAt: NOW } }, review };
    const { record: small, dropped } = compactRecord(record, 20_000);
    expect(dropped).toBe(true);
    expect(JSON.stringify(small).length).toBeLessThanOrEqual(20_000);
    expect(small.lessons.intro.completedAt).toBe(NOW);
    const kept = Object.keys(small.review!);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toContain('lesson-0/question-0');
    expect(kept).not.toContain('lesson-39/question-399');
  });
});
