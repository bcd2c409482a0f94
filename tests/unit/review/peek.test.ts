// The header's due count: read-only, from the stored record, due before the end of today.
import { afterEach, describe, expect, test } from 'vitest';
import { dueCount } from '../../../src/features/review/peek';
import { firstCard } from '../../../src/features/review/first';

const T0 = new Date(2026, 11, 1, 10);
const DAY = 86_400_000;
const store = new Map<string, string>();
const put = (value: unknown) => store.set('ketamine-course:progress', typeof value === 'string' ? value : JSON.stringify(value));

afterEach(() => {
  store.clear();
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('dueCount', () => {
  test('counts the cards due by the end of today, and nothing else', () => {
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => store.get(k) ?? null };
    put({ version: 4, lessons: {}, review: { 'a/1': firstCard(T0, false), 'a/2': firstCard(T0, false), 'a/3': firstCard(T0, true) } });
    expect(dueCount(T0)).toBe(0);
    expect(dueCount(new Date(T0.getTime() + DAY))).toBe(2);
    // Early the next morning the missed ones are already due today.
    expect(dueCount(new Date(2026, 11, 2, 6))).toBe(2);
    expect(dueCount(new Date(T0.getTime() + 3 * DAY))).toBe(3);
  });

  test('no record, a record without review, unreadable JSON, storage that throws: none due', () => {
    expect(dueCount(T0)).toBe(0);
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: (k: string) => store.get(k) ?? null };
    put({ version: 3, lessons: {} });
    expect(dueCount(T0)).toBe(0);
    put('{"version":4,"review":');
    expect(dueCount(T0)).toBe(0);
    (globalThis as { localStorage?: unknown }).localStorage = { getItem: () => { throw new Error('denied'); } };
    expect(dueCount(T0)).toBe(0);
  });
});
