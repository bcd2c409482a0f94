// The one progress store. Every page script and island reads and writes progress through it.
// It keeps a copy in memory, merges on every write with what is stored (another tab may have
// written since), and degrades to memory-only when storage cannot be used, saying so once.
import {
  PROGRESS_KEY,
  emptyRecord,
  mergeRecords,
  readRecord,
  type LessonProgress,
  type ProgressRecord,
  type QuizProgress,
} from './record';
import { safeRead, safeRemove, safeWrite, type StorageLike } from './storage';

/** Why progress is not being saved, or what was recovered. null: all is well. */
export type ProgressProblem =
  | 'unavailable' // storage is off or throws: progress lasts until the tab is closed
  | 'quota' // storage is full
  | 'newer' // a newer version of the course saved progress here; we read it but do not write over it
  | 'recovered' // unreadable saved progress was kept aside under another key and a fresh record started
  | 'unreadable'; // unreadable saved progress could not be kept aside, so it is left untouched

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
  storage: StorageLike | null;
  key?: string;
  now?: () => Date;
  rules?: CompletionRule[];
}

export type Listener = (record: ProgressRecord) => void;

export function createProgressStore({ storage, key = PROGRESS_KEY, now = () => new Date(), rules = [reachedEnd, quizDone] }: StoreOptions) {
  let record = emptyRecord();
  let problem: ProgressProblem | null = null;
  let writable = storage !== null;
  const listeners = new Set<Listener>();

  const stamp = () => now().toISOString();

  /** Reads storage and folds it into memory. Returns false if storage cannot be used. */
  function pull(): boolean {
    const read = safeRead(storage, key);
    if (!read.ok) {
      writable = false;
      problem ??= 'unavailable';
      return false;
    }
    if (read.value === null) return true;
    const outcome = readRecord(read.value, stamp());
    if (outcome.kind === 'ok') {
      record = mergeRecords(record, outcome.record);
      return true;
    }
    if (outcome.kind === 'newer') {
      record = mergeRecords(record, outcome.record);
      writable = false;
      problem = 'newer';
      return false;
    }
    // Unreadable: keep the original aside before anything may replace it.
    const aside = `${key}:unreadable:${stamp()}`;
    if (safeWrite(storage, aside, read.value) === 'ok') {
      // Replace it with what this tab knows (not a removal: other tabs read removal as "cleared").
      problem = 'recovered';
      push();
      return true;
    }
    writable = false;
    problem = 'unreadable';
    return false;
  }

  function push(): void {
    if (!writable) return;
    const result = safeWrite(storage, key, JSON.stringify(record));
    if (result !== 'ok') {
      writable = false;
      problem = result === 'quota' ? 'quota' : 'unavailable';
    }
  }

  function emit(): void {
    for (const listener of listeners) listener(record);
  }

  /** Applies a change: merge with storage first, so a write never drops another tab's progress. */
  function change(mutate: (entry: LessonProgress) => void, slug: string): void {
    patch(() => {
      const entry = { ...(record.lessons[slug] ?? {}) };
      mutate(entry);
      return { version: record.version, lessons: { [slug]: entry } };
    });
  }

  function patch(make: () => ProgressRecord): void {
    if (writable) pull();
    record = mergeRecords(record, make());
    push();
    emit();
  }

  /** Adds an attempt to a quiz history (merging keeps the larger count and the best score). */
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
      last: answers,
    };
  }

  pull();

  return {
    get record(): ProgressRecord {
      return record;
    },
    get problem(): ProgressProblem | null {
      return problem;
    },
    subscribe(listener: Listener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    visit(slug: string): void {
      if (record.lessons[slug]?.visitedAt) return;
      change((entry) => (entry.visitedAt ??= stamp()), slug);
    },
    reachEnd(slug: string): void {
      if (record.lessons[slug]?.reachedEndAt) return;
      change((entry) => {
        entry.visitedAt ??= stamp();
        entry.reachedEndAt ??= stamp();
      }, slug);
    },
    /** Completes the lesson if every rule allows it; returns whether it is complete. */
    complete(slug: string, needs: Requirements = {}): boolean {
      const entry = record.lessons[slug] ?? {};
      if (entry.completedAt) return true;
      if (!rules.every((rule) => rule(slug, entry, record, needs))) return false;
      change((e) => (e.completedAt ??= stamp()), slug);
      return true;
    },
    /** Records a finished lesson quiz. */
    recordQuiz(slug: string, attempt: Attempt): void {
      change((entry) => (entry.quiz = withAttempt(entry.quiz, attempt)), slug);
    },
    /** Records a finished final assessment. */
    recordAssessment(attempt: Attempt): void {
      patch(() => ({ ...record, assessment: withAttempt(record.assessment, attempt) }));
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
    /** Folds another record in (an import, or another tab): completions only ever grow. */
    merge(other: ProgressRecord): void {
      if (writable) pull();
      record = mergeRecords(record, other);
      push();
      emit();
    },
    /** Forgets everything on this device, on the learner's explicit request. */
    clear(): void {
      record = emptyRecord();
      if (storage) safeRemove(storage, key);
      emit();
    },
    /** The storage event: another tab wrote or cleared the record. */
    onStorage(event: { key: string | null; newValue: string | null }): void {
      if (event.key !== null && event.key !== key) return;
      if (event.newValue === null) {
        // Cleared elsewhere (the learner asked for it there): forget here too.
        record = emptyRecord();
      } else {
        const outcome = readRecord(event.newValue, stamp());
        if (outcome.kind !== 'invalid') record = mergeRecords(record, outcome.record);
      }
      emit();
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
