import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { lessonSchema, referenceSchema, glossarySchema } from './lib/schemas';
import { quizBankSchema } from './lib/quiz-schema';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { authoringVocabularyInData, authoringVocabularyInLesson } from './lib/content-rules';

// The course folder: lessons/, or another one for a synthetic or second course
// (COURSE_DIR=path npm run build; scripts/bench-scale.mjs).
const COURSE_DIR = (process.env.COURSE_DIR ?? './lessons').replace(/\/+$/, '');

// Authoring marks ([K], "verify", "fact sheet", …) in learner-facing content fail the build, naming
// the file and the field (rule and wording: src/lib/content-rules.ts). Runs when the collections load.
function assertNoAuthoringVocabulary(dir: string): void {
  const problems = readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = `${dir.replace(/^\.\//, '')}/${name}`;
      const text = readFileSync(join(dir, name), 'utf8');
      if (name.endsWith('.mdx')) return authoringVocabularyInLesson(file, text);
      if (name.endsWith('.yaml')) return authoringVocabularyInData(file, parseYaml(text));
      return [];
    });
  if (problems.length) {
    throw new Error(`Authoring vocabulary in learner-facing content (move it to a reviewNote or an MDX comment):\n${problems.join('\n')}`);
  }
}
assertNoAuthoringVocabulary(COURSE_DIR);

// A malformed file fails the build: Astro reports the entry's file and the zod path of the field.
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: COURSE_DIR }),
  schema: lessonSchema,
});

const references = defineCollection({
  loader: file(`${COURSE_DIR}/references.yaml`),
  schema: referenceSchema,
});

const glossary = defineCollection({
  loader: file(`${COURSE_DIR}/glossary.yaml`),
  schema: glossarySchema,
});

// One bank per lesson, lessons/NN-slug.quiz.yaml; the lesson page checks every question's
// section against the lesson's real headings.
const quizzes = defineCollection({
  loader: glob({ pattern: '*.quiz.yaml', base: COURSE_DIR }),
  schema: quizBankSchema,
});

export const collections = { lessons, references, glossary, quizzes };
