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
  | { kind: 'ok'; record: ProgressRecord }
  | { kind: 'newer'; record: ProgressRecord }
  | { kind: 'invalid' };

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

/** Reads the lessons map; null if anything in it is malformed (lenient: drops the malformed parts). */
function readLessons(value: unknown, lenient = false): Record<string, LessonProgress> | null {
  if (!isObject(value) || Object.keys(value).length > MAX_LESSONS) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, entry] of Object.entries(value)) {
    const clean: LessonProgress = {};
    let ok = SLUG.test(slug) && isObject(entry);
    for (const field of DATE_FIELDS) {
      const date = ok ? (entry as Record<string, unknown>)[field] : undefined;
      if (isIsoDate(date)) clean[field] = date;
      else if (date !== undefined) ok = false;
    }
    if (ok) lessons[slug] = clean;
    else if (!lenient) return null;
  }
  return lessons;
}

/** v1 → v2. v1 kept no dates: the migration time is the best honest upper bound. */
function migrateV1(value: Record<string, unknown>, now: string): ProgressRecord | null {
  const record = emptyRecord();
  if (!Array.isArray(value.completed)) return null;
  for (const slug of value.completed) {
    if (typeof slug !== 'string' || !SLUG.test(slug)) return null;
    record.lessons[slug] = { reachedEndAt: now, completedAt: now };
  }
  return record;
}

/** Parses and validates untrusted JSON (from storage or an imported file) into a current record. */
export function readRecord(raw: string, now: string = new Date().toISOString()): ReadOutcome {
  const invalid = { kind: 'invalid' } as const;
  if (raw.length > MAX_RECORD_BYTES) return invalid;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return invalid;
  }
  if (!isObject(value) || !Number.isInteger(value.version)) return invalid;
  const version = value.version as number;
  const record =
    version === 1 ? migrateV1(value, now) : version === CURRENT_VERSION ? wrap(readLessons(value.lessons)) : null;
  if (record) return { kind: 'ok', record };
  // A newer course wrote this: read what we understand, and never write over it.
  if (version > CURRENT_VERSION) return { kind: 'newer', record: wrap(readLessons(value.lessons, true)) ?? emptyRecord() };
  return invalid;
}

function wrap(lessons: Record<string, LessonProgress> | null): ProgressRecord | null {
  return lessons && { version: CURRENT_VERSION, lessons };
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
