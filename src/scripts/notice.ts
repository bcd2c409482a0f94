// Tells the learner, once per tab, when progress cannot be saved or was recovered. The progress
// page states the same for as long as it is true.
import { progress } from '../lib/progress';

const SEEN = 'ketamine-course:notice-seen';
const region = document.querySelector<HTMLElement>('[data-progress-notice]');
const problem = progress().problem;

function once(): boolean {
  try {
    if (sessionStorage.getItem(SEEN) === problem) return false;
    sessionStorage.setItem(SEEN, problem!);
  } catch {
    // Without session storage the notice shows on every page: better twice than never.
  }
  return true;
}

if (region && problem && once()) {
  region.querySelector<HTMLElement>(`[data-problem="${problem}"]`)!.hidden = false;
  region.hidden = false;
  region.querySelector('button')!.addEventListener('click', () => {
    region.hidden = true;
    document.querySelector<HTMLElement>('main')?.focus();
  });
}
