// The quiz bank: lessons/<lesson>.quiz.yaml. One schema for the content collection (the build)
// and for validateQuizBank (tests, scripts), so a rule proven in a test is the rule the build runs.
//
// Field rules (types, lengths) live in the object schemas; rules that compare fields (unique ids,
// answers that point at real options) live in one superRefine, whose messages name the question
// id. Zod runs the superRefine only when the field rules pass, so a file is fixed in two rounds
// at worst.
import { z } from 'astro/zod';
import type { Question } from '../features/quiz/quiz.types';

export const MIN_QUESTIONS = 4;
export const MAX_QUESTIONS = 8;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 8;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = (field: string) =>
  z
    .string({ error: `${field} is required and must be text` })
    .regex(SLUG, `${field} must be lower-case letters, digits and single hyphens (e.g. "response-is-not-remission")`);

const text = (field: string, min = 1) =>
  z
    .string({ error: `${field} is required and must be text` })
    .trim()
    .min(min, `${field} must be at least ${min} characters`);

const explanation = (what: string) =>
  z
    .string({ error: `explanation is required: say why ${what}` })
    .trim()
    .min(10, `explanation must be a sentence (at least 10 characters) saying why ${what}`);

const list = <T extends z.ZodType>(item: T, field: string) =>
  z
    .array(item, { error: `${field} must be a list` })
    .min(MIN_CHOICES, `${field} must have at least ${MIN_CHOICES} entries`)
    .max(MAX_CHOICES, `${field} must have at most ${MAX_CHOICES} entries`);

const questionBase = {
  id: slug('id'),
  prompt: text('prompt', 5),
  hint: text('hint').optional(),
  section: slug('section'),
};

export const choiceOptionSchema = z
  .object({
    id: slug('option id'),
    text: text('option text'),
    explanation: explanation('this option is right or wrong'),
  })
  .strict();

const singleSchema = z
  .object({
    ...questionBase,
    type: z.literal('single'),
    options: list(choiceOptionSchema, 'options'),
    answer: z.string({ error: 'answer must be the id of the one correct option' }),
  })
  .strict();

const multipleSchema = z
  .object({
    ...questionBase,
    type: z.literal('multiple'),
    options: list(choiceOptionSchema, 'options'),
    answer: z
      .array(z.string(), { error: 'answer must be a list of the correct option ids' })
      .min(1, 'answer must name at least one correct option'),
  })
  .strict();

const trueFalseSchema = z
  .object({
    ...questionBase,
    type: z.literal('truefalse'),
    answer: z.boolean({ error: 'answer must be true or false (without quotes)' }),
    explanation: explanation('the statement is true or false'),
  })
  .strict();

const orderingSchema = z
  .object({
    ...questionBase,
    type: z.literal('ordering'),
    items: list(z.object({ id: slug('item id'), text: text('item text') }).strict(), 'items'),
    explanation: explanation('the steps come in this order'),
  })
  .strict();

const matchingSchema = z
  .object({
    ...questionBase,
    type: z.literal('matching'),
    pairs: list(
      z.object({ id: slug('pair id'), term: text('term'), definition: text('definition') }).strict(),
      'pairs',
    ),
    explanation: explanation('each term goes with its definition'),
  })
  .strict();

export const questionSchema = z.discriminatedUnion(
  'type',
  [singleSchema, multipleSchema, trueFalseSchema, orderingSchema, matchingSchema],
  { error: 'type must be one of: single, multiple, truefalse, ordering, matching' },
);

type Ctx = z.RefinementCtx;
type Path = (string | number)[];

function duplicates(values: string[]): Map<string, number> {
  // value → index of its second occurrence
  const seen = new Set<string>();
  const dup = new Map<string, number>();
  values.forEach((value, i) => {
    if (seen.has(value) && !dup.has(value)) dup.set(value, i);
    seen.add(value);
  });
  return dup;
}

function requireUnique(ctx: Ctx, qid: string, path: Path, values: string[], what: string, key: string) {
  for (const [value, i] of duplicates(values)) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, i, key],
      message: `question "${qid}": ${what} "${value}" is used twice`,
    });
  }
}

