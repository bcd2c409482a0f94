// The path page: each lesson's status, and "Start" becomes "Continue: …". It only shows progress,
// so it reads it without the store. The page has the course list and, for patients,
// the patient path and the other lessons (LessonPath.astro); the start button follows the lists
// the reader sees (data-audience on <html>, set before first paint by Base.astro).
//
// It reads the record through src/features/progress/peek.ts (shared with the store and the other
// read-only pages in one chunk: astro.config.mjs), so every page shows the same record and problem.
import { lessonStatus } from '../features/progress/record';
import { peekProgress } from '../features/progress/peek';
import { watchProgress } from '../features/progress/watch';
import { showNotice } from './notice';

let view = peekProgress();
showNotice(view.problem);
const lists = [...document.querySelectorAll<HTMLElement>('[data-lesson-path]')];
const cta = document.querySelector<HTMLAnchorElement>('[data-course-cta]');

function render(): void {
  const shown = document.documentElement.dataset.audience === 'patient' ? /patient|more/ : /course/;
  let firstOpen: HTMLElement | undefined;
  let first: HTMLElement | undefined;
  let done = 0;
  let total = 0;
  let started = false;
  for (const list of lists) {
    const counts = shown.test(list.dataset.path!);
    for (const item of list.querySelectorAll<HTMLElement>('li[data-slug]')) {
      const state = lessonStatus(view.record, item.dataset.slug!);
      const badge = item.querySelector<HTMLElement>('[data-status]')!;
      badge.dataset.state = state;
      badge.textContent = list.getAttribute(`data-${state}`);
      badge.hidden = false;
      if (!counts) continue;
      total++;
      first ??= item;
      if (state === 'completed') done++;
      else firstOpen ??= item;
      if (state !== 'not-started') started = true;
    }
  }
  if (!cta || !first) return;
  const summary = document.querySelector<HTMLElement>('[data-path-summary]');
  if (summary) {
    summary.textContent = `${done} of ${total} lessons complete.`;
    summary.hidden = false;
  }
  const target = firstOpen ?? first;
  cta.href = target.querySelector('a')!.href;
  if (started) cta.textContent = firstOpen ? `Continue: ${target.dataset.cta}` : first.parentElement!.dataset.review!;
}

watchProgress((next) => {
  view = next;
  render();
});
render();
