// Lesson page: records the visit, notices when the end marker comes into view, and completes the
// lesson when the learner chooses "Mark as complete" or "Next lesson" after reaching the end, or
// when they finish its quiz there (passed, or practised). "Mark as complete" before the quiz is
// done shows what is needed, with a link to the quiz, and moves focus there: never a dead control.
import { progress, completedSlugs } from '.';
import { formatDate } from '../../platform/format';

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
    if (quizNeeded && done) quizNeeded.hidden = true;
    if (done) {
      status.textContent = `Lesson complete (${formatDate(done)}).`;
    }
    if (bar) {
      const meter = bar.querySelector('progress')!;
      const count = completedSlugs(store.record).length;
      meter.value = Math.min(count, Number(meter.max));
      bar.querySelector('[data-course-progress-text]')!.textContent = `${count} of ${meter.max} lessons complete`;
      bar.classList.remove('pending');
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

  // Both readers' "next" links are in the page; CSS shows the one for this reader.
  const ways = [...end.querySelectorAll<HTMLElement>('[data-next-lesson]')];
  button.addEventListener('click', () => {
    if (finish().done) ways.find((a) => a.offsetParent !== null)?.focus();
    else if (quizNeeded) {
      quizNeeded.hidden = false;
      quizNeeded.focus();
    }
  });
  // The write is synchronous, so it lands before the browser follows the link.
  for (const way of ways) way.addEventListener('click', finish);
}
