// Lesson page: records the visit, notices when the end marker comes into view, and completes the
// lesson when the learner chooses "Mark as complete" or "Next lesson" after reaching the end, or
// when they finish its quiz there (passed, or practised).
import { progress, completedSlugs } from '../lib/progress';

const end = document.querySelector<HTMLElement>('[data-lesson-end]');
if (end) {
  const slug = end.dataset.slug!;
  const needs = { quiz: end.hasAttribute('data-has-quiz') };
  const store = progress();
  const status = end.querySelector<HTMLElement>('[data-lesson-status]')!;
  const quizNeeded = end.querySelector<HTMLElement>('[data-quiz-needed]');
  const button = end.querySelector<HTMLButtonElement>('[data-mark-complete]')!;
  const bar = document.querySelector<HTMLElement>('[data-course-progress]');

  const finish = () => {
    store.reachEnd(slug);
    return store.complete(slug, needs);
  };

  const render = () => {
    const entry = store.record.lessons[slug];
    // A quiz finished here completes the lesson: the quiz sits at its end.
    if (!entry?.completedAt && entry?.reachedEndAt && (entry.quiz?.passedAt || entry.quiz?.practisedAt)) finish();
    const done = store.record.lessons[slug]?.completedAt;
    button.hidden = Boolean(done);
    if (quizNeeded) quizNeeded.hidden = Boolean(done);
    if (done) {
      status.textContent = `Lesson complete (${new Date(done).toLocaleDateString(undefined, { dateStyle: 'long' })}).`;
    }
    if (bar) {
      const meter = bar.querySelector('progress')!;
      const count = completedSlugs(store.record).length;
      meter.value = Math.min(count, Number(meter.max));
      bar.querySelector('[data-course-progress-text]')!.textContent = `${count} of ${meter.max} lessons complete`;
      bar.hidden = false;
    }
  };

  store.visit(slug);
  store.subscribe(render);
  render();

  new IntersectionObserver((entries, observer) => {
    if (entries.some((e) => e.isIntersecting)) {
      store.reachEnd(slug);
      observer.disconnect();
    }
  }).observe(end);

  button.addEventListener('click', () => {
    if (finish().done) end.querySelector<HTMLElement>('[data-next-lesson]')?.focus();
    else quizNeeded?.focus();
  });
  // The write is synchronous, so it lands before the browser follows the link.
  end.querySelector('[data-next-lesson]')?.addEventListener('click', finish);
}
