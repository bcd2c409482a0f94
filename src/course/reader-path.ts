// Build-time only: a lesson's neighbours along each reader's path (course order; the patient path),
// for LessonFooter and LessonPager. The patient path is the lessons with a patientOrder; a lesson
// off it ("More lessons" on the home page) has its neighbours among those other lessons.
import { getCourse } from './content';
import { patientPath } from '../platform/audience';

export interface Neighbour {
  slug: string;
  title: string;
}
export interface ReaderNeighbours {
  previous?: Neighbour;
  next?: Neighbour;
}

const pick = (l?: { slug: string; title: string }): Neighbour | undefined => l && { slug: l.slug, title: l.title };

function around<T extends { slug: string; title: string }>(list: T[], slug: string): ReaderNeighbours {
  const i = list.findIndex((l) => l.slug === slug);
  return i === -1 ? {} : { previous: pick(list[i - 1]), next: pick(list[i + 1]) };
}

export async function readerNeighbours(slug: string) {
  const course = await getCourse();
  const lessons = course.map((l) => ({ slug: l.slug, title: l.title, order: l.order, patientOrder: l.entry.data.patientOrder }));
  const { path, more } = patientPath(lessons);
  const onPath = path.some((l) => l.slug === slug);
  const patient = around(onPath ? path : more, slug);
  const everyone = around(lessons, slug);
  return {
    course: everyone,
    patient,
    /** The patient's last lesson of their path: "next" becomes their questions for the doctor. */
    patientEnd: onPath && !patient.next,
    /** The same links for everyone: no need for a patient version. */
    same: everyone.previous?.slug === patient.previous?.slug && everyone.next?.slug === patient.next?.slug,
  };
}
