// SCORM 1.2: the LMS's window.API (LMSInitialize … LMSFinish), data model cmi.core.*.
import type { Launch, LmsAdapter, Report } from './adapter';
import { findApi } from './discover';
import { clip, scorm12Response, scorm12Timespan } from './interactions';

interface Api12 {
  LMSInitialize(s: ''): string;
  LMSFinish(s: ''): string;
  LMSGetValue(key: string): string;
  LMSSetValue(key: string, value: string): string;
  LMSCommit(s: ''): string;
  LMSGetLastError(): string;
}

export const SUSPEND_LIMIT_12 = 4096;
const TYPES = { choice: 'choice', 'true-false': 'true-false', sequencing: 'sequencing', matching: 'matching' } as const;

export function scorm12(win: Window = window): LmsAdapter {
  let api: Api12 | null = null;
  let started = 0;
  let finished = false;
  let review = false;
  const set = (key: string, value: string) => api!.LMSSetValue(key, value) === 'true';
  const get = (key: string) => api!.LMSGetValue(key) ?? '';

  return {
    target: 'scorm12',
    suspendLimit: SUSPEND_LIMIT_12,
    async start(): Promise<Launch | null> {
      api = findApi<Api12>('API', win);
      if (!api) return null;
      // "101" is "already initialized": another page of this session did it; carry on.
      if (api.LMSInitialize('') !== 'true' && api.LMSGetLastError() !== '101') return null;
      started = Date.now();
      const mode = get('cmi.core.lesson_mode');
      review = mode === 'review' || mode === 'browse';
      if (!review && get('cmi.core.lesson_status') === 'not attempted') set('cmi.core.lesson_status', 'incomplete');
      const mastery = parseFloat(get('cmi.student_data.mastery_score'));
      return {
        suspend: get('cmi.suspend_data') || null,
        location: get('cmi.core.lesson_location') || null,
        mastery: Number.isFinite(mastery) ? mastery / 100 : null,
        mode: review ? (mode as 'review' | 'browse') : 'normal',
        learner: get('cmi.core.student_id'),
      };
    },
    async report({ suspend, location, status, interactions }: Report) {
      if (!api || finished) return true;
      if (location.length <= 255) set('cmi.core.lesson_location', location);
      // The caller never hands more than the limit (the codec test proves the course fits).
      if (suspend.length <= SUSPEND_LIMIT_12) set('cmi.suspend_data', suspend);
      if (!review) {
        const lessonStatus = status.passed ? 'passed' : status.passed === false && status.completed ? 'failed' : status.completed ? 'completed' : 'incomplete';
        set('cmi.core.lesson_status', lessonStatus);
        if (status.score) {
          // SCORM 1.2 scores are 0–100 (the LMS compares them with its mastery score).
          set('cmi.core.score.min', '0');
          set('cmi.core.score.max', '100');
          set('cmi.core.score.raw', String(Math.round(status.score.scaled * 10000) / 100));
        }
        let n = parseInt(get('cmi.interactions._count'), 10) || 0;
        for (const i of interactions) {
          const response = scorm12Response(i.response, i.keys);
          const correct = scorm12Response(i.correct, i.keys);
          if (response.length > 255 || correct.length > 255) continue;
          const p = `cmi.interactions.${n}.`;
          set(`${p}id`, clip(i.id, 255));
          set(`${p}time`, new Date(i.time).toISOString().slice(11, 19));
          set(`${p}type`, TYPES[i.type]);
          set(`${p}correct_responses.0.pattern`, correct);
          set(`${p}weighting`, '1');
          set(`${p}student_response`, response);
          set(`${p}result`, i.result ? 'correct' : 'wrong');
          if (i.latencyMs !== undefined) set(`${p}latency`, scorm12Timespan(i.latencyMs));
          n++;
        }
      }
      // The commit's answer is the report's outcome: the session tells the learner when it fails.
      return api.LMSCommit('') === 'true';
    },
    flush() {
      if (!api || finished) return true;
      try {
        return api.LMSCommit('') === 'true';
      } catch {
        return false;
      }
    },
    finish() {
      if (!api || finished) return;
      finished = true;
      set('cmi.core.session_time', scorm12Timespan(Date.now() - started));
      // Suspend, so that the next launch is a resume with this suspend_data and location.
      set('cmi.core.exit', 'suspend');
      api.LMSCommit('');
      api.LMSFinish('');
    },
  };
}
