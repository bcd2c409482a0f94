// The lesson path: order, slugs, previous/next. Pure functions over plain data so that pages,
// client scripts and tests share one definition of "the course".

export interface PathLesson {
  slug: string;
  order: number;
  title: string;
  file?: string;
}

/** "03-the-glutamate-synapse" → "the-glutamate-synapse": URLs stay stable when lessons are renumbered. */
export function slugFromId(id: string): string {
  return id.replace(/\.mdx?$/, '').replace(/^\d+[-_]/, '');
}

/** Sorts lessons by order and fails, naming both files, when two share an order or a slug. */
export function sequence<T extends PathLesson>(lessons: T[]): T[] {
  const byOrder = new Map<number, T>();
  const bySlug = new Map<string, T>();
  for (const lesson of lessons) {
    const sameOrder = byOrder.get(lesson.order);
    if (sameOrder) {
      throw new Error(
        `${lesson.file ?? lesson.slug}: order: ${lesson.order} is already used by ${sameOrder.file ?? sameOrder.slug}`,
      );
    }
    const sameSlug = bySlug.get(lesson.slug);
    if (sameSlug) {
      throw new Error(`${lesson.file ?? lesson.slug}: slug "${lesson.slug}" is already used by ${sameSlug.file}`);
    }
    byOrder.set(lesson.order, lesson);
    bySlug.set(lesson.slug, lesson);
  }
  return [...lessons].sort((a, b) => a.order - b.order);
}

export function neighbours<T extends PathLesson>(path: T[], slug: string) {
  const index = path.findIndex((l) => l.slug === slug);
  if (index === -1) throw new Error(`No lesson with slug "${slug}"`);
  return {
    index,
    position: index + 1,
    total: path.length,
    previous: index > 0 ? path[index - 1] : undefined,
    next: index < path.length - 1 ? path[index + 1] : undefined,
  };
}

export function lessonUrl(slug: string): string {
  return `/lessons/${slug}/`;
}

// What completing the course means, in this one place: every lesson complete and the final
// assessment passed. The path, the lesson pages, /progress/ and the certificate all ask this.
// Structural types keep it pure (no import of the progress store into build-time code).
export interface CourseRecord {
  lessons: Record<string, { completedAt?: string } | undefined>;
  assessment?: { passedAt?: string; best?: number; total?: number };
}

export type AssessmentState = 'locked' | 'ready' | 'passed';

export interface CourseStatus {
  /** Lessons of the course that are not complete, in course order. */
  missing: string[];
  done: number;
  total: number;
  /** locked: lessons still to finish; ready: every lesson done, not yet passed; passed. */
  assessment: AssessmentState;
  complete: boolean;
}

export function courseStatus(record: CourseRecord, slugs: readonly string[]): CourseStatus {
  const missing = slugs.filter((slug) => !record.lessons[slug]?.completedAt);
  const passed = Boolean(record.assessment?.passedAt);
  return {
    missing,
    done: slugs.length - missing.length,
    total: slugs.length,
    assessment: passed ? 'passed' : missing.length ? 'locked' : 'ready',
    complete: passed && missing.length === 0,
  };
}

export const ASSESSMENT_URL = '/assessment/';
export const CERTIFICATE_URL = '/certificate/';
