// Lesson page: records the visit, notices when the end marker comes into view, and completes the
// lesson when the learner chooses "Mark as complete" or "Next lesson" after reaching the end.
import { progress, completedSlugs } from '../lib/progress';

const end = document.querySelector<HTMLElement>('[data-lesson-end]');
if (end) {
  const slug = end.dataset.slug!;
  const store = progress();
  const status = end.querySelector<HTMLElement>('[data-lesson-status]')!;
  const button = end.querySelector<HTMLButtonElement>('[data-mark-complete]')!;
  const bar = document.querySelector<HTMLElement>('[data-course-progress]');

  const render = () => {
    const entry = store.record.lessons[slug];
    if (entry?.completedAt) {
      const when = new Date(entry.completedAt).toLocaleDateString(undefined, { dateStyle: 'long' });
      button.hidden = true;
      status.textContent = `Lesson complete (${when}).`;
    } else {
      button.hidden = false;
    }
    if (bar) {
      const meter = bar.querySelector('progress')!;
      const done = completedSlugs(store.record).length;
      meter.value = Math.min(done, Number(meter.max));
      bar.querySelector('[data-course-progress-text]')!.textContent = `${done} of ${meter.max} lessons complete`;
      bar.hidden = false;
    }
  };

  store.visit(slug);
  store.subscribe(render);
  render();

  const finish = () => {
    store.reachEnd(slug);
    return store.complete(slug);
  };

  new IntersectionObserver((entries, observer) => {
    if (entries.some((e) => e.isIntersecting)) {
      store.reachEnd(slug);
      observer.disconnect();
    }
  }).observe(end);

  button.addEventListener('click', () => {
    if (finish()) {
      end.querySelector<HTMLElement>('[data-next-lesson]')?.focus();
    }
  });
  // The write is synchronous, so it lands before the browser follows the link.
  end.querySelector('[data-next-lesson]')?.addEventListener('click', () => finish());
}
