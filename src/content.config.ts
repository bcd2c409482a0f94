import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { lessonSchema, referenceSchema, glossarySchema } from './lib/schemas';
import { quizBankSchema } from './lib/quiz-schema';

// A malformed file fails the build: Astro reports the entry's file and the zod path of the field.
const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './lessons' }),
  schema: lessonSchema,
});

const references = defineCollection({
  loader: file('./lessons/references.yaml'),
  schema: referenceSchema,
});

const glossary = defineCollection({
  loader: file('./lessons/glossary.yaml'),
  schema: glossarySchema,
});

// One bank per lesson, lessons/NN-slug.quiz.yaml; the lesson page checks every question's
// section against the lesson's real headings.
const quizzes = defineCollection({
  loader: glob({ pattern: '*.quiz.yaml', base: './lessons' }),
  schema: quizBankSchema,
});

export const collections = { lessons, references, glossary, quizzes };
