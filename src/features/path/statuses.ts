// The path page: each lesson's status, and "Start" becomes "Continue: …". It only shows progress,
// so it reads it without the store. The page has the course list and, for patients,
// the patient path and the other lessons (LessonPath.astro); the start button follows the lists
// the reader sees (data-audience on <html>, set before first paint by Base.astro).
//
// It reads the record through src/features/progress/peek.ts (shared with the store and the other
// read-only pages in one chunk: astro.config.mjs), so every page shows the same record and problem.
import { lessonStatus } from '../progress/record';
import { peekProgress } from '../progress/peek';
import { watchProgress } from '../progress/watch';
import { showNotice } from '../progress/notice';
import { courseStatus } from './course';

let view = peekProgress();
showNotice(view.problem);
const lists = [...document.querySelectorAll<HTMLElement>('[data-lesson-path]')];
const cta = document.querySelector<HTMLAnchorElement>('[data-course-cta]');

function render(): void {
  const patient = document.documentElement.dataset.audience === 'patient';
  const shown = patient ? /patient|more/ : /course/;
  let firstOpen: HTMLElement | undefined;
  let first: HTMLElement | undefined;
  let done = 0;
  let total = 0;
  let started = false;
  for (const list of lists) {
    const counts = shown.test(list.dataset.path!);
    for (const item of list.querySelectorAll<HTMLElement>('li[data-slug]')) {
      const state = lessonStatus(view.record, item.dataset.slug!);
      setStatus(item, state);
      if (!counts) continue;
      total++;
      first ??= item;
      if (state === 'completed') done++;
      else firstOpen ??= item;
      if (state !== 'not-started') started = true;
    }
  }
  // The final step (course list only): completion as src/features/path/course.ts defines it. Words are in
  // the HTML (data-* on the step and on the button), to keep this page within its 3 KB budget.
  const final = document.querySelector<HTMLElement>('li[data-final]')!;
  const course = courseStatus(view.record, [...final.parentElement!.querySelectorAll<HTMLElement>('li[data-slug]')].map((li) => li.dataset.slug!));
  const step = course.complete ? 'complete' : course.assessment;
  setStatus(final, step);
  if (!cta || !first) return;
  const summary = document.querySelector<HTMLElement>('[data-path-summary]')!;
  summary.textContent = course.complete && !patient ? summary.dataset.complete! : `${done} of ${total} lessons complete.`;
  summary.classList.remove('pending');
  const target = firstOpen ?? first;
  cta.href = target.querySelector('a')!.href;
  if (!started) return;
  cta.textContent = firstOpen ? `Continue: ${target.dataset.cta}` : first.parentElement!.dataset.review!;
  if (firstOpen || patient) return;
  cta.href = final.querySelector<HTMLAnchorElement>(course.complete ? '[data-certificate-link]' : 'a')!.href;
  cta.textContent = cta.getAttribute(`data-${step}`)!;
}

function setStatus(item: HTMLElement, state: string): void {
  const badge = item.querySelector<HTMLElement>('[data-status]')!;
  badge.dataset.state = state;
  badge.textContent = (item.dataset.final === undefined ? item.parentElement! : item).getAttribute(`data-${state}`);
}

watchProgress((next) => {
  view = next;
  render();
});
render();
