// The stored list's format and the rules every writer shares: the consult page (questions.ts,
// page.ts) and the lessons' "Add to my questions" buttons (ask.ts). Kept apart from the suggested
// questions and the page's words so that the lesson pages load only this (a small shared chunk).
//   {"version":1,"questions":["…","…"]}
import { key } from '../../platform/storage';

export const QUESTIONS_KEY = key('questions');
export const QUESTIONS_VERSION = 1;
/** Longest question kept (characters); the text box has the same maxlength. */
export const MAX_LENGTH = 300;
/** Most questions kept: far more than fit one printed page or one appointment. */
export const MAX_QUESTIONS = 40;
const MAX_RAW = 50_000;

export type QuestionsProblem = 'unavailable' | 'unreadable' | 'repaired';

/** Trims, joins runs of white space and cuts to MAX_LENGTH; '' when nothing is left. */
export function cleanQuestion(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_LENGTH).trim();
}

/** True when two questions are the same apart from case, spaces and the closing mark. */
export function sameQuestion(a: string, b: string): boolean {
  const key = (s: string) => cleanQuestion(s).toLowerCase().replace(/[\s.?!]+$/, '');
  return key(a) === key(b);
}

/** Parses a stored value; never throws. `problem` says what was wrong, if anything. */
export function parseQuestions(raw: string | null): { questions: string[]; problem: QuestionsProblem | null } {
  if (raw === null) return { questions: [], problem: null };
  let data: unknown;
  try {
    if (raw.length > MAX_RAW) throw new Error('too long');
    data = JSON.parse(raw);
  } catch {
    return { questions: [], problem: 'unreadable' };
  }
  const list = (data as { questions?: unknown })?.questions;
  if ((data as { version?: unknown })?.version !== QUESTIONS_VERSION || !Array.isArray(list)) {
    return { questions: [], problem: 'unreadable' };
  }
  let questions: string[] = [];
  for (const item of list) questions = addQuestion(questions, cleanQuestion(item)).list;
  return { questions, problem: questions.length === list.length ? null : 'repaired' };
}

export function serializeQuestions(questions: readonly string[]): string {
  return JSON.stringify({ version: QUESTIONS_VERSION, questions });
}

/** Adds a question at the end unless it is empty, already there, or the list is full. */
export function addQuestion(
  list: readonly string[],
  text: string,
): { list: string[]; result: 'added' | 'empty' | 'already' | 'full' } {
  const question = cleanQuestion(text);
  if (!question) return { list: [...list], result: 'empty' };
  if (list.some((q) => sameQuestion(q, question))) return { list: [...list], result: 'already' };
  if (list.length >= MAX_QUESTIONS) return { list: [...list], result: 'full' };
  return { list: [...list, question], result: 'added' };
}

