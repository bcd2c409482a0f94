// The path page: each lesson's status, and "Start" becomes "Continue: …". It only shows progress,
// so it reads it without the store. The page has the course list and, for patients,
// the patient path and the other lessons (LessonPath.astro); the start button follows the lists
// the reader sees (data-audience on <html>, set before first paint by Base.astro).
//
// It reads the record as src/lib/progress/peek.ts does, without importing it: peek.ts is now shared
// with other pages, so it is its own file, and on this page the extra file alone would break the
// 3 KB budget. Same functions, same outcome; tests/e2e/journey.spec.ts covers the faults.
import { PROGRESS_KEY, emptyRecord, lessonStatus, readRecord } from '../lib/progress/record';
import { browserStorage, safeRead } from '../lib/progress/storage';
import { showNotice } from './notice';

function peek() {
  const read = safeRead(browserStorage(), PROGRESS_KEY);
  const outcome = read.ok && read.value !== null ? readRecord(read.value) : undefined;
  return {
    record: outcome?.kind === 'ok' || outcome?.kind === 'newer' ? outcome.record : emptyRecord(),
    problem: !read.ok ? 'unavailable' : outcome?.kind === 'invalid' ? 'unreadable' : outcome?.kind === 'newer' ? 'newer' : null,
  } as const;
}

let view = peek();
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

addEventListener('storage', (event) => {
  if (event.key === null || event.key === PROGRESS_KEY) {
    view = peek();
    render();
  }
});
render();
