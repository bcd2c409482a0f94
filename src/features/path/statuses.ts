// The path page: each lesson's status, and "Start" becomes "Continue: …". It only shows progress,
// so it reads it without the store. The page has the course list and, for patients,
// the patient path and the other lessons (LessonPath.astro); the start button follows the lists
// the reader sees (data-audience on <html>, set before first paint by Base.astro). A course listed
// by module (src/course/scale.ts) shows module cards (li[data-module-slugs]): a card's status is its
// lessons' ("In progress (2 of 6)"), and "Continue" still names the first lesson not complete.
// Module pages (/modules/<id>/) run this too: lesson statuses, no start button, no final step.
// A course grouped into modules on the home page (ModuleGroup.astro) also gets each module's
// progress and the learner's module open (./modules.ts, README).
//
// It reads the record through src/features/progress/peek.ts (shared with the store and the other
// read-only pages in one chunk: astro.config.mjs), so every page shows the same record and problem.
import { lessonStatus } from '../progress/record';
import { peekProgress } from '../progress/peek';
import { watchProgress } from '../progress/watch';
import { showNotice } from '../progress/notice';
import { courseStatus } from './course';
import { modulePath } from './modules';

let view = peekProgress();
showNotice(view.problem);
const lists = [...document.querySelectorAll<HTMLElement>('[data-lesson-path]')];
const cta = document.querySelector<HTMLAnchorElement>('[data-course-cta]');
const ITEMS = 'li[data-slug],li[data-module-slugs]';
const slugsOf = (item: HTMLElement) => (item.dataset.slug ?? item.dataset.moduleSlugs!).split(' ');
const slugsIn = (list: Element) => [...list.querySelectorAll<HTMLElement>(ITEMS)].flatMap(slugsOf);
// The course list's modules (ModuleGroup.astro), Module 1 open in the HTML. The first render (this
// module script runs once the document is parsed) opens the learner's module instead, unless they
// have opened or closed one already; later renders (another tab) change only the words. (A module
// is the only <details> in a lesson list.)
const folds = [...document.querySelectorAll<HTMLDetailsElement>('[data-lesson-path] details')];
let choose = folds.every((fold, i) => fold.open == !i);

function render(): void {
  const patient = document.documentElement.dataset.audience === 'patient';
  const shown = patient ? /patient|more/ : /course/;
  // [href, name, list]: the first lesson of the lists the reader sees, and the first not complete.
  let firstOpen: [string, string, HTMLElement] | undefined;
  let first: typeof firstOpen;
  let done = 0;
  let started = false;
  const seen = new Set<string>();
  for (const list of lists) {
    const counts = shown.test(list.dataset.path!);
    // A module card's lessons are named by their place on its list (cards list the whole course).
    let n = 0;
    for (const item of list.querySelectorAll<HTMLElement>(ITEMS)) {
      const slugs = slugsOf(item);
      let complete = 0;
      let any = false;
      for (const slug of slugs) {
        const state = lessonStatus(view.record, slug);
        const step: typeof first = item.dataset.slug ? [item.querySelector('a')!.href, item.dataset.cta!, list] : [`/lessons/${slug}/`, `Lesson ${++n}`, list];
        if (state === 'completed') complete++;
        if (state !== 'not-started') any = true;
        if (!counts || seen.has(slug)) continue;
        seen.add(slug);
        first ??= step;
        if (state === 'completed') done++;
        else firstOpen ??= step;
        if (state !== 'not-started') started = true;
      }
      setStatus(item, complete === slugs.length ? 'completed' : any ? 'in-progress' : 'not-started', item.dataset.slug ? '' : ` (${complete} of ${slugs.length})`);
    }
  }
  const [words, current] = modulePath(view.record, folds.map(slugsIn));
  folds.forEach((fold, i) => {
    // Replaces the placeholder (kept invisible so nothing moves) with the words.
    fold.querySelector('[data-module-progress]')!.textContent = ` · ${words[i]}`;
    if (choose) fold.open = i + 1 === current;
  });
  choose = false;
  // The final step (course list only): completion as src/features/path/course.ts defines it. Words are in
  // the HTML (data-* on the step and on the button), to keep this page within its budget.
  const final = document.querySelector<HTMLElement>('li[data-final]');
  if (!final || !cta || !first) return;
  const course = courseStatus(view.record, slugsIn(final.parentElement!));
  const step = course.complete ? 'complete' : course.assessment;
  setStatus(final, step);
  const summary = document.querySelector<HTMLElement>('[data-path-summary]')!;
  summary.textContent = course.complete && !patient ? summary.dataset.complete! : `${done} of ${seen.size} lessons complete.`;
  summary.classList.remove('pending');
  const target = firstOpen ?? first;
  cta.href = target[0];
  if (!started) return;
  cta.textContent = firstOpen ? `Continue: ${target[1]}` : first[2].dataset.review!;
  if (firstOpen || patient) return;
  cta.href = final.querySelector<HTMLAnchorElement>(course.complete ? '[data-certificate-link]' : 'a')!.href;
  cta.textContent = cta.getAttribute(`data-${step}`)!;
}

function setStatus(item: HTMLElement, state: string, more = ''): void {
  const badge = item.querySelector<HTMLElement>('[data-status]')!;
  badge.dataset.state = state;
  badge.textContent = (item.dataset.final === undefined ? item.parentElement! : item).getAttribute(`data-${state}`) + more;
}

watchProgress((next) => {
  view = next;
  render();
});
render();
