// The one progress store. Every page script and island that writes progress goes through it.
// It keeps the record in memory, merges on every write with what is stored (another tab may have
// written since), and never lets a write fail silently: each write returns where the record is
// kept now, and `status` is the one place that says whether progress can be kept, and why.
// When the device's storage refuses (off, full, a newer version's record), what is earned is kept
// in this tab (src/platform/storage.ts `tab`) and the learner is told once (./notices.ts).
import { readValue, remove, write, type StorageLike } from '../../platform/storage';
import { loadProgress, probe, type ProgressProblem } from './peek';
import { mergeRecords } from './merge';
import { compactRecord } from './compact';
import {
  MAX_ANSWERS_BYTES,
  PROGRESS_KEY,
  emptyRecord,
  readRecord,
  type LessonProgress,
  type ProgressRecord,
  type QuizProgress,
} from './record';

export type { ProgressProblem } from './peek';

/** Where what is earned now is kept: on this device, in this tab until it closes, or only on this page. */
export type Kept = 'device' | 'tab' | 'page';

export interface ProgressStatus {
  kept: Kept;
  /** Why progress is not kept on the device, or what was found or done; null when all is well. */
  problem: ProgressProblem | null;
}

/** What a lesson asks of the learner beyond reaching its end (the page knows; the store does not). */
export interface Requirements {
  quiz?: boolean;
}

/** A rule a lesson must meet to be completed. */
export type CompletionRule = (slug: string, entry: LessonProgress, record: ProgressRecord, needs: Requirements) => boolean;

export const reachedEnd: CompletionRule = (_slug, entry) => Boolean(entry.reachedEndAt);

/** A lesson with a quiz also needs the quiz passed (mastery) or finished in practice mode. */
export const quizDone: CompletionRule = (_slug, entry, _record, needs) =>
  !needs.quiz || Boolean(entry.quiz?.passedAt || entry.quiz?.practisedAt);

/** One finished attempt at a quiz; `passed` is null in practice mode (no pass/fail). */
export interface Attempt {
  score: number;
  total: number;
  passed: boolean | null;
  answers: Record<string, unknown>;
}

export interface StoreOptions {
  /** The device's storage (localStorage through the door), or null when there is none. */
  storage: StorageLike | null;
  /** Where progress goes when the device's storage refuses it (sessionStorage, else the window's name). */
  tab?: StorageLike | null;
  key?: string;
  now?: () => Date;
  rules?: CompletionRule[];
}

/** Called after every change, with the record and the status after it. */
export type Listener = (record: ProgressRecord, status: ProgressStatus) => void;

/** Problems about where progress is kept, which a successful write on the device ends. */
const KEEPING: ReadonlySet<ProgressProblem | null> = new Set(['unavailable', 'quota', 'off']);

