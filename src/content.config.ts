import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { lessonSchema, referenceSchema, glossarySchema } from './lib/schemas';

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

export const collections = { lessons, references, glossary };
