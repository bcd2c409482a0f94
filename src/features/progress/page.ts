// The progress page: the table, export, import (validated and merged) and "Clear my data". In a
// course listed by module (src/course/scale.ts) the table has a row per module (data-module-slugs):
// its status is its lessons' ("In progress (2 of 6)"), its date the last completion once all are.
import { progressBase } from './base';
import { lessonStatus } from './record';
import { exportProgress } from './export';
import { importProgress } from './transfer';
import { clearCourseData } from '../../platform/clear';
import { formatDate } from '../../platform/format';
import { courseStatus } from '../path/course';

const store = progressBase();
const rows = [...document.querySelectorAll<HTMLTableRowElement>('[data-progress-table] tr[data-slug],[data-progress-table] tr[data-module-slugs]')];
const slugsOf = (row: HTMLElement) => (row.dataset.slug ?? row.dataset.moduleSlugs!).split(' ');
const known = new Set(rows.flatMap(slugsOf));
const status = document.querySelector<HTMLElement>('[data-transfer-status]')!;
// The words are on the status element (progress.astro), so this script carries none.
const say = (message: string, n = '') => (status.textContent = status.getAttribute(`data-${message}`)!.replace('{n}', n));
const table = document.querySelector<HTMLElement>('[data-progress-table]')!;

function render(): void {
  for (const row of rows) {
    const slugs = slugsOf(row);
    const states = slugs.map((slug) => lessonStatus(store.record, slug));
    const complete = states.filter((s) => s === 'completed').length;
    const state = complete === slugs.length ? 'completed' : states.some((s) => s !== 'not-started') ? 'in-progress' : 'not-started';
    const dates = slugs.map((slug) => store.record.lessons[slug]?.completedAt ?? '').sort();
    const done = complete === slugs.length ? dates.at(-1) : undefined;
    const more = row.dataset.slug ? '' : ` (${complete} of ${slugs.length})`;
    row.querySelector('[data-cell="status"]')!.textContent = table.getAttribute(`data-${state}`) + more;
    row.querySelector('[data-cell="date"]')!.textContent = done ? day(done) : '–';
  }
  // The final assessment, and the course as src/features/path/course.ts defines its completion.
  const course = courseStatus(store.record, [...known]);
  const final = document.querySelector<HTMLElement>('tr[data-final]');
  if (final) {
    const passedAt = store.record.assessment?.passedAt;
    final.querySelector('[data-cell="status"]')!.textContent = final.getAttribute(`data-${course.assessment}`);
    final.querySelector('[data-cell="date"]')!.textContent = passedAt ? day(passedAt) : '–';
  }
  const state = document.querySelector<HTMLElement>('[data-course-state]');
  if (state) {
    state.textContent = course.complete
      ? 'Course complete: every lesson, and the final assessment passed.'
      : `${course.done} of ${course.total} lessons complete; final assessment ${course.assessment === 'passed' ? 'passed' : 'not passed yet'}.`;
  }
  for (const note of document.querySelectorAll<HTMLElement>('[data-storage-problem]')) {
    note.hidden = note.dataset.storageProblem !== store.status.problem;
  }
}

const day = (iso: string): string => formatDate(iso);

store.subscribe(render);
render();

document.querySelector('[data-export]')!.addEventListener('click', () => {
  const blob = new Blob([exportProgress(store.record)], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `ketamine-course-progress-${new Date().toISOString().slice(0, 10)}.json`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  say('downloaded');
});

const input = document.querySelector<HTMLInputElement>('[data-import]')!;
input.addEventListener('change', async () => {
  const file = input.files?.[0];
  if (!file) return;
  if (file.size > 200_000) {
    say('too-large');
    return;
  }
  const result = importProgress(store, await file.text(), known);
  if (result.ok) say(result.added === 1 ? 'loaded-one' : 'loaded', String(result.added));
  else say(`error-${result.error}`);
  input.value = '';
});

const dialog = document.querySelector<HTMLDialogElement>('[data-clear-dialog]')!;
const opener = document.querySelector<HTMLButtonElement>('[data-clear]')!;
const cleared = document.querySelector<HTMLElement>('[data-clear-done]')!;
opener.addEventListener('click', () => {
  cleared.hidden = true;
  dialog.showModal();
});
dialog.addEventListener('close', () => {
  const confirmed = dialog.returnValue === 'confirm';
  dialog.returnValue = '';
  if (!confirmed) {
    opener.focus();
    return;
  }
  store.clear();
  clearCourseData();
  delete document.documentElement.dataset.theme;
  delete document.documentElement.dataset.depth;
  delete document.documentElement.dataset.audience;
  status.textContent = '';
  // The confirmation is beside the button and takes focus, so it is in view and read once.
  cleared.hidden = false;
  cleared.focus();
});
