// The progress record: its shape, validation, migration, merge and compaction. Pure functions, no
// storage. Hand-written validation rather than zod: this runs on every page and must stay tiny.
import { key } from '../../platform/storage';

export const PROGRESS_KEY = key('progress');
export const CURRENT_VERSION = 4;
/** A record larger than this is not what this course writes: it is kept aside, not parsed. */
export const MAX_RECORD_BYTES = 200_000;
/** The largest course this record supports, and the most a quiz's last answers may take. */
export const MAX_LESSONS = 500;
export const MAX_ANSWERS_BYTES = 20_000;
/** The store compacts a record above this size (well under the read limit): ./compact.ts. */
export const COMPACT_ABOVE_BYTES = 150_000;
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

/** A review card (src/features/review): one answered question's spaced-review state. Short field
 *  names keep a whole course's cards small. Dates are ISO strings (the scheduler revives them). */
export interface ReviewCard {
  /** The latest review (or the quiz answer that made the card) and when it is due again. */
  at: string;
  due: string;
  /** The last grade (FSRS: 1 again … 4 easy), reviews and lapses so far. */
  g: number;
  n: number;
  l: number;
  /** FSRS memory state; absent on a card made from a quiz answer (the scheduler replays that answer). */
  s?: number;
  d?: number;
  st?: number;
}

export interface ProgressRecord {
  version: typeof CURRENT_VERSION;
  lessons: Record<string, LessonProgress>;
  assessment?: QuizProgress;
  /** Review cards by "<lesson>/<question id>" (version 4). */
  review?: Record<string, ReviewCard>;
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
export type Kind = 'e' | 'l' | 'n' | 'q' | 'a' | 'r';
export const QUIZ: Record<string, Kind> = { attempts: 'n', best: 'n', total: 'n', seed: 'n', passedAt: 'e', practisedAt: 'e', lastAt: 'l', last: 'a' };
export const LESSON: Record<string, Kind> = { visitedAt: 'e', reachedEndAt: 'e', completedAt: 'e', quiz: 'q' };

/** Review cards: at most this many (every question of a large course). */
export const MAX_REVIEW_CARDS = 4000;
const CARD_ID = /^[a-z0-9][a-z0-9-]{0,79}\/[a-z0-9][a-z0-9-]{0,79}$/;
/** A review card's fields: e/l a date, n a count, r a real number ≥ 0 (FSRS stability, difficulty). */
export const CARD: Record<string, Kind> = { at: 'l', due: 'l', g: 'n', n: 'n', l: 'n', s: 'r', d: 'r', st: 'n' };

/** Reads the review cards; null if malformed (lenient: drops the malformed cards). */
function readReview(value: unknown, lenient = false): Record<string, ReviewCard> | null {
  if (!isObject(value) || Object.keys(value).length > MAX_REVIEW_CARDS) return null;
  const cards: Record<string, ReviewCard> = {};
  for (const [id, entry] of Object.entries(value)) {
    const card = CARD_ID.test(id) ? readFields<ReviewCard>(entry, CARD) : null;
    if (card?.at && card.due) cards[id] = card;
    else if (!lenient) return null;
  }
  return cards;
}

export function emptyRecord(): ProgressRecord {
  return { version: CURRENT_VERSION, lessons: {} };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valid(kind: Kind, value: unknown): boolean {
  if (kind === 'n') return Number.isInteger(value) && (value as number) >= 0;
  if (kind === 'r') return typeof value === 'number' && value >= 0 && value < 1e9;
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
  const review = value.review === undefined ? undefined : readReview(value.review, lenient);
  if (!lessons || assessment === null) return lenient && lessons ? { version: CURRENT_VERSION, lessons, ...(review && { review }) } : null;
  if (review === null) return null;
  return { version: CURRENT_VERSION, lessons, ...(assessment && { assessment }), ...(review && { review }) };
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
  // v2 → v3 added optional quiz data and v3 → v4 optional review cards, so a v2 or v3 record reads
  // as v4 unchanged (its questions become review cards as they are answered from now on).
  const record = version === 1 ? migrateV1(value, now) : version >= 2 && version <= CURRENT_VERSION ? readCurrent(value) : null;
  if (record) return { kind: 'ok', record };
  // A newer course wrote this: read what we understand, and never write over it.
  if (version > CURRENT_VERSION) return { kind: 'newer', record: readCurrent(value, true) ?? emptyRecord() };
  return invalid;
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