function checkQuestion(question: z.infer<typeof questionSchema>, path: Path, ctx: Ctx) {
  const qid = question.id;
  switch (question.type) {
    case 'single':
    case 'multiple': {
      const ids = question.options.map((o) => o.id);
      requireUnique(ctx, qid, [...path, 'options'], ids, 'option id', 'id');
      requireUnique(ctx, qid, [...path, 'options'], question.options.map((o) => o.text), 'option text', 'text');
      const known = new Set(ids);
      const answers = question.type === 'single' ? [question.answer] : question.answer;
      answers.forEach((answer, i) => {
        if (!known.has(answer)) {
          ctx.addIssue({
            code: 'custom',
            path: question.type === 'single' ? [...path, 'answer'] : [...path, 'answer', i],
            message: `question "${qid}": answer "${answer}" is not one of its option ids (${ids.join(', ')})`,
          });
        }
      });
      if (question.type === 'multiple') {
        for (const [answer, i] of duplicates(question.answer)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'answer', i],
            message: `question "${qid}": answer "${answer}" is listed twice`,
          });
        }
      }
      break;
    }
    case 'ordering':
      requireUnique(ctx, qid, [...path, 'items'], question.items.map((i) => i.id), 'item id', 'id');
      requireUnique(ctx, qid, [...path, 'items'], question.items.map((i) => i.text), 'item text', 'text');
      break;
    case 'matching':
      requireUnique(ctx, qid, [...path, 'pairs'], question.pairs.map((p) => p.id), 'pair id', 'id');
      requireUnique(ctx, qid, [...path, 'pairs'], question.pairs.map((p) => p.term), 'term', 'term');
      requireUnique(ctx, qid, [...path, 'pairs'], question.pairs.map((p) => p.definition), 'definition', 'definition');
      break;
    case 'truefalse':
      break;
  }
}

export const quizBankSchema = z
  .object({
    lesson: slug('lesson'),
    passMark: z
      .number({ error: 'passMark must be a number between 0 and 1, e.g. 0.8' })
      .gt(0, 'passMark must be more than 0')
      .max(1, 'passMark must be at most 1 (it is a fraction: 0.8 means 80 %)')
      .optional(),
    questions: z
      .array(questionSchema, { error: 'questions must be a list' })
      .min(MIN_QUESTIONS, `questions: a bank needs at least ${MIN_QUESTIONS} questions`)
      .max(MAX_QUESTIONS, `questions: a bank has at most ${MAX_QUESTIONS} questions`),
  })
  .strict()
  .superRefine((bank, ctx) => {
    const ids = bank.questions.map((q) => q.id);
    for (const [id, i] of duplicates(ids)) {
      ctx.addIssue({
        code: 'custom',
        path: ['questions', i, 'id'],
        message: `question "${id}": id is already used by question ${ids.indexOf(id) + 1}`,
      });
    }
    bank.questions.forEach((question, i) => checkQuestion(question, ['questions', i], ctx));
  });

export type QuizBank = z.infer<typeof quizBankSchema>;

// Compile-time proof that a parsed bank is what the machine and component take.
const questionsFitTheMachine = (bank: QuizBank): Question[] => bank.questions;
void questionsFitTheMachine;

function questionLabel(data: unknown, index: number): string {
  const questions = (data as { questions?: unknown } | null)?.questions;
  const id = Array.isArray(questions) ? (questions[index] as { id?: unknown } | null)?.id : undefined;
  return typeof id === 'string' && id ? `question "${id}"` : `question ${index + 1}`;
}

/** One line per problem: "file: field path: question "id": message". */
export function describeQuizIssues(file: string, data: unknown, error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path as Path;
      const where = path.length ? path.join('.') : '(root)';
      let message = issue.message;
      if (path[0] === 'questions' && typeof path[1] === 'number' && !message.startsWith('question "')) {
        message = `${questionLabel(data, path[1])}: ${message}`;
      }
      return `${file}: ${where}: ${message}`;
    })
    .join('\n');
}

/** Validates a parsed quiz bank; throws an Error naming the file, the question id and the field. */
export function validateQuizBank(file: string, data: unknown): QuizBank {
  const result = quizBankSchema.safeParse(data);
  if (!result.success) throw new Error(describeQuizIssues(file, data, result.error));
  return result.data;
}

/**
 * Checks every question's `section` against the anchors the lesson really has (heading slugs),
 * so a "Re-read" link never points nowhere. For content tests, which know the lesson's headings.
 */
export function checkQuizSections(file: string, bank: QuizBank, anchors: Iterable<string>): void {
  const known = new Set(anchors);
  const problems = bank.questions
    .map((q, i) =>
      known.has(q.section)
        ? null
        : `${file}: questions.${i}.section: question "${q.id}": section "${q.section}" is not a heading anchor of lesson "${bank.lesson}"`,
    )
    .filter((line): line is string => line !== null);
  if (problems.length) throw new Error(problems.join('\n'));
}
