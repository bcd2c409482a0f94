// "What is now scheduled when", in words: "2 questions come back tomorrow, 1 next week."
import { DAY } from './cards';

/** When, from a number of whole days ahead. */
export function whenWords(days: number): string {
  if (days <= 0) return 'later today';
  if (days === 1) return 'tomorrow';
  if (days < 7) return `in ${days} days`;
  if (days < 14) return 'next week';
  if (days < 60) return `in ${Math.round(days / 7)} weeks`;
  return `in ${Math.round(days / 30)} months`;
}

/** Groups due dates by their words, soonest first: "2 questions come back in 3 days, 1 next week." */
export function scheduleSentence(dues: string[], now: Date): string {
  const groups = new Map<string, number>();
  const days = dues.map((due) => Math.max(0, Math.round((Date.parse(due) - now.getTime()) / DAY))).sort((a, b) => a - b);
  for (const d of days) groups.set(whenWords(d), (groups.get(whenWords(d)) ?? 0) + 1);
  const parts = [...groups].map(([when, n], i) => (i === 0 ? `${n} ${n === 1 ? 'question comes' : 'questions come'} back ${when}` : `${n} ${when}`));
  return parts.length ? `${parts.join(', ')}.` : '';
}
