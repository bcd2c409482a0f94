// What the LMS is told about the course as a whole, from the progress record: completion by the
// course's rule, success and score from the final assessment, progress as a fraction of lessons.
import type { CompletionRule } from '../../course/config';
import type { CourseMap } from './course-map';
import type { ProgressRecord } from './store-link';

export interface CourseStatus {
  completed: boolean;
  /** null until the final assessment has been finished in mastery mode. */
  passed: boolean | null;
  /** Best assessment score: questions right, of total; scaled = raw / max. */
  score: { raw: number; max: number; scaled: number } | null;
  /** Completed lessons / lessons. */
  progress: number;
  lessonsDone: number;
}

export function courseStatus(record: ProgressRecord, map: CourseMap, mastery: number, rule: CompletionRule = map.completion): CourseStatus {
  const lessonsDone = map.lessons.filter((l) => record.lessons[l.slug]?.completedAt).length;
  const a = record.assessment;
  const score = a?.total ? { raw: a.best ?? 0, max: a.total, scaled: Math.round(((a.best ?? 0) / a.total) * 10000) / 10000 } : null;
  // Passing is the best score against the mastery score in force (the LMS's when it sends one).
  const passed = score ? score.scaled >= mastery - 1e-9 : null;
  const allLessons = lessonsDone === map.lessons.length;
  const completed = rule === 'all-lessons' ? allLessons : rule === 'assessment' ? passed === true : allLessons && passed === true;
  return { completed, passed, score, progress: map.lessons.length ? lessonsDone / map.lessons.length : 0, lessonsDone };
}
