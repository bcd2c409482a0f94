// The quiz as a pure XState v5 machine: no DOM, no storage, no timers.
//
//   intro ──CONFIGURE (stored mode or answers)──▶ intro
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
import {
  DEFAULT_PASS_MARK,
  initialOrder,
  isValidResponse,
  requiredToPass,
  responseProblem,
  scoreOf,
  scoreResponse,
} from './scoring';
import type {
  Announcement,
  Question,
  QuestionResult,
  QuizAttempt,
  QuizContext,
  QuizEvent,
  QuizInput,
  QuizMode,
  QuizResponse,
  Responses,
} from './quiz.types';

// The machine's callers read scoring through it, as before the split.
export * from './scoring';

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
    configure: assign(({ context, event }) =>
      event.type === 'CONFIGURE'
        ? createInitialContext({
            questions: context.questions,
            passMark: context.passMark,
            mode: event.mode ?? context.mode,
            previous: event.previous,
          })
        : {},
    ),
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
        CONFIGURE: { actions: 'configure' },
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
