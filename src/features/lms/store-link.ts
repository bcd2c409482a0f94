// The LMS feature's one door to the progress store. Everything here uses the store's public API of
// today (progress(), record, subscribe, merge; the record's types and validation): when the store
// is refactored, this file is the only one to re-point.
export { PROGRESS_KEY, emptyRecord, readRecord } from '../progress/record';
export type { LessonProgress, ProgressRecord, QuizProgress } from '../progress/record';
import type { ProgressRecord } from '../progress/record';
import { progress } from '../progress/index';

export interface StoreLink {
  /** The page's record now. */
  record(): ProgressRecord;
  /** Called after every change the store makes (this page's or another tab's). */
  subscribe(listener: (record: ProgressRecord) => void): () => void;
  /** Folds a record in (nothing the learner earned is lost). */
  merge(record: ProgressRecord): void;
}

/** The page's store (the launcher never calls this, so its bundle leaves the store out). */
export function pageStore(): StoreLink {
  const store = progress();
  return {
    record: () => store.record,
    subscribe: (listener) => store.subscribe(listener),
    merge: (record) => store.merge(record),
  };
}

// The launcher writes the LMS's record through the one storage door (src/platform/storage.ts).
export { write as writeStored } from '../../platform/storage';
