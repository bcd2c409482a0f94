// "What I learned" (/learned/): shows the lessons the reader has opened or finished, read from the
// progress record without the store (it only reads); "Show lessons I have not opened too" shows
// the rest. Without JavaScript every lesson shows. In a course listed by module, /learned/ lists the
// modules (data-slugs: a module shows when one of its lessons is opened).
import '../components/theme';
import '../features/review/due-count';
import { showNotice } from '../features/progress/notice';
import { peekProgress } from '../features/progress/peek';
import { watchProgress } from '../features/progress/watch';
import { lessonStatus } from '../features/progress/record';

let view = peekProgress();
showNotice(view.problem);
const all = document.querySelector<HTMLInputElement>('[data-learned-all]')!;

function render(): void {
  let shown = 0;
  for (const lesson of document.querySelectorAll<HTMLElement>('[data-learned-lesson]')) {
    const slugs = (lesson.dataset.slugs ?? lesson.dataset.slug!).split(' ');
    const opened = slugs.some((slug) => lessonStatus(view.record, slug) !== 'not-started');
    // Shown by an attribute, not `hidden`: the page starts with none shown (learned.astro).
    lesson.toggleAttribute('data-shown', opened || all.checked);
    if (opened) shown++;
  }
  document.querySelector<HTMLElement>('[data-learned-none]')!.hidden = shown > 0;
}

all.addEventListener('change', render);
document.querySelector('[data-learned-print]')?.addEventListener('click', () => print());
watchProgress((next) => {
  view = next;
  render();
});
render();
