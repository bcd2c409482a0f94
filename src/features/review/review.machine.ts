// The review session: the due questions one by one, each answered and checked as in the quiz
// (the same marking, src/features/quiz/scoring.ts), with feedback; the learner may stop at any
// time. Pure: no DOM, no storage, no clock. Effects are no-op actions the island supplies with
// provide(): `grade` (save one review now, so stopping loses nothing), `announce`, focus moves.
//   intro ─START→ answering ─CHECK→ checked ─NEXT→ answering … ─NEXT (last)→ done
//   answering/checked ─STOP→ done;   no questions → empty
import { assign, setup } from 'xstate';
import { responseProblem, scoreResponse } from '../quiz/scoring';
import type { Question, QuestionResult, QuizError, QuizResponse, Responses } from '../quiz/quiz.types';

export interface ReviewInput {
  /** The questions due, in the order to ask them (at most SESSION_SIZE). Each has its `lesson`. */
  questions: Question[];
}

export interface ReviewContext {
  questions: Question[];
  index: number;
  responses: Responses;
  results: Record<string, QuestionResult>;
  error: QuizError | null;
  /** True when the learner stopped before the last question. */
  stopped: boolean;
}

export type ReviewEvent =
  | { type: 'START' }
  | { type: 'ANSWER'; questionId: string; response: QuizResponse }
  | { type: 'CHECK' }
  | { type: 'NEXT' }
  | { type: 'STOP' };

export type ReviewAnnouncement =
  | { kind: 'checked'; correct: boolean }
  | { kind: 'done'; answered: number; right: number; stopped: boolean };

const current = (c: ReviewContext) => c.questions[c.index];
const answered = (c: ReviewContext) => Object.keys(c.results).length;
const right = (c: ReviewContext) => Object.values(c.results).filter((r) => r === 'correct').length;

export const reviewMachine = setup({
  types: { context: {} as ReviewContext, events: {} as ReviewEvent, input: {} as ReviewInput },
  actions: {
    grade: (_, _params: { question: Question; correct: boolean }) => {},
    announce: (_, _params: ReviewAnnouncement) => {},
    focusQuestion: () => {},
    focusErrorSummary: () => {},
    focusFeedback: () => {},
    focusResult: () => {},

    recordAnswer: assign(({ context, event }) => {
      if (event.type !== 'ANSWER' || event.questionId !== current(context)?.id) return {};
      const responses = { ...context.responses, [event.questionId]: event.response };
      // An error on show is re-checked as the learner answers, so it goes once it is fixed.
      const error = context.error ? responseProblem(current(context), event.response) : null;
      return { responses, error };
    }),
    flagError: assign(({ context }) => ({ error: responseProblem(current(context), context.responses[current(context).id]) })),
    mark: assign(({ context }) => {
      const q = current(context);
      return { results: { ...context.results, [q.id]: scoreResponse(q, context.responses[q.id]) ? 'correct' : 'incorrect' } as const, error: null };
    }),
    advance: assign(({ context }) => ({ index: context.index + 1 })),
    markStopped: assign(({ context }) => ({ stopped: answered(context) < context.questions.length })),
  },
  guards: {
    none: ({ context }) => context.questions.length === 0,
    unanswerable: ({ context }) => responseProblem(current(context), context.responses[current(context).id]) !== null,
    more: ({ context }) => context.index + 1 < context.questions.length,
  },
}).createMachine({
  id: 'review',
  context: ({ input }) => ({ questions: input.questions, index: 0, responses: {}, results: {}, error: null, stopped: false }),
  initial: 'start',
  states: {
    start: { always: [{ guard: 'none', target: 'empty' }, { target: 'intro' }] },
    empty: {},
    intro: { on: { START: { target: 'answering' } } },
    answering: {
      entry: 'focusQuestion',
      on: {
        ANSWER: { actions: 'recordAnswer' },
        CHECK: [
          { guard: 'unanswerable', actions: ['flagError', 'focusErrorSummary'] },
          {
            target: 'checked',
            actions: [
              'mark',
              {
                type: 'grade',
                params: ({ context }) => ({ question: current(context), correct: context.results[current(context).id] === 'correct' }),
              },
              { type: 'announce', params: ({ context }) => ({ kind: 'checked', correct: context.results[current(context).id] === 'correct' }) },
            ],
          },
        ],
        STOP: { target: 'done' },
      },
    },
    checked: {
      entry: 'focusFeedback',
      on: {
        NEXT: [{ guard: 'more', target: 'answering', actions: 'advance' }, { target: 'done' }],
        STOP: { target: 'done' },
      },
    },
    done: {
      type: 'final',
      entry: [
        'markStopped',
        'focusResult',
        { type: 'announce', params: ({ context }) => ({ kind: 'done', answered: answered(context), right: right(context), stopped: context.stopped }) },
      ],
    },
  },
});
