// The course path's modules (ModuleGroup.astro): each module's progress ("2 of 3 complete"), and
// the module the learner is in open, the others closed. Which module is open is set once, when the
// page loads; after that the learner's own opening and closing is left alone.
import { lessonStatus, type ProgressRecord } from '../lib/progress/record';
import { peekProgress, watchProgress } from '../lib/progress/peek';

const groups = [...document.querySelectorAll<HTMLElement>('[data-module]')];

function render(record: ProgressRecord, choose: boolean): void {
  let current: HTMLElement | undefined;
  for (const group of groups) {
    const slugs = [...group.querySelectorAll<HTMLElement>('li[data-slug]')].map((li) => li.dataset.slug!);
    const done = slugs.filter((slug) => lessonStatus(record, slug) === 'completed').length;
    group.querySelector('[data-module-progress]')!.textContent = `${done} of ${slugs.length} complete`;
    if (done < slugs.length) current ??= group;
  }
  if (!choose) return;
  // With every lesson complete, the last module stays open: the final assessment follows it.
  current ??= groups.at(-1);
  for (const group of groups) group.querySelector('details')!.open = group === current;
}

if (groups.length) {
  render(peekProgress().record, true);
  watchProgress((view) => render(view.record, false));
}
