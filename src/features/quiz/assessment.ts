// The final assessment, as pure functions over plain data: which banks and section headings the
// page gives the island, whether stored answers belong to the questions drawn now, and the result
// lesson by lesson. No DOM, no storage: the island (AssessmentIsland.svelte) and the tests share them.
import { hashSeed, seededShuffle, type Seed } from './shuffle';
import type { Question, QuestionResult, Responses } from './quiz.types';

export interface QuestionBank {
  /** Lesson slug; banks are given in course order. */
  lesson: string;
  questions: readonly Question[];
}

export const ASSESSMENT_MIN = 15;
export const ASSESSMENT_MAX = 20;

/** Assessment question ids: lesson and question id joined by "--", which no slug contains. */
export const assessmentId = (lesson: string, id: string) => `${lesson}--${id}`;

/**
 * Draws `count` (15–20) questions across all banks for the final assessment, spread evenly: every
 * lesson gives ⌊count / lessons⌋ or one more, unless its bank runs out, when the others make up
 * the difference. Each drawn question carries its `lesson` (so "Re-read" links point to the right
 * lesson) and an id unique across banks. The same banks and seed always give the same draw.
 */
export function drawAssessment(banks: readonly QuestionBank[], count: number, seed: Seed): Question[] {
  if (!Number.isInteger(count) || count < ASSESSMENT_MIN || count > ASSESSMENT_MAX) {
    throw new RangeError(`An assessment has ${ASSESSMENT_MIN} to ${ASSESSMENT_MAX} questions, not ${count}`);
  }
  const lessons = new Set(banks.map((b) => b.lesson));
  if (lessons.size !== banks.length) throw new Error('drawAssessment: two banks share a lesson slug');
  const available = banks.reduce((sum, b) => sum + b.questions.length, 0);
  if (available < count) {
    throw new RangeError(`drawAssessment: ${count} questions asked for, but the banks hold only ${available}`);
  }

  const base = hashSeed(seed);
  const queues = banks.map((bank) => ({
    lesson: bank.lesson,
    queue: seededShuffle(bank.questions, hashSeed(`${base}:${bank.lesson}`)),
  }));
  // The order of lessons within a round is shuffled too, so the lessons that give one more
  // question than the others change with the seed rather than always being the first ones.
  const rounds = seededShuffle(queues, base);
  const drawn: Question[] = [];
  while (drawn.length < count) {
    for (const { lesson, queue } of rounds) {
      if (drawn.length === count) break;
      const question = queue.shift();
      if (question) drawn.push({ ...question, id: assessmentId(lesson, question.id), lesson });
    }
  }
  return seededShuffle(drawn, base ^ 0x9e3779b9);
}

/** How many questions the assessment draws (the spec allows 15–20). */
export const ASSESSMENT_COUNT = 18;

/** A lesson as the assessment names it: "Lesson 4, How ketamine works". */
export interface AssessmentLesson {
  slug: string;
  title: string;
  /** 1-based place in the course path. */
  position: number;
}

/**
 * The banks in course order, one per lesson that has one. Fails (naming it) on a bank whose lesson
 * is not in the course, or on two banks for one lesson: the build stops rather than drawing from
 * a bank the learner cannot re-read.
 */
export function banksInCourseOrder(course: readonly { slug: string }[], banks: readonly QuestionBank[]): QuestionBank[] {
  const bySlug = new Map<string, QuestionBank>();
  for (const bank of banks) {
    if (!course.some((l) => l.slug === bank.lesson)) throw new Error(`Quiz bank for "${bank.lesson}": no lesson has that slug`);
    if (bySlug.has(bank.lesson)) throw new Error(`Two quiz banks name lesson "${bank.lesson}"`);
    bySlug.set(bank.lesson, bank);
  }
  return course.flatMap((l) => {
    const bank = bySlug.get(l.slug);
    return bank ? [{ lesson: bank.lesson, questions: bank.questions }] : [];
  });
}

/**
 * The "Re-read" link texts for every lesson: { "lesson#section": "Heading text" } from each lesson's
 * `##` headings (Quiz resolves a drawn question's section with its own `lesson`).
 */
