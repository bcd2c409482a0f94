// One lesson's question bank for the final assessment, written at build time as a small JSON file
// (/assessment/banks/<lesson>.json): the island fetches only the banks its draw needs, so the page
// does not grow with the course. It carries the lesson's "Re-read" section texts too, and the
// build stops here if a question names a section its lesson does not have.
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, render } from 'astro:content';
import { getCourse } from '../../../course/content';
import { assessmentId, banksInCourseOrder, missingSections, sectionsMap, type BankFile } from '../../../features/quiz/assessment';
import type { Question } from '../../../features/quiz/quiz.types';

export const getStaticPaths = (async () => {
  const course = await getCourse();
  const banks = banksInCourseOrder(
    course,
    (await getCollection('quizzes')).map((entry) => ({ lesson: entry.data.lesson, questions: entry.data.questions as Question[] })),
  );
  return Promise.all(
    banks.map(async (bank) => {
      const lesson = course.find((l) => l.slug === bank.lesson)!;
      const sections = sectionsMap([{ slug: lesson.slug, headings: (await render(lesson.entry)).headings }]);
      const faults = missingSections(
        bank.questions.map((q) => ({ ...q, id: assessmentId(bank.lesson, q.id), lesson: bank.lesson })),
        sections,
      );
      if (faults.length) throw new Error(`Final assessment:\n${faults.join('\n')}`);
      const file: BankFile = { lesson: bank.lesson, questions: [...bank.questions], sections };
      return { params: { lesson: bank.lesson }, props: { file } };
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(props.file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
