// The certificate page (CertificateView.astro): shows the certificate once the course is complete
// (courseStatus, src/features/path/course.ts: every lesson and the final assessment), and until then exactly
// what is still to do; the name as it is typed, and prints. It only reads progress (peek.ts, no store), and it
// never stores the name: the input's value lives on the page and nowhere else.
import { peekProgress, type ProgressView } from './peek';
import { watchProgress } from './watch';
import { formatDate } from '../../platform/format';
import { courseStatus } from '../path/course';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);

const locked = $('[data-cert-locked]');
const unlocked = $('[data-cert-unlocked]');
const input = $<HTMLInputElement>('[data-cert-input]');
const name = $('[data-cert-name]');
const date = $('[data-cert-date]');
const score = $('[data-cert-score]');
const scoreRow = $('[data-cert-score-row]');
const todo = [...document.querySelectorAll<HTMLElement>('[data-cert-todo] li')];
const summary = $('[data-cert-summary]');
const slugs = todo.flatMap((li) => (li.dataset.slug ? [li.dataset.slug] : []));

const formatDay = (iso: string): string => formatDate(iso);

function render({ record }: ProgressView): void {
  const assessment = record.assessment;
  const status = courseStatus(record, slugs);
  if (locked) locked.hidden = status.complete;
  if (unlocked) unlocked.hidden = !status.complete;
  for (const li of todo) li.hidden = li.dataset.slug ? !status.missing.includes(li.dataset.slug) : status.assessment === 'passed';
  if (summary) summary.textContent = stillToDo(status.missing.length, status.assessment === 'passed');
  if (!status.complete || !assessment) return;
  if (date) date.textContent = formatDay(assessment.passedAt!);
  const known = assessment.best !== undefined && Boolean(assessment.total);
  if (scoreRow) scoreRow.hidden = !known;
  if (score && known) score.textContent = `${assessment.best} of ${assessment.total} (${Math.round((assessment.best! / assessment.total!) * 100)} %)`;
}

function stillToDo(lessons: number, passed: boolean): string {
  const some = lessons === 1 ? '1 lesson to complete' : `${lessons} lessons to complete`;
  if (!lessons) return passed ? '' : 'Every lesson is complete. The final assessment is still to pass.';
  return passed ? `You passed the final assessment. ${some}.` : `${some}, and the final assessment to pass.`;
}

input?.addEventListener('input', () => {
  if (name) name.textContent = input.value.trim();
});
$('[data-cert-print]')?.addEventListener('click', () => window.print());

render(peekProgress());
watchProgress(render);
