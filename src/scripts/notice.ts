// Tells the learner, once per tab, when progress cannot be saved or was recovered
// (ProgressNotice.astro holds the words). The progress page states the same for as long as it is true.
import type { ProgressProblem } from '../lib/progress/store';

const SEEN = 'ketamine-course:notice-seen';

function firstTime(problem: ProgressProblem): boolean {
  try {
    if (sessionStorage.getItem(SEEN) === problem) return false;
    sessionStorage.setItem(SEEN, problem);
  } catch {
    // Without session storage the notice shows on every page: better twice than never.
  }
  return true;
}

export function showNotice(problem: ProgressProblem | null): void {
  const region = document.querySelector<HTMLElement>('[data-progress-notice]');
  if (!region || !problem || !firstTime(problem)) return;
  region.querySelector<HTMLElement>(`[data-problem="${problem}"]`)!.hidden = false;
  region.hidden = false;
  region.querySelector('button')!.addEventListener('click', () => {
    region.hidden = true;
    document.querySelector<HTMLElement>('main')?.focus();
  });
}
