// Merging two records (another tab's, an import, this tab's copy): nothing once earned is lost.
// Apart from record.ts so the read-only pages, which never merge, do not carry it.
import { CURRENT_VERSION, LESSON, QUIZ, type Kind, type LessonProgress, type ProgressRecord, type QuizProgress, type ReviewCard } from './record';

function pick(kind: Kind, a: any, b: any): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (kind === 'n') return Math.max(a, b);
  if (kind === 'q') return mergeFields(a, b, QUIZ);
  const aFirst = Date.parse(a) <= Date.parse(b);
  return kind === 'e' ? (aFirst ? a : b) : aFirst ? b : a;
}

function mergeFields<T extends object>(a: T, b: T, fields: Record<string, Kind>): T {
  const merged: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(fields)) {
    const value = kind === 'a' ? undefined : pick(kind, (a as any)[field], (b as any)[field]);
    if (value !== undefined) merged[field] = value;
  }
  // The answers travel with the latest lastAt (ties: either side; both were real answers).
  if ('last' in fields) {
    const from = merged.lastAt === (b as any).lastAt && (b as any).last ? b : a;
    if ((from as any).last) merged.last = (from as any).last;
  }
  return merged as T;
}

/** Union of two records: nothing once earned is lost. Commutative up to ties, and idempotent. */
export function mergeRecords(a: ProgressRecord, b: ProgressRecord): ProgressRecord {
  const lessons: Record<string, LessonProgress> = {};
  for (const slug of new Set([...Object.keys(a.lessons), ...Object.keys(b.lessons)])) {
    lessons[slug] = mergeFields(a.lessons[slug] ?? {}, b.lessons[slug] ?? {}, LESSON);
  }
  const assessment = pick('q', a.assessment, b.assessment) as QuizProgress | undefined;
  const review = mergeReview(a.review, b.review);
  return { version: CURRENT_VERSION, lessons, ...(assessment && { assessment }), ...(review && { review }) };
}

/** A card's latest review wins (a later review saw the earlier one's card); a card only one side
 *  has is kept, so no review is lost. Ties: more reviews, then the later due (deterministic). */
function mergeReview(a?: Record<string, ReviewCard>, b?: Record<string, ReviewCard>): Record<string, ReviewCard> | undefined {
  if (!a || !b) return a ?? b;
  const cards = { ...a };
  for (const [id, card] of Object.entries(b)) {
    const mine = cards[id];
    if (!mine || later(card, mine)) cards[id] = card;
  }
  return cards;
}

function later(x: ReviewCard, y: ReviewCard): boolean {
  const dx = Date.parse(x.at) - Date.parse(y.at);
  if (dx) return dx > 0;
  if (x.n !== y.n) return x.n > y.n;
  return Date.parse(x.due) > Date.parse(y.due);
}