export function createProgressStore({ storage, tab = null, key = PROGRESS_KEY, now = () => new Date(), rules = [reachedEnd, quizDone] }: StoreOptions) {
  let record = emptyRecord();
  let problem: ProgressProblem | null = null;
  let writable = false;
  let kept: Kept = 'device';
  const listeners = new Set<Listener>();
  const stamp = () => now().toISOString();
  const status = (): ProgressStatus => ({ kept, problem });

  /** Folds what is stored (device and tab) into memory. */
  function pull(): void {
    const loaded = loadProgress({ storage, tab, key }, stamp());
    record = mergeRecords(mergeRecords(record, loaded.record), loaded.copy ?? loaded.record);
    writable = loaded.writable;
    if (loaded.problem) problem = loaded.problem;
    if (!writable) kept = 'tab';
  }

  /** Writes the record (compacted so the reader accepts it) where it can be kept, and says where. */
  function push(): ProgressStatus {
    const compacted = compactRecord(record);
    if (compacted.dropped) {
      record = compacted.record;
      if (!problem || !KEEPING.has(problem)) problem = 'compacted';
    }
    // compactRecord keeps the record within what readRecord accepts (a unit property checks it).
    const json = JSON.stringify(record);
    const result = writable ? write(key, json, storage) : 'unavailable';
    if (result === 'ok') {
      kept = 'device';
      if (KEEPING.has(problem)) problem = null;
      if (readValue(key, tab) !== null) remove(key, tab);
      return status();
    }
    if (writable) problem = result;
    const inTab = write(key, json, tab) === 'ok';
    kept = inTab ? 'tab' : 'page';
    if (!inTab) problem = 'off';
    return status();
  }

  function emit(): void {
    for (const listener of listeners) listener(record, status());
  }

  /** Applies a change: merge with storage first, so a write never drops another tab's progress. */
  function patch(make: () => ProgressRecord): ProgressStatus {
    pull();
    record = mergeRecords(record, make());
    const outcome = push();
    emit();
    return outcome;
  }

  function change(slug: string, mutate: (entry: LessonProgress) => void): ProgressStatus {
    return patch(() => {
      const entry = { ...(record.lessons[slug] ?? {}) };
      mutate(entry);
      return { version: record.version, lessons: { [slug]: entry } };
    });
  }

  /** Adds an attempt to a quiz history. The history is a count, a best score and the last answers
   *  only: its size does not grow with the number of attempts. */
  function withAttempt(quiz: QuizProgress = {}, { score, total, passed, answers }: Attempt): QuizProgress {
    const at = stamp();
    return {
      ...quiz,
      attempts: (quiz.attempts ?? 0) + 1,
      best: Math.max(quiz.best ?? 0, score),
      total,
      ...(passed && { passedAt: quiz.passedAt ?? at }),
      ...(passed === null && { practisedAt: quiz.practisedAt ?? at }),
      lastAt: at,
      // Answers the reader would refuse are not kept (only "retry keeps what was right" needs them).
      last: JSON.stringify(answers).length <= MAX_ANSWERS_BYTES ? answers : undefined,
    };
  }

  function start(): void {
    pull();
    if (!problem) {
      const can = probe(storage);
      if (can !== 'ok') problem = can;
      kept = can === 'ok' ? 'device' : 'tab';
    }
  }
  start();

  return {
    get record(): ProgressRecord {
      return record;
    },
    /** Whether progress can be kept now, where, and why not. */
    get status(): ProgressStatus {
      return status();
    },
    /** Calls `listener` after every change (this tab's or another's); returns the unsubscribe. */
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    visit(slug: string): ProgressStatus {
      if (record.lessons[slug]?.visitedAt) return status();
      return change(slug, (entry) => (entry.visitedAt ??= stamp()));
    },
    reachEnd(slug: string): ProgressStatus {
      if (record.lessons[slug]?.reachedEndAt) return status();
      return change(slug, (entry) => {
        entry.visitedAt ??= stamp();
        entry.reachedEndAt ??= stamp();
      });
    },
    /** Completes the lesson if every rule allows it; `done` says whether it is complete. */
    complete(slug: string, needs: Requirements = {}): ProgressStatus & { done: boolean } {
      const entry = record.lessons[slug] ?? {};
      if (entry.completedAt) return { ...status(), done: true };
      if (!rules.every((rule) => rule(slug, entry, record, needs))) return { ...status(), done: false };
      return { ...change(slug, (e) => (e.completedAt ??= stamp())), done: true };
    },
    /** Records a finished lesson quiz. The quiz sits at the lesson's end, so a finished attempt
     *  reaches the end, and a passed or practised one completes the lesson in the same write. */
    recordQuiz(slug: string, attempt: Attempt): ProgressStatus {
      return change(slug, (entry) => {
        entry.quiz = withAttempt(entry.quiz, attempt);
        entry.visitedAt ??= stamp();
        entry.reachedEndAt ??= stamp();
        if (rules.every((rule) => rule(slug, entry, record, { quiz: true }))) entry.completedAt ??= stamp();
      });
    },
    /** Records a finished final assessment. */
    recordAssessment(attempt: Attempt): ProgressStatus {
      return patch(() => ({ ...record, assessment: withAttempt(record.assessment, attempt) }));
    },
    /** The assessment's shuffle seed: the same on every reload until `retake` makes a new one.
     *  A new seed is always larger, so merging (largest wins) agrees across tabs. */
    assessmentSeed(retake = false): number {
      const current = record.assessment?.seed;
      if (current !== undefined && !retake) return current;
      const seed = (current ?? 0) + 1 + Math.floor(Math.random() * 1e6);
      patch(() => ({ ...record, assessment: { ...record.assessment, seed } }));
      return record.assessment?.seed ?? seed;
    },
    /** Folds another record in (an import): completions only ever grow. */
    merge(other: ProgressRecord): ProgressStatus {
      return patch(() => other);
    },
    /** Forgets everything on this device and in this tab, on the learner's explicit request. */
    clear(): ProgressStatus {
      record = emptyRecord();
      remove(key, storage);
      remove(key, tab);
      problem = null;
      start();
      emit();
      return status();
    },
    /** The storage event: another tab wrote or cleared the record. */
    onStorage(event: { key: string | null; newValue: string | null }): void {
      if (event.key !== null && event.key !== key) return;
      if (event.newValue === null) {
        // Cleared elsewhere (the learner asked for it there): forget here too, this tab's copy included.
        record = emptyRecord();
        remove(key, tab);
      } else {
        const outcome = readRecord(event.newValue, stamp());
        if (outcome.kind !== 'invalid') record = mergeRecords(record, outcome.record);
      }
      emit();
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
