// Per-question interactions, from the progress record's quiz histories: each finished attempt at a
// lesson quiz or the final assessment becomes one interaction per answered question, in a neutral
// form that each adapter writes in its own standard's format.
import { indexQuestions, type CourseMap, type MapQuestion } from './course-map';
import type { QuizProgress, ProgressRecord } from './store-link';

export type InteractionType = 'choice' | 'true-false' | 'sequencing' | 'matching';

/** A response: choice and sequencing are option/item ids, matching is [term, chosen] pairs. */
export type Response = { kind: 'ids'; ids: string[] } | { kind: 'bool'; value: boolean } | { kind: 'pairs'; pairs: [string, string][] };

export interface Interaction {
  /** "lesson/question" for a lesson quiz, "assessment/lesson/question" for the final assessment. */
  id: string;
  type: InteractionType;
  /** The question's option, item or pair ids in bank order (for formats that use positions). */
  keys: string[];
  response: Response;
  correct: Response;
  result: boolean;
  /** Time spent answering, when the page saw it (ms). */
  latencyMs?: number;
  /** When the attempt was recorded (ISO). */
  time: string;
  description: string;
}

const TYPE: Record<MapQuestion['type'], InteractionType> = {
  single: 'choice',
  multiple: 'choice',
  truefalse: 'true-false',
  ordering: 'sequencing',
  matching: 'matching',
};

function correctResponse(q: MapQuestion): Response {
  if (q.type === 'truefalse') return { kind: 'bool', value: q.answer === true };
  if (q.type === 'matching') return { kind: 'pairs', pairs: q.keys.map((k) => [k, k]) };
  if (q.type === 'ordering') return { kind: 'ids', ids: [...q.keys] };
  return { kind: 'ids', ids: Array.isArray(q.answer) ? [...q.answer] : [String(q.answer)] };
}

function learnerResponse(q: MapQuestion, value: unknown): Response | null {
  if (q.type === 'truefalse') return typeof value === 'boolean' ? { kind: 'bool', value } : null;
  if (q.type === 'matching') {
    if (typeof value !== 'object' || value === null) return null;
    const chosen = value as Record<string, unknown>;
    return { kind: 'pairs', pairs: q.keys.filter((k) => typeof chosen[k] === 'string').map((k) => [k, chosen[k] as string]) };
  }
  if (q.type === 'single') return typeof value === 'string' && q.keys.includes(value) ? { kind: 'ids', ids: [value] } : null;
  return Array.isArray(value) && value.every((v) => typeof v === 'string' && q.keys.includes(v)) ? { kind: 'ids', ids: value as string[] } : null;
}

function isCorrect(q: MapQuestion, r: Response): boolean {
  const c = correctResponse(q);
  if (r.kind === 'bool' && c.kind === 'bool') return r.value === c.value;
  if (r.kind === 'pairs' && c.kind === 'pairs') return r.pairs.length === c.pairs.length && r.pairs.every(([a, b]) => a === b);
  if (r.kind === 'ids' && c.kind === 'ids') {
    if (q.type === 'multiple') return r.ids.length === c.ids.length && c.ids.every((id) => r.ids.includes(id));
    return r.ids.join('\n') === c.ids.join('\n');
  }
  return false;
}

export interface Pending {
  /** Lesson slug or "assessment". */
  quiz: string;
  attempts: number;
  interactions: Interaction[];
}

/**
 * The attempts not yet reported: for each quiz whose attempt count passed what was reported, the
 * latest attempt's answers (the record keeps the latest only). `latency` gives the time the page
 * saw the learner spend on a question, by its prompt.
 */
export function pendingInteractions(
  record: ProgressRecord,
  reported: Record<string, number>,
  map: CourseMap,
  latency: (prompt: string) => number | undefined = () => undefined,
): Pending[] {
  const { byId } = indexQuestions(map);
  const out: Pending[] = [];
  const build = (quiz: string, progress: QuizProgress | undefined, find: (id: string) => { q: MapQuestion; id: string } | undefined) => {
    if (!progress?.attempts || !progress.last || !progress.lastAt || progress.attempts <= (reported[quiz] ?? 0)) return;
    const interactions: Interaction[] = [];
    for (const [key, value] of Object.entries(progress.last)) {
      const found = find(key);
      const response = found && learnerResponse(found.q, value);
      if (!found || !response) continue;
      interactions.push({
        id: found.id,
        type: TYPE[found.q.type],
        keys: found.q.keys,
        response,
        correct: correctResponse(found.q),
        result: isCorrect(found.q, response),
        latencyMs: latency(found.q.prompt),
        time: progress.lastAt,
        description: found.q.prompt,
      });
    }
    out.push({ quiz, attempts: progress.attempts, interactions });
  };
  for (const lesson of map.lessons) {
    const bank = new Map(lesson.questions.map((q) => [q.id, q]));
    build(lesson.slug, record.lessons[lesson.slug]?.quiz, (id) => {
      const q = bank.get(id);
      return q && { q, id: `${lesson.slug}/${id}` };
    });
  }
  build('assessment', record.assessment, (id) => {
    const at = byId.get(id);
    return at && { q: at.question, id: `assessment/${at.lesson.slug}/${at.question.id}` };
  });
  return out;
}

// Formats shared by the adapters.

/** SCORM 1.2 single characters for positions 0–35: a–z then 0–9. */
export const letter = (i: number) => (i < 26 ? String.fromCharCode(97 + i) : String(i - 26));

/** SCORM 1.2 (RTE 3.4.4): choice and sequencing are position letters "a,c"; true-false "t"/"f";
 *  matching "a.b,b.c". */
export function scorm12Response(r: Response, keys: string[]): string {
  const at = (id: string) => letter(Math.max(0, keys.indexOf(id)));
  if (r.kind === 'bool') return r.value ? 't' : 'f';
  if (r.kind === 'pairs') return r.pairs.map(([a, b]) => `${at(a)}.${at(b)}`).join(',');
  return r.ids.map(at).join(',');
}

/** SCORM 2004 (RTE 4.2.9.1) and xAPI: ids joined by "[,]", matching "term[.]chosen", true-false "true"/"false". */
export function scorm2004Response(r: Response): string {
  if (r.kind === 'bool') return String(r.value);
  if (r.kind === 'pairs') return r.pairs.map(([a, b]) => `${a}[.]${b}`).join('[,]');
  return r.ids.join('[,]');
}

/** ISO 8601 duration with at most two decimals of seconds: "PT1H2M3.45S". */
export function isoDuration(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = Math.round((total % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

/** SCORM 1.2 CMITimespan: "HHHH:MM:SS.SS". */
export function scorm12Timespan(ms: number): string {
  const total = Math.max(0, ms) / 1000;
  const pad = (n: number, w = 2) => String(Math.floor(n)).padStart(w, '0');
  const cs = Math.floor((total % 1) * 100);
  return `${pad(total / 3600, 4)}:${pad((total % 3600) / 60)}:${pad(total % 60)}.${String(cs).padStart(2, '0')}`;
}

/** Clips to a character limit (SCORM 1.2: 255; SCORM 2004 description: 250). */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
