// Schemas for the course content. Shared by src/content.config.ts (the build) and the unit
// tests, so a rule proven in a test is the rule the build enforces.
import { z } from 'astro/zod';

export const AUDIENCES = ['student', 'patient'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Why a reference needs a check against its primary document (authoring only). */
export const REVIEW_FLAGS = ['label-derived', 'unverified', 'industry'] as const;
export type ReviewFlag = (typeof REVIEW_FLAGS)[number];

export const lessonSchema = z
  .object({
    title: z.string().trim().min(3, 'title must be at least 3 characters'),
    order: z.number().int('order must be a whole number').positive('order must be 1 or more'),
    summary: z.string().trim().min(20, 'summary must be a sentence of at least 20 characters'),
    minutes: z.number().int().min(1).max(120),
    objectives: z.array(z.string().trim().min(5)).min(1, 'objectives must list at least one objective'),
    audiences: z
      .array(z.enum(AUDIENCES, { message: `audiences may only contain ${AUDIENCES.join(', ')}` }))
      .min(1, 'audiences must name at least one audience'),
    lastReviewed: z.coerce.date({ message: 'lastReviewed must be a date (YYYY-MM-DD)' }),
    // The drug-label text the lesson was last checked against, in the learner's words (shown on the
    // lesson by LessonReviewed.astro), or a sentence saying the lesson does not rest on a label.
    labelVersion: z.string().trim().min(10, 'labelVersion must say which label text the lesson was checked against'),
    // Position in the patient path (issue: patient path); lessons without it are not on that path.
    patientOrder: z.number().int().positive().optional(),
    // Mechanism lessons embed the synapse diagram.
    diagram: z.boolean().default(false),
    // The module the lesson belongs to: an id in lessons/modules.yaml (src/course/modules.ts).
    module: z.string().regex(/^[a-z0-9-]+$/, 'module must be a module id from modules.yaml (lower-case letters, digits and hyphens)').optional(),
  })
  .strict();

export type LessonData = z.infer<typeof lessonSchema>;

/** A module of lessons (lessons/modules.yaml): shown on the path with its progress. */
export const moduleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
    title: z.string().trim().min(3, 'title must be at least 3 characters'),
    summary: z.string().trim().min(20, 'summary must be a sentence of at least 20 characters'),
  })
  .strict();

export const referenceSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
    authors: z.string().min(2),
    title: z.string().min(3),
    journal: z.string().min(2),
    year: z.number().int().min(1900).max(2100),
    doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, 'doi must look like 10.xxxx/…').optional(),
    pmid: z.string().regex(/^\d{5,9}$/, 'pmid must be digits').optional(),
    url: z.url().optional(),
    // Learner-facing: how sure the source is, in the reader's words ("manufacturer information, not
    // peer reviewed", "a study without a control group"). Shown on the references and /learned/ pages.
    certainty: z.string().min(3).optional(),
    // Authoring only (never rendered for learners; listed on /authoring/review/): what still has to
    // be checked against a primary document, and why.
    reviewNote: z.string().min(3).optional(),
    // Authoring only: the reference rests on label text read on a third-party copy, on an item the
    // fact base could not confirm, or on a commercial source. Drives the reviewer page.
    reviewFlags: z.array(z.enum(REVIEW_FLAGS)).min(1).optional(),
  })
  .strict();

export type Reference = z.infer<typeof referenceSchema>;

export const glossarySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'id must be lower-case letters, digits and hyphens'),
    term: z.string().min(1),
    clinical: z.string().min(10),
    plain: z.string().min(10),
    related: z.array(z.string()).default([]),
  })
  .strict();

export type GlossaryEntry = z.infer<typeof glossarySchema>;

/** Turns a zod error into one line per problem: "file: field: message". */
export function describeIssues(file: string, error: z.ZodError): string {
  return error.issues
    .map((issue) => `${file}: ${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('\n');
}

/** Validates one lesson's frontmatter; throws an Error naming the file and each field at fault. */
export function parseLesson(file: string, data: unknown): LessonData {
  const result = lessonSchema.safeParse(data);
  if (!result.success) throw new Error(describeIssues(file, result.error));
  return result.data;
}
