// The lessons /learned/ shows, in its order (the patient path first, then the others), each with the
// key points its MDX tree gave (src/integrations/key-points.mjs). Build-time only: render() here
// only loads a lesson's compiled module for its frontmatter; nothing is rendered.
import { render } from 'astro:content';
import { getCourse } from './content';
import { patientPath } from '../platform/audience';
import type { KeyPoint } from './key-points';

export interface LearnedEntry {
  slug: string;
  title: string;
  points: KeyPoint[] | undefined;
}

let cached: Promise<LearnedEntry[]> | undefined;

/** Every lesson with its key points, made once per build (the module pages share it). */
export function learnedLessons(): Promise<LearnedEntry[]> {
  cached ??= getCourse().then(async (course) => {
    const ordered = patientPath(course.map((l) => ({ ...l, patientOrder: l.entry.data.patientOrder })));
    return Promise.all(
      [...ordered.path, ...ordered.more].map(async (lesson) => ({
        slug: lesson.slug,
        title: lesson.title,
        points: (await render(lesson.entry)).remarkPluginFrontmatter?.keyPoints as KeyPoint[] | undefined,
      })),
    );
  });
  return cached;
}
