// The course as the LMS adapter needs it: lessons in order, and each quiz question's type, keys
// (option, item or pair ids in bank order), correct response and prompt. scripts/package.mjs writes
// it to lms/course.json in every package; the codec and the interactions read it, so answers
// travel as short indices rather than ids, and interactions carry the correct response.
import type { CompletionRule } from '../../course/config';

export type MapQuestionType = 'single' | 'multiple' | 'truefalse' | 'ordering' | 'matching';

export interface MapQuestion {
  id: string;
  type: MapQuestionType;
  /** single/multiple: option ids; ordering: item ids in the correct order; matching: pair ids. */
  keys: string[];
  /** single: option id; multiple: option ids; truefalse: boolean; ordering and matching: implied by keys. */
  answer?: string | string[] | boolean;
  /** The question, for the interaction's description. */
  prompt: string;
}

export interface MapLesson {
  slug: string;
  title: string;
  questions: MapQuestion[];
}

export interface CourseMap {
  id: string;
  title: string;
  masteryScore: number;
  completion: CompletionRule;
  lessons: MapLesson[];
}

/** Assessment answers are keyed "lesson--question" (src/features/quiz/assessment.ts assessmentId). */
export const ASSESSMENT_SEPARATOR = '--';

export interface Located {
  lesson: MapLesson;
  question: MapQuestion;
  /** Position across all banks, in course order. */
  global: number;
}

/** Index of every question by its assessment id, and by position across all banks. */
export function indexQuestions(map: CourseMap): { byId: Map<string, Located>; all: Located[] } {
  const byId = new Map<string, Located>();
  const all: Located[] = [];
  for (const lesson of map.lessons) {
    for (const question of lesson.questions) {
      const located = { lesson, question, global: all.length };
      all.push(located);
      byId.set(`${lesson.slug}${ASSESSMENT_SEPARATOR}${question.id}`, located);
    }
  }
  return { byId, all };
}
