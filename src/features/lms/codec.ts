// A compact text encoding of the progress record for SCORM suspend_data, which SCORM 1.2 limits to
// 4,096 characters for the whole course. JSON of a full record is far larger (ISO dates, answer
// ids); here dates are milliseconds since 2020 in base 36, numbers are base 36, lessons are
// positions in the course, and quiz answers are option indices. Everything is printable ASCII
// without quotes, so no LMS mangles it.
//
//   1|<lesson>;<lesson>;…|<assessment>|<reported>
//   lesson:      visited,reached,completed[,<quiz>]          (empty: no entry for this lesson)
//   quiz:        attempts,best,total,seed,passed,practised,lastAt,=<answers>
//   answers:     lesson quiz: one token per question in bank order, joined by "."
//                assessment: <global index>:<token> for each answer, joined by "."
//   reported:    attempts already sent as interactions, per lesson then the assessment, joined by ","
//
// What the course map cannot describe (a lesson or question it does not list, a response of the
// wrong shape) is not encoded: no record this course writes has such parts.
import { indexQuestions, type CourseMap, type MapQuestion } from './course-map';
import { readRecord, type LessonProgress, type ProgressRecord, type QuizProgress } from './store-link';

export const FORMAT = '1';
const EPOCH = Date.UTC(2020, 0, 1);

/** What the adapter keeps in the LMS: the record, and which quiz attempts it has reported. */
export interface LmsState {
  record: ProgressRecord;
  /** Lesson slug or "assessment" → the attempt count whose interactions were sent. */
  reported: Record<string, number>;
}

const num = (n: number | undefined) => (n === undefined ? '' : n.toString(36));
const unnum = (s: string) => (s === '' ? undefined : parseInt(s, 36));
const time = (iso: string | undefined) => (iso === undefined ? '' : (Date.parse(iso) - EPOCH).toString(36));
const untime = (s: string) => (s === '' ? undefined : new Date(parseInt(s, 36) + EPOCH).toISOString());
const digit = (i: number) => i.toString(36);

function indexOf(q: MapQuestion, key: unknown): number {
  const i = typeof key === 'string' ? q.keys.indexOf(key) : -1;
  if (i < 0 || i > 35) throw new Error('unencodable');
  return i;
}

/** One answer as a token (never empty, never containing , . ; | : =); throws when it does not fit. */
function token(q: MapQuestion, value: unknown): string {
  switch (q.type) {
    case 'single':
      return digit(indexOf(q, value));
    case 'truefalse':
      if (typeof value !== 'boolean') throw new Error('unencodable');
      return value ? 't' : 'f';
    case 'multiple':
    case 'ordering':
      if (!Array.isArray(value)) throw new Error('unencodable');
      return value.length ? value.map((v) => digit(indexOf(q, v))).join('') : '-';
    case 'matching': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('unencodable');
      const chosen = value as Record<string, unknown>;
      if (Object.keys(chosen).some((k) => !q.keys.includes(k))) throw new Error('unencodable');
      return q.keys.map((k) => (k in chosen ? digit(indexOf(q, chosen[k])) : '_')).join('');
    }
  }
}

function untoken(q: MapQuestion, t: string): unknown {
  const key = (c: string) => {
    const k = q.keys[parseInt(c, 36)];
    if (k === undefined) throw new Error('bad token');
    return k;
  };
  switch (q.type) {
    case 'single':
      return key(t);
    case 'truefalse':
      if (t !== 't' && t !== 'f') throw new Error('bad token');
      return t === 't';
    case 'multiple':
    case 'ordering':
      return t === '-' ? [] : [...t].map(key);
    case 'matching': {
      if (t.length !== q.keys.length) throw new Error('bad token');
      const out: Record<string, string> = {};
      [...t].forEach((c, i) => {
        if (c !== '_') out[q.keys[i]] = key(c);
      });
      return out;
    }
  }
}

/** Tries to encode; an answer that does not fit the map is left out. */
function tryToken(q: MapQuestion | undefined, value: unknown): string | null {
  if (!q) return null;
  try {
    return token(q, value);
  } catch {
    return null;
  }
}

function quiz(p: QuizProgress, answers: (last: Record<string, unknown>) => string): string {
  return [
    num(p.attempts),
    num(p.best),
    num(p.total),
    num(p.seed),
    time(p.passedAt),
    time(p.practisedAt),
    time(p.lastAt),
    p.last ? `=${answers(p.last)}` : '',
  ].join(',');
}

