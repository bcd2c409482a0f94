// Compaction: the store never writes a record its reader rejects (./record.ts readRecord). Kept
// apart from record.ts so the read-only pages, which never write, do not carry it.
import { COMPACT_ABOVE_BYTES, MAX_LESSONS, type LessonProgress, type ProgressRecord, type QuizProgress } from './record';


const strip = (quiz?: QuizProgress) => quiz && { ...quiz, last: undefined, lastAt: undefined };

/**
 * The record, made small enough. While it is larger than `limit` bytes or holds more than
 * MAX_LESSONS lessons it drops detail, least valuable first:
 *   1. the last answers of quizzes already passed or practised (they only refill a finished quiz),
 *      and the first-visit and reached-end dates of completed lessons (the completion date stays);
 *   2. the last answers of every other quiz and of the assessment, and lessons only opened.
 * Completions, passes, best scores and the assessment's seed are never dropped: with MAX_LESSONS
 * lessons of the longest slugs they alone stay under MAX_RECORD_BYTES (tests/unit/progress-record
 * .test.ts checks the largest reachable record). Answers over MAX_ANSWERS_BYTES are never kept
 * (the store leaves them out when it records an attempt).
 */
export function compactRecord(record: ProgressRecord, limit = COMPACT_ABOVE_BYTES): { record: ProgressRecord; dropped: boolean } {
  let out = record;
  let level = 0;
  while (level < 2 && (JSON.stringify(out).length > limit || Object.keys(out.lessons).length > MAX_LESSONS)) {
    level++;
    const lessons: Record<string, LessonProgress> = {};
    for (const [slug, entry] of Object.entries(out.lessons)) {
      const done = entry.completedAt || entry.quiz?.passedAt || entry.quiz?.practisedAt;
      if (level > 1 && !entry.completedAt && !entry.quiz) continue;
      lessons[slug] = level > 1 || done ? { ...entry, quiz: strip(entry.quiz), ...(entry.completedAt && { visitedAt: undefined, reachedEndAt: undefined }) } : entry;
    }
    out = { ...out, lessons, assessment: level > 1 ? strip(out.assessment) : out.assessment };
  }
  // Then review cards, those due furthest away first (the best remembered): they are rebuilt as
  // questions are answered again, completions are not.
  if (out.review && JSON.stringify(out).length > limit) {
    const cards = Object.entries(out.review).sort(([, x], [, y]) => Date.parse(x.due) - Date.parse(y.due));
    let size = JSON.stringify(out).length;
    // Each card takes `"id":{…},` in the record's JSON.
    while (cards.length && size > limit) {
      const [id, card] = cards.pop()!;
      size -= JSON.stringify(id).length + JSON.stringify(card).length + 2;
    }
    out = { ...out, review: Object.fromEntries(cards) };
    level = Math.max(level, 1);
  }
  // The JSON round trip leaves out the fields set to undefined above.
  return { record: level ? JSON.parse(JSON.stringify(out)) : out, dropped: level > 0 };
}