export function sectionsMap(lessons: readonly { slug: string; headings: readonly { depth: number; slug: string; text: string }[] }[]) {
  const sections: Record<string, string> = {};
  for (const lesson of lessons) {
    for (const h of lesson.headings) if (h.depth === 2) sections[`${lesson.slug}#${h.slug}`] = h.text;
  }
  return sections;
}

/** Every question's section is a `##` heading of its own lesson; returns the faults, as messages. */
export function missingSections(questions: readonly Question[], sections: Record<string, string>): string[] {
  return questions
    .filter((q) => !(`${q.lesson}#${q.section}` in sections))
    .map((q) => `${q.lesson}: question "${q.id}" names section "${q.section}", which is not a ## heading of that lesson`);
}

/**
 * The stored answers, if they belong to the questions drawn now: they must answer every drawn
 * question. A finished attempt answers all of its questions; answers from before a retake answer
 * another draw, and must not come back into the new one.
 */
export function answersForDraw(questions: readonly Question[], last: Record<string, unknown> | undefined): Responses | undefined {
  if (!last || questions.length === 0) return undefined;
  return questions.every((q) => Object.hasOwn(last, q.id)) ? (last as Responses) : undefined;
}

/** One lesson's share of an attempt. */
export interface LessonResult extends AssessmentLesson {
  right: number;
  total: number;
  /** Some of its questions were missed: the learner should re-read it. */
  review: boolean;
}

/**
 * The attempt lesson by lesson, in course order, for the lessons that had questions. Questions
 * without a result count as missed; a question from a lesson the list does not know is named by
 * its slug, last (never silently dropped).
 */
export function lessonBreakdown(
  questions: readonly Question[],
  results: Record<string, QuestionResult | undefined>,
  lessons: readonly AssessmentLesson[],
): LessonResult[] {
  const rows = new Map<string, LessonResult>();
  for (const q of questions) {
    const slug = q.lesson ?? '';
    let row = rows.get(slug);
    if (!row) {
      const known = lessons.find((l) => l.slug === slug);
      row = { slug, title: known?.title ?? slug, position: known?.position ?? Number.MAX_SAFE_INTEGER, right: 0, total: 0, review: false };
      rows.set(slug, row);
    }
    row.total++;
    if (results[q.id] === 'correct') row.right++;
  }
  for (const row of rows.values()) row.review = row.right < row.total;
  return [...rows.values()].sort((a, b) => a.position - b.position);
}

/** "Lesson 4, How ketamine works" (a lesson the course does not list: its title alone). */
export function lessonName(row: AssessmentLesson): string {
  return row.position === Number.MAX_SAFE_INTEGER ? row.title : `Lesson ${row.position}, ${row.title}`;
}

/** "Lesson 4, How ketamine works: 2 of 3 right — review this lesson": a line of the result as it
 *  reads (the island lays the same words out, with the lesson's name as a link). */
export function breakdownLine(row: LessonResult): string {
  return `${lessonName(row)}: ${row.right} of ${row.total} right${row.review ? ' — review this lesson' : ''}`;
}

/** The lessons to re-read, in course order. */
export const lessonsToReview = (rows: readonly LessonResult[]) => rows.filter((r) => r.review);

/** "17 of 18 (94 %)": a score in words (the certificate script writes the same, without this module). */
export function scoreText(score: number, total: number): string {
  const percent = total > 0 ? Math.round((score / total) * 100) : 0;
  return `${score} of ${total} (${percent} %)`;
}

/** A finished attempt, summed up for the result: the score, the pass and the lessons. */
export interface AttemptSummary {
  score: number;
  total: number;
  /** Right answers needed to pass. */
  required: number;
  passed: boolean;
  rows: LessonResult[];
}

export function summariseAttempt(
  questions: readonly Question[],
  results: Record<string, QuestionResult | undefined>,
  lessons: readonly AssessmentLesson[],
  required: number,
): AttemptSummary {
  const score = questions.filter((q) => results[q.id] === 'correct').length;
  return { score, total: questions.length, required, passed: score >= required, rows: lessonBreakdown(questions, results, lessons) };
}

