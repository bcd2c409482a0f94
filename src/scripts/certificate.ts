// The certificate page (CertificateView.astro): shows the certificate once the final assessment is
// passed, the name as it is typed, and prints. It only reads progress (peek.ts, no store), and it
// never stores the name: the input's value lives on the page and nowhere else.
import { peekProgress, type ProgressView } from '../features/progress/peek';
import { watchProgress } from '../features/progress/watch';

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);

const locked = $('[data-cert-locked]');
const unlocked = $('[data-cert-unlocked]');
const input = $<HTMLInputElement>('[data-cert-input]');
const name = $('[data-cert-name]');
const date = $('[data-cert-date]');
const score = $('[data-cert-score]');
const scoreRow = $('[data-cert-score-row]');

function formatDay(iso: string): string {
  const day = new Date(iso);
  return Number.isNaN(day.getTime()) ? '' : day.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

function render({ record }: ProgressView): void {
  const assessment = record.assessment;
  const passed = Boolean(assessment?.passedAt);
  if (locked) locked.hidden = passed;
  if (unlocked) unlocked.hidden = !passed;
  if (!passed || !assessment) return;
  if (date) date.textContent = formatDay(assessment.passedAt!);
  const known = assessment.best !== undefined && Boolean(assessment.total);
  if (scoreRow) scoreRow.hidden = !known;
  if (score && known) score.textContent = `${assessment.best} of ${assessment.total} (${Math.round((assessment.best! / assessment.total!) * 100)} %)`;
}

input?.addEventListener('input', () => {
  if (name) name.textContent = input.value.trim();
});
$('[data-cert-print]')?.addEventListener('click', () => window.print());

render(peekProgress());
watchProgress(render);
