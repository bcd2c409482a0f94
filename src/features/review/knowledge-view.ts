// "How well I know it" on the progress page: per lesson, how many quiz questions are remembered,
// due today or never answered, in the table (the numbers) and the chart beside it (bars whose
// three parts differ by fill pattern and outline, not colour alone; the table says it in words).
// The SVG's sizes are attributes, not inline styles, so the strict CSP holds. A course listed by
// module (src/course/scale.ts) has a row per module (data-lessons "slug:6 slug:7", each lesson's
// question count) and no chart.
import type { ProgressRecord } from '../progress/record';
import { knowledge } from './cards';

/** The bars' left edge and full width in the chart's own units (src/pages/progress.astro draws it). */
export const BAR_X = 36;
export const BAR_WIDTH = 280;

interface Store {
  record: ProgressRecord;
  subscribe(listener: () => void): unknown;
}

export function showKnowledge(store: Store): void {
  const table = document.querySelector<HTMLElement>('[data-knowledge-table]');
  if (!table) return;
  const chart = document.querySelector<SVGElement>('[data-knowledge-chart]');
  const render = () => {
    const now = new Date();
    const totals = { remembered: 0, due: 0, never: 0 };
    for (const row of table.querySelectorAll<HTMLElement>('tr[data-slug],tr[data-lessons]')) {
      const slug = row.dataset.slug ?? '';
      const counts = { remembered: 0, due: 0, never: 0 };
      let total = 0;
      // A module row knows each lesson's question count only; its cards are the review record's
      // "<lesson>/<question>" keys (at most that many).
      const lessons: Array<[string, string[], number]> = row.dataset.lessons
        ? row.dataset.lessons.split(' ').map((group) => {
            const [lesson, n] = group.split(':') as [string, string];
            const ids = Object.keys(store.record.review ?? {}).flatMap((key) => (key.startsWith(`${lesson}/`) ? [key.slice(lesson.length + 1)] : []));
            return [lesson, ids, Number(n)];
          })
        : [[slug, row.dataset.questions!.split(' ').filter(Boolean), -1]];
      for (const [lesson, ids, n] of lessons) {
        const c = knowledge(store.record.review, lesson, ids, now);
        const size = n < 0 ? ids.length : n;
        counts.remembered += Math.min(c.remembered, size);
        counts.due += Math.min(c.due, size - Math.min(c.remembered, size));
        total += size;
      }
      counts.never = total - counts.remembered - counts.due;
      let x = 0;
      for (const part of ['remembered', 'due', 'never'] as const) {
        totals[part] += counts[part];
        row.querySelector(`[data-cell="${part}"]`)!.textContent = String(counts[part]);
        const rect = chart?.querySelector(`[data-bar="${slug}"] [data-part="${part}"]`);
        const width = total ? (counts[part] / total) * BAR_WIDTH : 0;
        rect?.setAttribute('x', String(BAR_X + x));
        rect?.setAttribute('width', String(width));
        x += width;
      }
    }
    const title = chart?.querySelector('title');
    if (title) title.textContent =
      `How well you know each lesson: ${totals.remembered} questions remembered, ${totals.due} due for review today, ${totals.never} never answered. The table gives each lesson's numbers.`;
  };
  store.subscribe(render);
  render();
}
