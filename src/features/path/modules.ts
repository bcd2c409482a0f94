// The home page's modules (ModuleGroup.astro), once progress is read: what each module's summary
// says after its lesson count, and which module is open. Pure, over the same record and
// courseStatus that the path's statuses use (statuses.ts), so it ships no second way of counting.
import { courseStatus, type CourseRecord } from './course';

/**
 * `modules`: each module's lesson slugs, modules in course order (the build keeps a module's
 * lessons together and in order: src/course/modules.ts). Gives [words, current]. `words`: "1 of 3 complete",
 * or "Complete". `current`: the module to open, the one holding the first lesson not complete;
 * with every lesson complete, Module 1 (what the page shows without JavaScript, and where a
 * review starts: "Review the course from Lesson 1"; the final step is outside the modules).
 */
export function modulePath(record: CourseRecord, modules: string[][]): [words: string[], current: number] {
  const status = modules.map((slugs) => courseStatus(record, slugs));
  return [status.map((s) => (s.done < s.total ? `${s.done} of ${s.total} complete` : 'Complete')), status.findIndex((s) => s.done < s.total) + 1 || 1];
}
