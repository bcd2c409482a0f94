// Tells the learner, once per tab for each problem, when progress cannot be kept on this device or
// something was found or done to it (the words: src/features/progress/notices.ts, rendered by
// ProgressNotice.astro). One message shows at a time. On pages with the store, a write that fails
// later (storage filling up during a quiz) brings the notice then. The progress page also states
// the problem for as long as it is true.
import { key, readValue, write } from '../../platform/storage';
import { tab } from '../../platform/tab';
import type { ProgressProblem } from './peek';

function firstTime(problem: ProgressProblem): boolean {
  const seen = key(`notice-seen:${problem}`);
  if (readValue(seen, tab)) return false;
  // If even the tab cannot remember, the notice shows on every page: better twice than never.
  write(seen, '1', tab);
  return true;
}

export function showNotice(problem: ProgressProblem | null): void {
  const region = document.querySelector<HTMLElement>('[data-progress-notice]');
  const words = document.querySelector<HTMLTemplateElement>('[data-progress-notices]')?.content.querySelector(`[data-problem="${problem}"]`);
  if (!region || !problem || !words || !firstTime(problem)) return;
  // One change of the live region's text: announced once (see ProgressNotice.astro).
  const text = region.querySelector<HTMLElement>('[data-notice-text]')!;
  const button = region.querySelector('button')!;
  text.dataset.problem = problem;
  text.textContent = words.textContent;
  button.hidden = false;
  button.onclick = () => {
    button.hidden = true;
    text.textContent = '';
    delete text.dataset.problem;
    document.querySelector<HTMLElement>('main')?.focus();
  };
}
