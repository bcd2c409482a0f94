// "How well I know it" on the progress page: per lesson, how many quiz questions are remembered,
// due today or never answered, in the table (the numbers) and the chart beside it (bars whose
// three parts differ by fill pattern and outline, not colour alone; the table says it in words).
// The SVG's sizes are attributes, not inline styles, so the strict CSP holds.
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
  const chart = document.querySelector<SVGElement>('[data-knowledge-chart]')!;
  const render = () => {
    const now = new Date();
    const totals = { remembered: 0, due: 0, never: 0 };
    for (const row of table.querySelectorAll<HTMLElement>('tr[data-slug]')) {
      const slug = row.dataset.slug!;
      const ids = row.dataset.questions!.split(' ').filter(Boolean);
      const counts = knowledge(store.record.review, slug, ids, now);
      let x = 0;
      for (const part of ['remembered', 'due', 'never'] as const) {
        totals[part] += counts[part];
        row.querySelector(`[data-cell="${part}"]`)!.textContent = String(counts[part]);
        const rect = chart.querySelector(`[data-bar="${slug}"] [data-part="${part}"]`);
        const width = ids.length ? (counts[part] / ids.length) * BAR_WIDTH : 0;
        rect?.setAttribute('x', String(BAR_X + x));
        rect?.setAttribute('width', String(width));
        x += width;
      }
    }
    chart.querySelector('title')!.textContent =
      `How well you know each lesson: ${totals.remembered} questions remembered, ${totals.due} due for review today, ${totals.never} never answered. The table gives each lesson's numbers.`;
  };
  store.subscribe(render);
  render();
}
