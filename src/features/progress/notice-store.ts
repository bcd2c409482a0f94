// The notice on pages with the progress store: shown for the store's problem now, and again when
// a later write meets a new one (storage filling up during a quiz). Apart from ./notice.ts so the
// read-only pages do not carry it.
import { showNotice } from './notice';
import type { ProgressProblem } from './peek';

/** Shows the store's problem now, and again whenever a later write meets a new one. */
export function noticeFor(store: { status: { problem: ProgressProblem | null }; subscribe(listener: () => void): unknown }): void {
  let last = store.status.problem;
  showNotice(last);
  store.subscribe(() => {
    if (store.status.problem !== last) showNotice((last = store.status.problem));
  });
}
