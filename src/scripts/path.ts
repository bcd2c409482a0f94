// The path page: each lesson's status, and "Start" becomes "Continue: Lesson N". It only shows
// progress, so it reads it without the store (see peek.ts).
import { lessonStatus } from '../lib/progress/record';
import { peekProgress, watchProgress } from '../lib/progress/peek';
import { showNotice } from './notice';

let view = peekProgress();
showNotice(view.problem);
const list = document.querySelector<HTMLElement>('[data-lesson-path]')!;
const items = [...list.querySelectorAll<HTMLElement>('li[data-slug]')];
const cta = document.querySelector<HTMLAnchorElement>('[data-course-cta]');

function render(): void {
  let firstOpen: HTMLElement | undefined;
  let done = 0;
  for (const item of items) {
    const state = lessonStatus(view.record, item.dataset.slug!);
    const badge = item.querySelector<HTMLElement>('[data-status]')!;
    badge.dataset.state = state;
    badge.textContent = list.getAttribute(`data-${state}`);
    badge.hidden = false;
    if (state === 'completed') done++;
    else firstOpen ??= item;
  }
  if (!cta) return;
  const summary = document.querySelector<HTMLElement>('[data-path-summary]');
  if (summary) {
    summary.textContent = `${done} of ${items.length} lessons complete.`;
    summary.hidden = false;
  }
  if (done === 0 && !items.some((i) => view.record.lessons[i.dataset.slug!])) return;
  const target = firstOpen ?? items[0];
  const link = target.querySelector('a')!;
  const number = items.indexOf(target) + 1;
  cta.href = link.href;
  cta.textContent = firstOpen ? `Continue: Lesson ${number}` : 'Review the course from Lesson 1';
}

watchProgress((next) => {
  view = next;
  render();
});
render();
