// Types shared by the quiz machine, the quiz bank schema and the Quiz component.
// Plain TypeScript, no zod: the machine ships to the browser and must stay small.
// src/course/quiz-schema.ts checks at compile time that a parsed bank fits these types.

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'ordering', 'matching'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type QuizMode = 'mastery' | 'practice';

export interface QuestionBase {
  /** Unique within a bank; a slug. Stored answers are keyed by it. */
  id: string;
  /** The question itself, shown as the fieldset's legend. */
  prompt: string;
  /** Optional help, shown under the legend and tied to the controls with aria-describedby. */
  hint?: string;
  /** Anchor slug of the lesson section that teaches this ("Re-read" link). */
  section: string;
  /** Lesson slug, when it differs from the quiz's own lesson (set by drawAssessment). */
  lesson?: string;
}

export interface ChoiceOption {
  id: string;
  text: string;
  /** Why this option is right or wrong; shown after Check. */
  explanation: string;
}

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
  /** The id of the one correct option. */
  answer: string;
}

export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
  /** The ids of every correct option (at least one). */
  answer: string[];
}

export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  answer: boolean;
  /** Why the statement is true or false; shown after Check whichever was chosen. */
  explanation: string;
}

export interface OrderingItem {
  id: string;
  text: string;
}

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** The steps, listed in the correct order. The learner sees them scrambled. */
  items: OrderingItem[];
  explanation: string;
}

export interface MatchingPair {
  id: string;
  term: string;
  definition: string;
}

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** Each term with its own definition. The learner picks a definition for each term. */
  pairs: MatchingPair[];
  explanation: string;
}

export type Question = SingleQuestion | MultipleQuestion | TrueFalseQuestion | OrderingQuestion | MatchingQuestion;

/** What a learner gave, per question type. */
export interface ResponseByType {
  single: string;
  multiple: string[];
  truefalse: boolean;
  /** Item ids in the learner's order. */
  ordering: string[];
  /** Term (pair id) → the pair id whose definition the learner chose. */
  matching: Record<string, string>;
}
export type QuizResponse = ResponseByType[QuestionType];
export type Responses = Record<string, QuizResponse>;

export type QuestionResult = 'correct' | 'incorrect';

/** Why Check was refused. `missing` lists the matching terms still without a definition. */
export interface QuizError {
  questionId: string;
  kind: 'empty' | 'incomplete';
  missing: string[];
}

export interface QuizInput {
  questions: Question[];
  /** Fraction of questions needed to pass (mastery mode), 0 < passMark ≤ 1. Default 0.8. */
  passMark?: number;
  mode?: QuizMode;
  /** Answers from an earlier attempt: the right ones are kept, the rest are asked again. */
  previous?: Responses;
}

export interface QuizContext {
  questions: Question[];
  passMark: number;
  mode: QuizMode;
  /** Index of the question on screen. */
  index: number;
  responses: Responses;
  results: Record<string, QuestionResult>;
  /** Ids of questions answered right in an earlier attempt and kept (not asked again). */
  kept: string[];
  error: QuizError | null;
  /** Number of questions answered right. */
  score: number;
}

export type QuizEvent =
  /** Stored mode or answers, known only once the page runs: applied while the quiz is on its intro. */
  | { type: 'CONFIGURE'; mode?: QuizMode; previous?: Responses }
  | { type: 'START' }
  | { type: 'ANSWER'; questionId: string; response: QuizResponse }
  | { type: 'CHECK' }
  | { type: 'NEXT' }
  | { type: 'PREVIOUS' }
  | { type: 'REVIEW' }
  | { type: 'BACK' }
  | { type: 'RETRY' };

/** Given to `saveAttempt` (and the component's onComplete) when a pass through the quiz ends. */
export interface QuizAttempt {
  score: number;
  total: number;
  /** True/false in mastery mode; null in practice mode, which has no pass or fail. */
  passed: boolean | null;
  mode: QuizMode;
  passMark: number;
  answers: Responses;
  results: Record<string, QuestionResult>;
}

/** Parameters of the `announce` action: the component turns them into words for its live region. */
export type Announcement =
  | { kind: 'checked'; questionId: string; correct: boolean }
  | { kind: 'error'; questionId: string }
  | { kind: 'complete'; score: number; total: number; passed: boolean | null }
  | { kind: 'retry'; kept: number; remaining: number };
