// Build-time access to the course content (server only): the sequenced path and the references.
import { getCollection, type CollectionEntry } from 'astro:content';
import { sequence, slugFromId } from '../features/path/course';
import { formatDate as formatDay } from '../platform/format';
import { groupModules, modulesBySlug, type CourseModule, type LessonModule } from './modules';

export interface CourseLesson {
  slug: string;
  order: number;
  title: string;
  file: string;
  entry: CollectionEntry<'lessons'>;
}

let cached: Promise<CourseLesson[]> | undefined;

/** Every lesson in path order; fails the build on a duplicate order or slug. */
export function getCourse(): Promise<CourseLesson[]> {
  cached ??= getCollection('lessons').then((entries) =>
    sequence(
      entries.map((entry) => ({
        slug: slugFromId(entry.id),
        order: entry.data.order,
        title: entry.data.title,
        file: entry.filePath ?? `lessons/${entry.id}.mdx`,
        entry,
      })),
    ),
  );
  return cached;
}

let modules: Promise<{ list: CourseModule[]; bySlug: Map<string, LessonModule> }> | undefined;

/** The course's modules in order (none if it defines none), and each lesson's module; fails the
 *  build naming the lesson file and its `module` field when a module is unknown or split. */
export function getModules() {
  modules ??= Promise.all([getCourse(), getCollection('modules')]).then(([course, defs]) => {
    const list = groupModules(
      course.map((l) => ({ slug: l.slug, file: l.file, module: l.entry.data.module })),
      defs.sort((a, b) => a.data.position - b.data.position).map((d) => ({ id: d.id, title: d.data.title, summary: d.data.summary })),
    );
    return { list, bySlug: modulesBySlug(list) };
  });
  return modules;
}

let references: Promise<Map<string, CollectionEntry<'references'>['data']>> | undefined;

/** The references by id; made once per build, not once per page (2,000 pages at 500 lessons). */
export function getReferences() {
  references ??= getCollection('references').then((refs) => new Map(refs.map((r) => [r.id, r.data])));
  return references;
}

let glossaryIds: Promise<Set<string>> | undefined;

/** The glossary's ids, once per build (each lesson page checks its <Term> ids against them). */
export function getGlossaryIds(): Promise<Set<string>> {
  glossaryIds ??= getCollection('glossary').then((terms) => new Set(terms.map((t) => t.id)));
  return glossaryIds;
}

let banks: Promise<Map<string, CollectionEntry<'quizzes'>[]>> | undefined;

/** The quiz banks that name a lesson, by lesson slug, once per build (not a scan of every bank on
 *  every lesson page: 500 × 500 at 500 lessons). */
export function getQuizBanks(): Promise<Map<string, CollectionEntry<'quizzes'>[]>> {
  banks ??= getCollection('quizzes').then((all) => {
    const bySlug = new Map<string, CollectionEntry<'quizzes'>[]>();
    for (const bank of all) bySlug.set(bank.data.lesson, [...(bySlug.get(bank.data.lesson) ?? []), bank]);
    return bySlug;
  });
  return banks;
}

/** A lesson's review date (a calendar date, parsed as UTC): the course's one date style. */
export function formatDate(date: Date): string {
  return formatDay(date, { utc: true });
}