function unquiz(fields: string[], answers: (text: string) => Record<string, unknown>): QuizProgress {
  const [attempts, best, total, seed, passedAt, practisedAt, lastAt, last] = fields;
  const out: QuizProgress = {
    attempts: unnum(attempts),
    best: unnum(best),
    total: unnum(total),
    seed: unnum(seed),
    passedAt: untime(passedAt),
    practisedAt: untime(practisedAt),
    lastAt: untime(lastAt),
    last: last ? answers(last.slice(1)) : undefined,
  };
  return prune(out);
}

function prune<T extends object>(value: T): T {
  for (const k of Object.keys(value) as (keyof T)[]) if (value[k] === undefined) delete value[k];
  return value;
}

export function encode({ record, reported }: LmsState, map: CourseMap): string {
  const { byId } = indexQuestions(map);
  const lessons = map.lessons.map((lesson) => {
    const entry = record.lessons[lesson.slug];
    if (!entry) return '';
    const head = [time(entry.visitedAt), time(entry.reachedEndAt), time(entry.completedAt)];
    if (!entry.quiz) return head.join(',');
    const bank = new Map(lesson.questions.map((q) => [q.id, q]));
    const answers = (last: Record<string, unknown>) =>
      lesson.questions.map((q) => (q.id in last ? (tryToken(bank.get(q.id), last[q.id]) ?? '') : '')).join('.');
    return `${head.join(',')},${quiz(entry.quiz, answers)}`;
  });
  const assessment = record.assessment
    ? quiz(record.assessment, (last) =>
        Object.entries(last)
          .map(([id, value]) => {
            const at = byId.get(id);
            const t = at && tryToken(at.question, value);
            return t ? `${num(at.global)}:${t}` : null;
          })
          .filter(Boolean)
          .join('.'),
      )
    : '';
  const counts = [...map.lessons.map((l) => num(reported[l.slug])), num(reported.assessment)].join(',');
  return [FORMAT, lessons.join(';'), assessment, counts].join('|');
}

/** Reads what encode wrote; null if it is not a record of this format and course (untrusted input). */
export function decode(text: string, map: CourseMap): LmsState | null {
  try {
    const parts = text.split('|');
    if (parts.length !== 4 || parts[0] !== FORMAT) return null;
    const { all } = indexQuestions(map);
    const lessonParts = parts[1].split(';');
    if (lessonParts.length !== map.lessons.length) return null;
    const record: ProgressRecord = { version: 4, lessons: {} } as ProgressRecord;
    map.lessons.forEach((lesson, i) => {
      const text = lessonParts[i];
      if (text === '') return;
      const fields = text.split(',');
      if (fields.length !== 3 && fields.length !== 11) throw new Error('bad lesson');
      const entry: LessonProgress = prune({ visitedAt: untime(fields[0]), reachedEndAt: untime(fields[1]), completedAt: untime(fields[2]) });
      if (fields.length === 11) {
        entry.quiz = unquiz(fields.slice(3), (answers) => {
          const tokens = answers.split('.');
          if (tokens.length !== lesson.questions.length) throw new Error('bad answers');
          const out: Record<string, unknown> = {};
          tokens.forEach((t, j) => {
            if (t !== '') out[lesson.questions[j].id] = untoken(lesson.questions[j], t);
          });
          return out;
        });
      }
      record.lessons[lesson.slug] = entry;
    });
    if (parts[2] !== '') {
      const fields = parts[2].split(',');
      if (fields.length !== 8) throw new Error('bad assessment');
      record.assessment = unquiz(fields, (answers) => {
        const out: Record<string, unknown> = {};
        for (const item of answers ? answers.split('.') : []) {
          const [g, t] = item.split(':');
          const at = all[parseInt(g, 36)];
          if (!at || t === undefined) throw new Error('bad answer');
          out[`${at.lesson.slug}--${at.question.id}`] = untoken(at.question, t);
        }
        return out;
      });
    }
    const counts = parts[3].split(',');
    if (counts.length !== map.lessons.length + 1) return null;
    const reported: Record<string, number> = {};
    [...map.lessons.map((l) => l.slug), 'assessment'].forEach((key, i) => {
      const n = unnum(counts[i]);
      if (n !== undefined) reported[key] = n;
    });
    const checked = validate(record);
    return checked ? { record: checked, reported } : null;
  } catch {
    return null;
  }
}

/** The decoded record goes through the store's own validation, like any untrusted record. */
function validate(record: ProgressRecord): ProgressRecord | null {
  const outcome = readRecord(JSON.stringify(record));
  return outcome.kind === 'ok' ? outcome.record : null;
}
