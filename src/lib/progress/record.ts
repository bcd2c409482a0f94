// The progress record: its shape, validation, migration and merge. Pure functions, no storage.
// Hand-written validation rather than zod: this runs on every page and must stay tiny.

export const PROGRESS_KEY = 'ketamine-course:progress';
export const CURRENT_VERSION = 3;
/** A record larger than this is not what this course writes: it is kept aside, not parsed. */
export const MAX_RECORD_BYTES = 200_000;
const MAX_LESSONS = 500;
const MAX_ANSWERS_BYTES = 20_000;
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** A quiz's history (a lesson quiz, or the final assessment). */
export interface QuizProgress {
  attempts?: number;
  /** Best score (questions right) and the number of questions. */
  best?: number;
  total?: number;
  /** The final assessment's shuffle seed: stable on reload, new on a retake. */
  seed?: number;
  passedAt?: string;
  /** Finished in practice mode (no pass/fail). */
  practisedAt?: string;
  /** The last answers, kept for "retry keeps what was right" across reloads. */
  lastAt?: string;
  last?: Record<string, unknown>;
}

/** Per-lesson progress. Timestamps are ISO strings; once set they only move earlier on merge. */
export interface LessonProgress {
  visitedAt?: string;
  reachedEndAt?: string;
  completedAt?: string;
  quiz?: QuizProgress;
}

export interface ProgressRecord {
  version: typeof CURRENT_VERSION;
  lessons: Record<string, LessonProgress>;
  assessment?: QuizProgress;
}

/** Version 1, kept for migration: a flat list of completed slugs without dates. Version 2 is
 *  version 3 without quiz data, so it is read by the same rules. */
export interface ProgressRecordV1 {
  version: 1;
  completed: string[];
}

export type ReadOutcome =
  | { kind: 'ok'; record: ProgressRecord }
  | { kind: 'newer'; record: ProgressRecord }
  | { kind: 'invalid' };

/** How each field is validated and merged, so that merging never loses what a learner earned:
 *  e earliest date wins (first visit, completion, pass), l latest date wins, n largest number
 *  wins (attempts, best score), q a nested quiz record, a answers (follow the latest lastAt). */
type Kind = 'e' | 'l' | 'n' | 'q' | 'a';
const QUIZ: Record<string, Kind> = { attempts: 'n', best: 'n', total: 'n', seed: 'n', passedAt: 'e', practisedAt: 'e', lastAt: 'l', last: 'a' };
const LESSON: Record<string, Kind> = { visitedAt: 'e', reachedEndAt: 'e', completedAt: 'e', quiz: 'q' };

export function emptyRecord(): ProgressRecord {
  return { version: CURRENT_VERSION, lessons: {} };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valid(kind: Kind, value: unknown): boolean {
  if (kind === 'n') return Number.isInteger(value) && (value as number) >= 0;
  if (kind === 'a') return isObject(value) && JSON.stringify(value).length <= MAX_ANSWERS_BYTES;
  if (kind === 'q') return readFields(value, QUIZ) !== null;
  return typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));
}

/** Keeps the known, well-formed fields; null if a known field is malformed. Unknown fields are
 *  dropped (only a newer version writes them, and its records are never written over). */
function readFields<T>(value: unknown, fields: Record<string, Kind>): T | null {
  if (!isObject(value)) return null;
  const clean: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const v = value[field];
    if (v === undefined) continue;
    if (!valid(kind, v)) return null;
    clean[field] = kind === 'q' ? readFields(v, QUIZ) : v;
  }
  return clean as T;
}

/** Reads the lessons map; null if anything in it is malformed (lenient: drops the malformed parts). */
function readLessons(value: unknown, lenient = false): Record<string, LessonProgress> | null {
  if (!isObject(value) || Object.keys(value).length > MAX_LESSONS) return null;
  const lessons: Record<string, LessonProgress> = {};
  for (const [slug, entry] of Object.entries(value)) {
    const clean = SLUG.test(slug) ? readFields<LessonProgress>(entry, LESSON) : null;
    if (clean) lessons[slug] = clean;
    else if (!lenient) return null;
  }
  return lessons;
}

/** v1 → v3. v1 kept no dates: the migration time is the best honest upper bound. */
function migrateV1(value: Record<string, unknown>, now: string): ProgressRecord | null {
  const record = emptyRecord();
  if (!Array.isArray(value.completed)) return null;
  for (const slug of value.completed) {
    if (typeof slug !== 'string' || !SLUG.test(slug)) return null;
    record.lessons[slug] = { reachedEndAt: now, completedAt: now };
  }
  return record;
}

function readCurrent(value: Record<string, unknown>, lenient = false): ProgressRecord | null {
  const lessons = readLessons(value.lessons, lenient);
  const assessment = value.assessment === undefined ? undefined : readFields<QuizProgress>(value.assessment, QUIZ);
  if (!lessons || assessment === null) return lenient && lessons ? { version: CURRENT_VERSION, lessons } : null;
  return assessment ? { version: CURRENT_VERSION, lessons, assessment } : { version: CURRENT_VERSION, lessons };
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
  // v2 → v3 adds optional quiz data only, so a v2 record reads as v3 unchanged.
  const record = version === 1 ? migrateV1(value, now) : version === 2 || version === CURRENT_VERSION ? readCurrent(value) : null;
  if (record) return { kind: 'ok', record };
  // A newer course wrote this: read what we understand, and never write over it.
  if (version > CURRENT_VERSION) return { kind: 'newer', record: readCurrent(value, true) ?? emptyRecord() };
  return invalid;
}

function pick(kind: Kind, a: any, b: any): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (kind === 'n') return Math.max(a, b);
  if (kind === 'q') return mergeFields(a, b, QUIZ);
  const aFirst = Date.parse(a) <= Date.parse(b);
  return kind === 'e' ? (aFirst ? a : b) : aFirst ? b : a;
}

function mergeFields<T extends object>(a: T, b: T, fields: Record<string, Kind>): T {
  const merged: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = kind === 'a' ? undefined : pick(kind, (a as any)[field], (b as any)[field]);
    if (value !== undefined) merged[field] = value;
  }
  // The answers travel with the latest lastAt (ties: either side; both were real answers).
  if ('last' in fields) {
    const from = merged.lastAt === (b as any).lastAt && (b as any).last ? b : a;
    if ((from as any).last) merged.last = (from as any).last;
  }
  return merged as T;
}

/** Union of two records: nothing once earned is lost. Commutative up to ties, and idempotent. */
export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  const lessons: Record<string, LessonProgress> = {};
  for (const slug of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    lessons[slug] = mergeFields(a.lessons[slug] ?? {}, b.lessons[slug] ?? {}, LESSON);
  }
  const assessment = pick('q', a.assessment, b.assessment) as QuizProgress | undefined;
  return assessment ? { version: CURRENT_VERSION, lessons, assessment } : { version: CURRENT_VERSION, lessons };
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
