// For read-only pages that stay open: a fresh view whenever another tab changes progress.
import { PROGRESS_KEY } from './record';
import { peekProgress, type ProgressView } from './peek';

/** Calls back with a fresh view whenever another tab changes progress. */
export function watchProgress(callback: (view: ProgressView) => void): void {
  addEventListener('storage', (event) => {
    if (event.key === null || event.key === PROGRESS_KEY) callback(peekProgress());
  });
}
