// Pure scoring of quiz responses: shape checks for untrusted stored answers, whole-question
// marking, per-part marks for feedback, the pass mark. No DOM, no storage; shared by the machine,
// the components and the assessment.
import { hashSeed, seededShuffle } from './shuffle';
import type { Question, QuestionResult, QuizError, QuizResponse } from './quiz.types';

export const DEFAULT_PASS_MARK = 0.8;

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

const sameSet = (a: string[], b: string[]) => {
  const setA = new Set(a);
  return setA.size === a.length && a.length === b.length && b.every((x) => setA.has(x));
};

/**
 * True when `response` has the right shape for `question` and only names its own options, items
 * or pairs. Previous answers come from storage, which is untrusted: anything else is dropped.
 * A well-shaped response may still be incomplete (no option ticked, a term without a definition).
 */
export function isValidResponse(question: Question, response: unknown): response is QuizResponse {
  switch (question.type) {
    case 'single':
      return typeof response === 'string' && question.options.some((o) => o.id === response);
    case 'multiple': {
      const ids = new Set(question.options.map((o) => o.id));
      return isStringArray(response) && new Set(response).size === response.length && response.every((r) => ids.has(r));
    }
    case 'truefalse':
      return typeof response === 'boolean';
    case 'ordering':
      return isStringArray(response) && sameSet(response, question.items.map((i) => i.id));
    case 'matching': {
      if (typeof response !== 'object' || response === null || Array.isArray(response)) return false;
      const ids = new Set(question.pairs.map((p) => p.id));
      return Object.entries(response).every(([term, chosen]) => ids.has(term) && typeof chosen === 'string' && ids.has(chosen));
    }
  }
}

/** Why this response cannot be checked yet, or null when it can. */
export function responseProblem(question: Question, response: QuizResponse | undefined): QuizError | null {
  const empty: QuizError = { questionId: question.id, kind: 'empty', missing: [] };
  if (response === undefined || !isValidResponse(question, response)) {
    if (question.type === 'matching') return { ...empty, missing: question.pairs.map((p) => p.id) };
    return empty;
  }
  if (question.type === 'multiple' && (response as string[]).length === 0) return empty;
  if (question.type === 'matching') {
    const chosen = response as Record<string, string>;
    const missing = question.pairs.map((p) => p.id).filter((id) => !chosen[id]);
    if (missing.length === question.pairs.length) return { ...empty, missing };
    if (missing.length) return { questionId: question.id, kind: 'incomplete', missing };
  }
  return null;
}

/** Whole-question marking: a response is right only when all of it is right. */
export function scoreResponse(question: Question, response: QuizResponse | undefined): boolean {
  if (response === undefined || !isValidResponse(question, response)) return false;
  switch (question.type) {
    case 'single':
      return response === question.answer;
    case 'multiple':
      return sameSet(response as string[], question.answer);
    case 'truefalse':
      return response === question.answer;
    case 'ordering':
      return question.items.every((item, i) => (response as string[])[i] === item.id);
    case 'matching':
      return question.pairs.every((p) => (response as Record<string, string>)[p.id] === p.id);
  }
}

/** Which parts were right, for feedback: per option (choices), per position (ordering), per term (matching). */
export function markParts(question: Question, response: QuizResponse | undefined): Record<string, boolean> {
  const parts: Record<string, boolean> = {};
  if (response === undefined || !isValidResponse(question, response)) return parts;
  switch (question.type) {
    case 'single':
      parts[response as string] = response === question.answer;
      break;
    case 'multiple':
      for (const id of response as string[]) parts[id] = question.answer.includes(id);
      break;
    case 'truefalse':
      parts[String(response)] = response === question.answer;
      break;
    case 'ordering':
      (response as string[]).forEach((id, i) => (parts[id] = question.items[i]?.id === id));
      break;
    case 'matching':
      for (const [term, chosen] of Object.entries(response as Record<string, string>)) parts[term] = term === chosen;
      break;
  }
  return parts;
}

/** Number of right answers needed to pass: the pass mark as a fraction, rounded up. */
export function requiredToPass(total: number, passMark: number): number {
  return Math.ceil(total * passMark - 1e-9);
}

export function scoreOf(results: Record<string, QuestionResult>): number {
  return Object.values(results).filter((r) => r === 'correct').length;
}

/** The scrambled order an ordering question starts in: stable per question, never already solved. */
export function initialOrder(question: Question): string[] {
  if (question.type !== 'ordering') return [];
  const ids = question.items.map((i) => i.id);
  const order = seededShuffle(ids, hashSeed(question.id));
  if (ids.length > 1 && order.every((id, i) => id === ids[i])) order.push(order.shift()!);
  return order;
}
