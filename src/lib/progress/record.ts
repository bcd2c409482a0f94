// The progress record: its shape, validation, migration and merge. Pure functions, no storage.
// Hand-written validation rather than zod: this runs on every page and must stay tiny.

export const PROGRESS_KEY = 'ketamine-course:progress';
export const CURRENT_VERSION = 2;
/** A record larger than this is not what this course writes: it is kept aside, not parsed. */
export const MAX_RECORD_BYTES = 200_000;
const MAX_LESSONS = 500;
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** Per-lesson progress. Timestamps are ISO strings; once set they only move earlier on merge. */
export interface LessonProgress {
  visitedAt?: string;
  reachedEndAt?: string;
  completedAt?: string;
}

export interface ProgressRecord {
  version: typeof CURRENT_VERSION;
  lessons: Record<string, LessonProgress>;
}

/** Version 1, kept for migration: a flat list of completed slugs without dates. */
export interface ProgressRecordV1 {
  version: 1;
  completed: string[];
}

export type ReadOutcome =
  | { kind: 'ok'; record: ProgressRecord; migratedFrom?: number }
  | { kind: 'newer'; record: ProgressRecord; version: number }
  | { kind: 'invalid'; reason: string };

const DATE_FIELDS = ['visitedAt', 'reachedEndAt', 'completedAt'] as const;

export function emptyRecord(): ProgressRecord {
  return { version: CURRENT_VERSION, lessons: {} };
}

function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the lessons map, keeping every well-formed entry and dropping only malformed fields. */
function readLessons(value: unknown, strict: boolean): Record<string, LessonProgress> | string {
  if (!isObject(value)) return 'lessons is not an object';
  const entries = Object.entries(value);
  if (entries.length > MAX_LESSONS) return 'too many lessons';
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, entry] of entries) {
    if (!SLUG.test(slug) || !isObject(entry)) {
      if (strict) return `lesson "${slug.slice(0, 40)}" is malformed`;
      continue;
    }
    const clean: LessonProgress = {};
    for (const field of DATE_FIELDS) {
      const date = entry[field];
      if (date === undefined) continue;
      if (!isIsoDate(date)) {
        if (strict) return `${slug}.${field} is not a date`;
        continue;
      }
      clean[field] = date;
    }
    lessons[slug] = clean;
  }
  return lessons;
}

function migrateV1(value: Record<string, unknown>, now: string): ProgressRecord | string {
  if (!Array.isArray(value.completed)) return 'v1 completed is not a list';
  const record = emptyRecord();
  for (const slug of value.completed) {
    if (typeof slug !== 'string' || !SLUG.test(slug)) return 'v1 completed has a malformed slug';
    // v1 kept no dates: the migration time is the best honest upper bound.
    record.lessons[slug] = { reachedEndAt: now, completedAt: now };
  }
  return record;
}

/** Parses and validates untrusted JSON (from storage or an imported file) into a current record. */
export function readRecord(raw: string, now: string = new Date().toISOString()): ReadOutcome {
  if (raw.length > MAX_RECORD_BYTES) return { kind: 'invalid', reason: 'too large' };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  if (!isObject(value) || typeof value.version !== 'number' || !Number.isInteger(value.version)) {
    return { kind: 'invalid', reason: 'no version' };
  }
  if (value.version === 1) {
    const migrated = migrateV1(value, now);
    return typeof migrated === 'string'
      ? { kind: 'invalid', reason: migrated }
      : { kind: 'ok', record: migrated, migratedFrom: 1 };
  }
  if (value.version === CURRENT_VERSION) {
    const lessons = readLessons(value.lessons, true);
    return typeof lessons === 'string'
      ? { kind: 'invalid', reason: lessons }
      : { kind: 'ok', record: { version: CURRENT_VERSION, lessons } };
  }
  if (value.version > CURRENT_VERSION) {
    // A newer course wrote this: read what we understand, and never write over it.
    const lessons = readLessons(value.lessons, false);
    return {
      kind: 'newer',
      version: value.version,
      record: { version: CURRENT_VERSION, lessons: typeof lessons === 'string' ? {} : lessons },
    };
  }
  return { kind: 'invalid', reason: `unknown version ${value.version}` };
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Union of two records: a field once set stays set, at its earliest time. Commutative and idempotent. */
export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  const lessons: Record<string, LessonProgress> = {};
  for (const slug of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    const x = a.lessons[slug] ?? {};
    const y = b.lessons[slug] ?? {};
    const merged: LessonProgress = {};
    for (const field of DATE_FIELDS) {
      const value = earliest(x[field], y[field]);
      if (value) merged[field] = value;
    }
    lessons[slug] = merged;
  }
  return { version: CURRENT_VERSION, lessons };
}

export function completedSlugs(record: ProgressRecord): string[] {
  return Object.keys(record.lessons).filter((slug) => record.lessons[slug].completedAt);
}

export type LessonStatus = 'not-started' | 'in-progress' | 'completed';

export function lessonStatus(record: ProgressRecord, slug: string): LessonStatus {
  const entry = record.lessons[slug];
  if (!entry) return 'not-started';
  return entry.completedAt ? 'completed' : 'in-progress';
}
