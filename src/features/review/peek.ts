// The due count, read-only, for every page's header and the home page: how many questions are due
// today. It runs on text pages (3 KB budget), so it is tiny and stands alone (in the `core` chunk,
// astro.config.mjs): it reads the device's record through the storage door and looks only at each
// card's due date. A record that cannot be read counts as none due (the pages that read progress
// tell its problem); progress kept only in the tab (storage refused) is counted on /review/.
// Same rule as ./cards.ts isDue: due before the end of the learner's today.
import { key, readValue } from '../../platform/storage';

export function dueCount(now = new Date()): number {
  const end = new Date(now).setHours(24, 0, 0, 0);
  let n = 0;
  try {
    for (const card of Object.values<{ due: string }>(JSON.parse(readValue(key('progress')) ?? '{}').review ?? {})) {
      if (Date.parse(card.due) < end) n++;
    }
  } catch {
    // Unreadable: none due.
  }
  return n;
}

/** Shows or hides each [data-review-due] element (its link says the count): shown when any are
 *  due, hidden when none are. The review island calls it after each answer (the storage event
 *  only reaches other tabs). */
export function showDueCount(): void {
  const n = dueCount();
  for (const el of document.querySelectorAll<HTMLElement>('[data-review-due]')) {
    el.hidden = !n;
    el.querySelector('a')!.textContent = `${n} question${n > 1 ? 's' : ''} to review today`;
  }
}