/** "You got 14 of 18 (78 %) right. You need 15 to pass. Re-read the lessons marked …". */
export function resultText({ score, total, required, passed, rows }: AttemptSummary): string {
  const verdict = passed ? `You passed: the pass mark is ${required}.` : `You need ${required} to pass.`;
  const next = lessonsToReview(rows).length
    ? ' Re-read the lessons marked “review this lesson”, then try the questions you missed again: your right answers are kept.'
    : '';
  return `You got ${scoreText(score, total)} right. ${verdict}${next}`;
}

/** A bank as the page describes it before any bank is fetched: its lesson and how many questions it holds. */
export interface BankSize {
  lesson: string;
  size: number;
}

/** One lesson's bank as the build writes it (/assessment/banks/<lesson>.json): its questions and
 *  the "Re-read" link texts of its own sections. */
export interface BankFile {
  lesson: string;
  questions: Question[];
  sections: Record<string, string>;
}

/** A bank's file, relative to the assessment page (/assessment/, or assessment/index.html in an LMS
 *  package, which is served from the LMS's own path). */
export const bankPath = (lesson: string) => `banks/${lesson}.json`;

/** A stand-in bank of the right size: Fisher–Yates moves items by position only, so a draw over
 *  stand-ins picks the same places, in the same order, as a draw over the real questions. */
const standIn = ({ lesson, size }: BankSize): QuestionBank => ({
  lesson,
  questions: Array.from({ length: size }, (_, i) => ({ id: `#${i}` }) as unknown as Question),
});

/** The lessons whose banks a draw takes questions from, in course order: only these are fetched. */
export function banksNeeded(sizes: readonly BankSize[], count: number, seed: Seed): string[] {
  const drawn = new Set(drawAssessment(sizes.map(standIn), count, seed).map((q) => q.lesson));
  return sizes.filter((s) => drawn.has(s.lesson)).map((s) => s.lesson);
}

/**
 * The draw for `seed` from the banks fetched so far: the same questions, in the same order, as
 * `drawAssessment` over every bank. Throws if a bank the draw needs is missing or is not the size
 * the page said (a stale file): the island says so rather than asking other questions.
 */
export function drawFromLoaded(sizes: readonly BankSize[], loaded: ReadonlyMap<string, QuestionBank>, count: number, seed: Seed): Question[] {
  const banks = sizes.map((s) => {
    const bank = loaded.get(s.lesson);
    if (bank && bank.questions.length !== s.size) throw new Error(`Bank "${s.lesson}" holds ${bank.questions.length} questions, not ${s.size}`);
    return bank ?? standIn(s);
  });
  const drawn = drawAssessment(banks, count, seed);
  const missing = drawn.find((q) => !loaded.has(q.lesson ?? ''));
  if (missing) throw new Error(`Bank "${missing.lesson}" is needed but not loaded`);
  return drawn;
}

/** The course as the assessment page gives it to the island: one line per lesson, in course order,
 *  "slug<TAB>title<TAB>bank size" (0 without a bank). A string prop, not an array of objects: Astro
 *  serializes each object's keys and types, which made the page grow by ~370 B a lesson (issue #13). */
export function packCourse(lessons: ReadonlyArray<{ slug: string; title: string }>, banks: readonly BankSize[]): string {
  const sizes = new Map(banks.map((b) => [b.lesson, b.size]));
  return lessons.map((l) => `${l.slug}\t${l.title.replace(/[\t\n]/g, ' ')}\t${sizes.get(l.slug) ?? 0}`).join('\n');
}

/** packCourse read back: the lessons (with their positions) and the banks in course order. */
export function unpackCourse(packed: string): { lessons: AssessmentLesson[]; banks: BankSize[] } {
  const rows = packed ? packed.split('\n').map((line) => line.split('\t')) : [];
  return {
    lessons: rows.map(([slug, title], i) => ({ slug: slug!, title: title!, position: i + 1 })),
    banks: rows.filter((r) => Number(r[2]) > 0).map(([slug, , size]) => ({ lesson: slug!, size: Number(size) })),
  };
}
