// The quiz as a pure XState v5 machine: no DOM, no storage, no timers.
//
//   intro ──START──▶ answering ──CHECK──▶ checked ──NEXT──▶ answering (next unanswered question)
//                     │  ▲ CHECK with nothing          │
//                     └──┘ chosen: error + focus       └─NEXT on the last─▶ passed | failed (mastery)
//                                                                          done           (practice)
//   passed | failed | done ──REVIEW──▶ review ──BACK──▶ (the result again)
//   passed | failed | done | review ──RETRY──▶ answering: right answers kept, wrong ones cleared
//
// Effects are named actions that do nothing here; the component supplies them with
// `quizMachine.provide({ actions: { announce, focusFeedback, … } })`.
import { assign, setup } from 'xstate';
import { hashSeed, seededShuffle } from '../lib/shuffle';
import type {
  Announcement,
  Question,
  QuestionResult,
  QuizAttempt,
  QuizContext,
  QuizError,
  QuizEvent,
  QuizInput,
  QuizMode,
  QuizResponse,
  Responses,
} from './quiz.types';

export const DEFAULT_PASS_MARK = 0.8;

// ── Pure scoring ─────────────────────────────────────────────────────────────────────────────

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

// ── Context helpers (pure) ───────────────────────────────────────────────────────────────────

function withStartingResponses(questions: Question[], responses: Responses): Responses {
  const next = { ...responses };
  for (const q of questions) if (q.type === 'ordering' && next[q.id] === undefined) next[q.id] = initialOrder(q);
  return next;
}

function firstPending(ctx: Pick<QuizContext, 'questions' | 'results'>, after = -1): number {
  const { questions, results } = ctx;
  for (let i = after + 1; i < questions.length; i++) if (!results[questions[i].id]) return i;
  for (let i = 0; i <= after && i < questions.length; i++) if (!results[questions[i].id]) return i;
  return -1;
}

/** Keeps the answers that were right; everything else is asked again. */
function keepRight(questions: Question[], responses: Responses, results: Record<string, QuestionResult>) {
  const keptResponses: Responses = {};
  const keptResults: Record<string, QuestionResult> = {};
  for (const q of questions) {
    if (results[q.id] === 'correct' && responses[q.id] !== undefined) {
      keptResponses[q.id] = responses[q.id];
      keptResults[q.id] = 'correct';
    }
  }
  return {
    responses: withStartingResponses(questions, keptResponses),
    results: keptResults,
    kept: Object.keys(keptResults),
    score: scoreOf(keptResults),
  };
}

export function createInitialContext(input: QuizInput): QuizContext {
  const questions = input.questions ?? [];
  const passMark =
    typeof input.passMark === 'number' && input.passMark > 0 && input.passMark <= 1 ? input.passMark : DEFAULT_PASS_MARK;
  const mode: QuizMode = input.mode === 'practice' ? 'practice' : 'mastery';
  // Previous answers are untrusted (they come from storage): keep only well-formed right ones.
  const previous: Responses = {};
  const previousResults: Record<string, QuestionResult> = {};
  for (const q of questions) {
    const response = input.previous?.[q.id];
    if (isValidResponse(q, response) && scoreResponse(q, response)) {
      previous[q.id] = response;
      previousResults[q.id] = 'correct';
    }
  }
  const kept = keepRight(questions, previous, previousResults);
  const index = Math.max(0, firstPending({ questions, results: kept.results }));
  return { questions, passMark, mode, index, error: null, ...kept };
}

export function attemptOf(ctx: QuizContext): QuizAttempt {
  const total = ctx.questions.length;
  return {
    score: ctx.score,
    total,
    passed: ctx.mode === 'practice' ? null : ctx.score >= requiredToPass(total, ctx.passMark),
    mode: ctx.mode,
    passMark: ctx.passMark,
    answers: { ...ctx.responses },
    results: { ...ctx.results },
  };
}

const current = (ctx: QuizContext): Question | undefined => ctx.questions[ctx.index];

