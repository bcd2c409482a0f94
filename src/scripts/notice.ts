// Tells the learner, once per tab for each problem, when progress cannot be kept on this device or
// something was found or done to it (the words: src/features/progress/notices.ts, rendered by
// ProgressNotice.astro). One message shows at a time. On pages with the store, a write that fails
// later (storage filling up during a quiz) brings the notice then. The progress page also states
// the problem for as long as it is true.
import { key, readValue, write } from '../platform/storage';
import { tab } from '../platform/tab';
import type { ProgressProblem } from '../features/progress/peek';

function firstTime(problem: ProgressProblem): boolean {
  const seen = key(`notice-seen:${problem}`);
  if (readValue(seen, tab)) return false;
  // If even the tab cannot remember, the notice shows on every page: better twice than never.
  write(seen, '1', tab);
  return true;
}

export function showNotice(problem: ProgressProblem | null): void {
  const region = document.querySelector<HTMLElement>('[data-progress-notice]');
  if (!region || !problem || !firstTime(problem)) return;
  for (const p of region.querySelectorAll<HTMLElement>('[data-problem]')) p.hidden = p.dataset.problem !== problem;
  region.hidden = false;
  region.querySelector('button')!.onclick = () => {
    region.hidden = true;
    document.querySelector<HTMLElement>('main')?.focus();
  };
}
