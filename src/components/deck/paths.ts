// The static paths of the three deck views (src/pages/lessons/[slug]/slides|presenter|handout.astro):
// one page per lesson, the lesson as its prop. Build-time only.
import { getCourse, type CourseLesson } from '../../course/content';

export async function deckPaths() {
  const course = await getCourse();
  return course.map((lesson) => ({ params: { slug: lesson.slug }, props: { lesson } }));
}

export type DeckPageProps = { lesson: CourseLesson };
