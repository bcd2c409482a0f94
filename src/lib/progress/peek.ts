// A read-only view of progress, for pages that only show it (the course path). It reads and
// validates the record like the store does, but never writes, so it carries none of the store's
// merging and recovery code: text pages stay within their 3 KB budget.
import { PROGRESS_KEY, emptyRecord, readRecord, type ProgressRecord } from './record';
import { browserStorage, safeRead } from './storage';
import type { ProgressProblem } from './store';

export interface ProgressView {
  record: ProgressRecord;
  problem: ProgressProblem | null;
}

export function peekProgress(storage = browserStorage(), key = PROGRESS_KEY): ProgressView {
  const read = safeRead(storage, key);
  if (!read.ok) return { record: emptyRecord(), problem: 'unavailable' };
  if (read.value === null) return { record: emptyRecord(), problem: null };
  const outcome = readRecord(read.value);
  if (outcome.kind === 'invalid') return { record: emptyRecord(), problem: 'unreadable' };
  return { record: outcome.record, problem: outcome.kind === 'newer' ? 'newer' : null };
}

/** Calls back with a fresh view whenever another tab changes progress. */
export function watchProgress(callback: (view: ProgressView) => void): void {
  addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) callback(peekProgress());
  });
}
