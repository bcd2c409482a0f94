// The one progress store: ./base.ts (record, status, the write primitive) with the learning
// actions every lesson page, quiz and the assessment use. Each returns where the record is kept
// after it (ProgressStatus), so no failed write goes unnoticed.
import { createBaseStore, type BaseOptions, type BaseStore, type ProgressStatus } from './base';
import { MAX_ANSWERS_BYTES, type LessonProgress, type ProgressRecord, type QuizProgress } from './record';

export * from './base';

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

export interface StoreOptions extends BaseOptions {
  rules?: CompletionRule[];
}

/** Adds the learning actions to a base store (the same object: one store per page). */
export function withLearning<S extends BaseStore>(store: S, rules: CompletionRule[] = [reachedEnd, quizDone]) {
  const { stamp } = store;
  const change = (slug: string, mutate: (entry: LessonProgress) => void): ProgressStatus =>
    store.update((record) => {
      const entry = { ...(record.lessons[slug] ?? {}) };
      mutate(entry);
      return { version: record.version, lessons: { [slug]: entry } };
    });

  /** Adds an attempt to a quiz history. The history is a count, a best score and the last answers
   *  only: its size does not grow with the number of attempts. */
  const withAttempt = (quiz: QuizProgress = {}, { score, total, passed, answers }: Attempt): QuizProgress => {
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
  };

  return Object.assign(store, {
    visit(slug: string): ProgressStatus {
      if (store.record.lessons[slug]?.visitedAt) return store.status;
      return change(slug, (entry) => (entry.visitedAt ??= stamp()));
    },
    reachEnd(slug: string): ProgressStatus {
      if (store.record.lessons[slug]?.reachedEndAt) return store.status;
      return change(slug, (entry) => {
        entry.visitedAt ??= stamp();
        entry.reachedEndAt ??= stamp();
      });
    },
    /** Completes the lesson if every rule allows it; `done` says whether it is complete. */
    complete(slug: string, needs: Requirements = {}): ProgressStatus & { done: boolean } {
      const entry = store.record.lessons[slug] ?? {};
      if (entry.completedAt) return { ...store.status, done: true };
      if (!rules.every((rule) => rule(slug, entry, store.record, needs))) return { ...store.status, done: false };
      return { ...change(slug, (e) => (e.completedAt ??= stamp())), done: true };
    },
    /** Records a finished lesson quiz. The quiz sits at the lesson's end, so a finished attempt
     *  reaches the end, and a passed or practised one completes the lesson in the same write. */
    recordQuiz(slug: string, attempt: Attempt): ProgressStatus {
      return change(slug, (entry) => {
        entry.quiz = withAttempt(entry.quiz, attempt);
        entry.visitedAt ??= stamp();
        entry.reachedEndAt ??= stamp();
        if (rules.every((rule) => rule(slug, entry, store.record, { quiz: true }))) entry.completedAt ??= stamp();
      });
    },
    /** Records a finished final assessment. */
    recordAssessment(attempt: Attempt): ProgressStatus {
      return store.update((record) => ({ ...record, assessment: withAttempt(record.assessment, attempt) }));
    },
    /** The assessment's shuffle seed: the same on every reload until `retake` makes a new one.
     *  A new seed is always larger, so merging (largest wins) agrees across tabs. */
    assessmentSeed(retake = false): number {
      const current = store.record.assessment?.seed;
      if (current !== undefined && !retake) return current;
      const seed = (current ?? 0) + 1 + Math.floor(Math.random() * 1e6);
      store.update((record) => ({ ...record, assessment: { ...record.assessment, seed } }));
      return store.record.assessment?.seed ?? seed;
    },
  });
}

export function createProgressStore({ rules, ...options }: StoreOptions) {
  return withLearning(createBaseStore(options), rules);
}

export type ProgressStore = ReturnType<typeof createProgressStore>;
