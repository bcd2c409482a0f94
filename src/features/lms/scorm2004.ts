// SCORM 2004 4th edition: the LMS's window.API_1484_11 (Initialize … Terminate), data model cmi.*.
import type { Launch, LmsAdapter, Report } from './adapter';
import { findApi } from './discover';
import { clip, isoDuration, scorm2004Response } from './interactions';

interface Api2004 {
  Initialize(s: ''): string;
  Terminate(s: ''): string;
  GetValue(key: string): string;
  SetValue(key: string, value: string): string;
  Commit(s: ''): string;
  GetLastError(): string;
}

export const SUSPEND_LIMIT_2004 = 64000;

export function scorm2004(win: Window = window): LmsAdapter {
  let api: Api2004 | null = null;
  let started = 0;
  let finished = false;
  let review = false;
  const set = (key: string, value: string) => api!.SetValue(key, value) === 'true';
  const get = (key: string) => api!.GetValue(key) ?? '';

  return {
    target: 'scorm2004',
    suspendLimit: SUSPEND_LIMIT_2004,
    async start(): Promise<Launch | null> {
      api = findApi<Api2004>('API_1484_11', win);
      if (!api) return null;
      // 103: already initialized (by an earlier page of this session).
      if (api.Initialize('') !== 'true' && api.GetLastError() !== '103') return null;
      started = Date.now();
      const mode = get('cmi.mode');
      review = mode === 'review' || mode === 'browse';
      if (!review && ['not attempted', 'unknown', ''].includes(get('cmi.completion_status'))) set('cmi.completion_status', 'incomplete');
      const mastery = parseFloat(get('cmi.scaled_passing_score'));
      return {
        suspend: get('cmi.suspend_data') || null,
        location: get('cmi.location') || null,
        mastery: Number.isFinite(mastery) ? mastery : null,
        mode: review ? (mode as 'review' | 'browse') : 'normal',
        learner: get('cmi.learner_id'),
      };
    },
    async report({ suspend, location, status, interactions }: Report) {
      if (!api || finished) return true;
      if (location.length <= 1000) set('cmi.location', location);
      if (suspend.length <= SUSPEND_LIMIT_2004) set('cmi.suspend_data', suspend);
      if (!review) {
        set('cmi.completion_status', status.completed ? 'completed' : 'incomplete');
        set('cmi.progress_measure', String(Math.round(status.progress * 10000) / 10000));
        set('cmi.success_status', status.passed === null ? 'unknown' : status.passed ? 'passed' : 'failed');
        if (status.score) {
          set('cmi.score.min', '0');
          set('cmi.score.max', String(status.score.max));
          set('cmi.score.raw', String(status.score.raw));
          set('cmi.score.scaled', String(status.score.scaled));
        }
        let n = parseInt(get('cmi.interactions._count'), 10) || 0;
        for (const i of interactions) {
          const p = `cmi.interactions.${n}.`;
          if (!set(`${p}id`, i.id)) continue;
          set(`${p}type`, i.type);
          // time(second,10,0): at most two decimals of seconds, the zone after them.
          set(`${p}timestamp`, `${new Date(i.time).toISOString().slice(0, 22)}Z`);
          set(`${p}weighting`, '1');
          set(`${p}learner_response`, scorm2004Response(i.response));
          set(`${p}correct_responses.0.pattern`, scorm2004Response(i.correct));
          set(`${p}result`, i.result ? 'correct' : 'incorrect');
          if (i.latencyMs !== undefined) set(`${p}latency`, isoDuration(i.latencyMs));
          set(`${p}description`, clip(i.description, 250));
          n++;
        }
      }
      // The commit's answer is the report's outcome: the session tells the learner when it fails.
      return api.Commit('') === 'true';
    },
    flush() {
      if (!api || finished) return true;
      try {
        return api.Commit('') === 'true';
      } catch {
        return false;
      }
    },
    finish() {
      if (!api || finished) return;
      finished = true;
      set('cmi.session_time', isoDuration(Date.now() - started));
      set('cmi.exit', 'suspend');
      api.Commit('');
      api.Terminate('');
    },
  };
}
