// "N questions to review today" in the header and on the home page: each [data-review-due] element
// is shown with its count when any questions are due, and stays hidden when none are (no nagging).
// The words are the element's (data-one / data-many with {n}); the count is features/review/peek.ts.
import { dueCount } from '../features/review/peek';

/** Shows the count now (the review island calls it after each answer: the storage event only
 *  reaches other tabs). */
export function showDueCount(): void {
  const n = dueCount();
  for (const el of document.querySelectorAll<HTMLElement>('[data-review-due]')) {
    el.hidden = !n;
    if (n) el.querySelector('[data-count]')!.textContent = el.dataset[n > 1 ? 'many' : 'one']!.replace('{n}', String(n));
  }
}

showDueCount();
// Another tab reviewed or answered a quiz: the count follows.
addEventListener('storage', showDueCount);
