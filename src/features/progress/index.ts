// The browser's progress store for pages where the learner learns: this page's one store
// (./base.ts progressBase) with the learning actions (./store.ts).
import { progressBase } from './base';
import { withLearning, type ProgressStore } from './store';

export * from './record';
export * from './merge';
export * from './store';

let shared: ProgressStore | undefined;

export function progress(): ProgressStore {
  return (shared ??= withLearning(progressBase()));
}
