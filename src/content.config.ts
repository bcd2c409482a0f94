import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { z } from 'astro/zod';
import { lessonSchema, referenceSchema, glossarySchema, moduleSchema } from './course/schemas';
import { quizBankSchema } from './course/quiz-schema';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { assertCourseRules } from './course/rules';

// The course folder: lessons/, or another one for a synthetic or second course
// (COURSE_DIR=path npm run build; scripts/bench-scale.mjs).
const COURSE_DIR = (process.env.COURSE_DIR ?? './lessons').replace(/\/+$/, '');

// The content rules (citations, Cite/Term ids, lesson structure, plain-language grade, authoring
// marks) fail the build naming the file and the line or field: src/course/rules.ts. They run when
// the collections load, before any page is rendered.
assertCourseRules(COURSE_DIR);

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

// Optional: lessons/modules.yaml, a list of { id, title, summary } in path order. A course without
// it has no modules; the lessons' `module` fields are checked against it in src/course/content.ts.
const modulesFile = `${COURSE_DIR}/modules.yaml`;
// Read here rather than with file(): the module's place in the list is its number, and a
// collection's entries come back in no particular order.
const modules = defineCollection({
  loader: () =>
    existsSync(modulesFile)
      ? (parseYaml(readFileSync(modulesFile, 'utf8')) as Array<Record<string, unknown>>).map((m, i) => ({ ...m, id: String(m.id), position: i + 1 }))
      : [],
  schema: moduleSchema.extend({ position: z.number().int().positive() }),
});

export const collections = { lessons, references, glossary, quizzes, modules };
