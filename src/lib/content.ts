// Build-time access to the course content (server only): the sequenced path and the references.
import { getCollection, type CollectionEntry } from 'astro:content';
import { sequence, slugFromId } from './course';
import { formatDate as formatDay } from '../platform/format';

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

export async function getReferences() {
  const refs = await getCollection('references');
  return new Map(refs.map((r) => [r.id, r.data]));
}

/** A lesson's review date (a calendar date, parsed as UTC): the course's one date style. */
export function formatDate(date: Date): string {
  return formatDay(date, { utc: true });
}