// ── The machine ──────────────────────────────────────────────────────────────────────────────

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizInput,
  },
  actions: {
    // Effects: no-ops here, supplied by the component with provide().
    announce: (_, _params: Announcement) => {},
    focusQuestion: (_, _params: { questionId: string }) => {},
    focusErrorSummary: () => {},
    focusFeedback: () => {},
    focusResult: () => {},
    focusReview: () => {},
    saveAttempt: (_, _params: QuizAttempt) => {},

    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER') return {};
      const responses = { ...context.responses, [event.questionId]: event.response };
      let error = context.error;
      if (error?.questionId === event.questionId) {
        error = responseProblem(current(context)!, event.response);
      }
      return { responses, error };
    }),
    flagError: assign(({ context }) => ({
      error: responseProblem(current(context)!, context.responses[current(context)!.id]),
    })),
    markCurrent: assign(({ context }) => {
      const q = current(context)!;
      const results = { ...context.results, [q.id]: scoreResponse(q, context.responses[q.id]) ? 'correct' : 'incorrect' } as const;
      return { results, score: scoreOf(results), error: null };
    }),
    goToNextPending: assign(({ context }) => ({ index: firstPending(context, context.index), error: null })),
    goToPrevious: assign(({ context }) => ({ index: context.index - 1, error: null })),
    goToFirstPending: assign(({ context }) => ({ index: Math.max(0, firstPending(context)), error: null })),
    retryWrong: assign(({ context }) => {
      const kept = keepRight(context.questions, context.responses, context.results);
      return { ...kept, index: Math.max(0, firstPending({ questions: context.questions, results: kept.results })), error: null };
    }),
  },
  guards: {
    canAnswer: ({ context, event }) =>
      event.type === 'ANSWER' &&
      current(context)?.id === event.questionId &&
      !context.results[event.questionId] &&
      isValidResponse(current(context)!, event.response),
    cannotCheck: ({ context }) => {
      const q = current(context);
      return !q || responseProblem(q, context.responses[q.id]) !== null;
    },
    hasPending: ({ context }) => firstPending(context) !== -1,
    hasPrevious: ({ context }) => context.index > 0,
    previousIsChecked: ({ context }) =>
      context.index > 0 && !!context.results[context.questions[context.index - 1].id],
    hasWrong: ({ context }) => context.questions.some((q) => context.results[q.id] !== 'correct'),
    isPractice: ({ context }) => context.mode === 'practice',
    isPassing: ({ context }) => context.score >= requiredToPass(context.questions.length, context.passMark),
  },
}).createMachine({
  id: 'quiz',
  context: ({ input }) => createInitialContext(input),
  initial: 'intro',
  states: {
    intro: {
      on: {
        START: [
          {
            guard: 'hasPending',
            target: 'answering',
            actions: [
              'goToFirstPending',
              { type: 'focusQuestion', params: ({ context }) => ({ questionId: current(context)!.id }) },
            ],
          },
          // Every question was already answered right before: straight to the result.
          { target: 'result' },
        ],
      },
    },
    answering: {
      on: {
        ANSWER: { guard: 'canAnswer', actions: 'recordAnswer' },
        CHECK: [
          {
            guard: 'cannotCheck',
            // Re-entering keeps the state but runs the effects again: focus returns to the summary.
            target: 'answering',
            reenter: true,
            actions: [
              'flagError',
              'focusErrorSummary',
              { type: 'announce', params: ({ context }) => ({ kind: 'error', questionId: current(context)!.id }) },
            ],
          },
          {
            target: 'checked',
            actions: [
              'markCurrent',
              {
                type: 'announce',
                params: ({ context }) => ({
                  kind: 'checked',
                  questionId: current(context)!.id,
                  correct: context.results[current(context)!.id] === 'correct',
                }),
              },
              'focusFeedback',
            ],
          },
        ],
        PREVIOUS: { guard: 'hasPrevious', target: '#quiz.previous' },
      },
    },
    checked: {
      on: {
        NEXT: [
          {
            guard: 'hasPending',
            target: 'answering',
            actions: [
              'goToNextPending',
              { type: 'focusQuestion', params: ({ context }) => ({ questionId: current(context)!.id }) },
            ],
          },
          {
            target: 'result',
            actions: [
              { type: 'saveAttempt', params: ({ context }) => attemptOf(context) },
              {
                type: 'announce',
                params: ({ context }) => {
                  const { score, total, passed } = attemptOf(context);
                  return { kind: 'complete', score, total, passed };
                },
              },
            ],
          },
        ],
        PREVIOUS: { guard: 'hasPrevious', target: '#quiz.previous' },
      },
    },
    // Transient (entered only when there is a previous question): goes back one question, to its
    // feedback if it was checked.
    previous: {
      always: [
        {
          guard: 'previousIsChecked',
          target: 'checked',
          actions: ['goToPrevious', { type: 'focusQuestion', params: ({ context }) => ({ questionId: current(context)!.id }) }],
        },
        {
          target: 'answering',
          actions: ['goToPrevious', { type: 'focusQuestion', params: ({ context }) => ({ questionId: current(context)!.id }) }],
        },
      ],
    },
    // Transient: resolves to the result state for the mode and score.
    result: {
      always: [
        { guard: 'isPractice', target: 'done' },
        { guard: 'isPassing', target: 'passed' },
        { target: 'failed' },
      ],
    },
    passed: { entry: 'focusResult', on: { REVIEW: 'review', RETRY: { guard: 'hasWrong', target: '#quiz.retry' } } },
    failed: { entry: 'focusResult', on: { REVIEW: 'review', RETRY: { guard: 'hasWrong', target: '#quiz.retry' } } },
    done: { entry: 'focusResult', on: { REVIEW: 'review', RETRY: { guard: 'hasWrong', target: '#quiz.retry' } } },
    review: {
      entry: 'focusReview',
      on: { BACK: 'result', RETRY: { guard: 'hasWrong', target: '#quiz.retry' } },
    },
    // Transient: keep what was right (WCAG 3.3.7), clear the rest, go to the first question to redo.
    retry: {
      always: {
        target: 'answering',
        actions: [
          'retryWrong',
          {
            type: 'announce',
            params: ({ context }) => ({
              kind: 'retry',
              kept: context.kept.length,
              remaining: context.questions.length - context.kept.length,
            }),
          },
          { type: 'focusQuestion', params: ({ context }) => ({ questionId: current(context)!.id }) },
        ],
      },
    },
  },
});

export type QuizMachine = typeof quizMachine;
