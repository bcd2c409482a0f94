// cmi5 (AU side, cmi5 spec section 8–10, xAPI 1.0.3): a small client rather than @xapi/cmi5, which
// is about 31 KB gzip with its HTTP and xAPI layers. This course needs the launch parameters, one
// fetch-token call, two state documents and a handful of statements: a few KB.
import type { Launch, LmsAdapter, Report } from './adapter';
import { readValue, session as tabStorage, write, type StorageLike } from '../../platform/storage';
import { isoDuration, scorm2004Response, type Interaction } from './interactions';

const VERB = 'http://adlnet.gov/expapi/verbs/';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
const CATEGORY = { cmi5: `${CMI5}categories/cmi5`, moveOn: `${CMI5}categories/moveon` };
// The session id extension comes in LaunchData's contextTemplate, copied into every statement.
const MASTERY = `${CMI5}extensions/masteryscore`;
/** Our own state document: the progress (suspend), location and which statements were sent. */
const PROGRESS_STATE = 'progress';

export interface Cmi5Params {
  endpoint: string;
  fetch: string;
  actor: Record<string, unknown>;
  registration: string;
  activityId: string;
}

/** The five launch parameters (cmi5 8.1), or null when this is not a cmi5 launch. */
export function launchParams(search: string): Cmi5Params | null {
  const q = new URLSearchParams(search);
  const [endpoint, fetchUrl, actor, registration, activityId] = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'].map((k) => q.get(k));
  if (!endpoint || !fetchUrl || !actor || !registration || !activityId) return null;
  try {
    const parsed = JSON.parse(actor);
    if (typeof parsed !== 'object' || parsed === null) return null;
    return { endpoint: endpoint.replace(/\/?$/, '/'), fetch: fetchUrl, actor: parsed, registration, activityId };
  } catch {
    return null;
  }
}

const uuid = () => crypto.randomUUID();

interface Sent {
  completed?: boolean;
  passed?: boolean;
  failed?: boolean;
}

export function cmi5(search: string = location.search, session: StorageLike | null = tabStorage): LmsAdapter {
  const params = launchParams(search);
  let token = '';
  let template: Record<string, any> = {};
  let launchMode: 'Normal' | 'Browse' | 'Review' = 'Normal';
  let mastery: number | null = null;
  let started = 0;
  let finished = false;
  let sent: Sent = {};
  let last: { suspend: string; location: string } | null = null;
  // Statements go out one at a time, in order: initialized first, terminated last.
  let queue: Promise<unknown> = Promise.resolve();

  const headers = () => ({ Authorization: `Basic ${token}`, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' });
  const stateUrl = (stateId: string) => {
    const q = new URLSearchParams({ stateId, activityId: params!.activityId, agent: JSON.stringify(params!.actor), registration: params!.registration });
    return `${params!.endpoint}activities/state?${q}`;
  };

  function statement(verb: string, defined: boolean, extra: { result?: object; object?: object; moveOn?: boolean; mastery?: boolean } = {}) {
    const context = structuredClone(template);
    context.registration = params!.registration;
    if (defined) {
      const activities = (context.contextActivities ??= {});
      const category = (activities.category ??= []);
      category.push({ id: CATEGORY.cmi5, objectType: 'Activity' });
      if (extra.moveOn) category.push({ id: CATEGORY.moveOn, objectType: 'Activity' });
    }
    if (extra.mastery && mastery !== null) (context.extensions ??= {})[MASTERY] = mastery;
    return {
      id: uuid(),
      timestamp: new Date().toISOString(),
      actor: params!.actor,
      verb: { id: `${VERB}${verb}`, display: { 'en-US': verb } },
      object: extra.object ?? { id: params!.activityId, objectType: 'Activity' },
      context,
      ...(extra.result && { result: extra.result }),
    };
  }

  // While the page is being left (keepalive), a request must start now, not after the queue.
  // Each resolves to whether the LRS took it (never rejects).
  const request = (url: string, init: RequestInit, keepalive: boolean): Promise<boolean> => {
    const go = () => fetch(url, { ...init, headers: headers(), keepalive }).then((r) => r.ok, () => false);
    const done = keepalive ? go() : queue.then(go);
    queue = done;
    return done;
  };

  // Statements the LRS refused, sent again (first, in their order) with the next ones.
  let unsent: object[] = [];
  async function send(statements: object[], keepalive = false): Promise<boolean> {
    const batch = [...unsent, ...statements];
    unsent = [];
    if (!batch.length) return true;
    const body = JSON.stringify(batch.length === 1 ? batch[0] : batch);
    const ok = await request(`${params!.endpoint}statements`, { method: 'POST', body }, keepalive);
    if (!ok) unsent = [...batch, ...unsent];
    return ok;
  }

  function saveState(keepalive = false): Promise<boolean> {
    if (!last) return Promise.resolve(true);
    return request(stateUrl(PROGRESS_STATE), { method: 'PUT', body: JSON.stringify({ ...last, sent }) }, keepalive);
  }

  const duration = () => isoDuration(Date.now() - started);

  function answered(i: Interaction) {
    const definition: Record<string, unknown> = {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      description: { 'en-US': i.description },
      interactionType: i.type,
      correctResponsesPattern: [scorm2004Response(i.correct)],
    };
    return statement('answered', false, {
      object: { id: `${params!.activityId}/interactions/${encodeURIComponent(i.id)}`, objectType: 'Activity', definition },
      result: { response: scorm2004Response(i.response), success: i.result, ...(i.latencyMs !== undefined && { duration: isoDuration(i.latencyMs) }) },
    });
  }

  return {
    target: 'cmi5',
    suspendLimit: 64000,
    async start(): Promise<Launch | null> {
      if (!params) return null;
      // The fetch URL answers once per launch (cmi5 8.2.3): a reload of this page reuses the token.
      const key = `cmi5-token:${params.registration}`;
      token = readValue(key, session) ?? '';
      if (!token) {
        const response = await fetch(params.fetch, { method: 'POST' });
        const body = await response.json();
        token = typeof body?.['auth-token'] === 'string' ? body['auth-token'] : '';
        if (!token) return null;
        write(key, token, session);
      }
      const launchData = await fetch(stateUrl('LMS.LaunchData'), { headers: headers() }).then((r) => (r.ok ? r.json() : null));
      if (!launchData?.contextTemplate) return null;
      template = launchData.contextTemplate;
      launchMode = ['Browse', 'Review'].includes(launchData.launchMode) ? launchData.launchMode : 'Normal';
      mastery = typeof launchData.masteryScore === 'number' ? launchData.masteryScore : null;
      const saved = await fetch(stateUrl(PROGRESS_STATE), { headers: headers() }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
      sent = saved?.sent ?? {};
      started = Date.now();
      await send([statement('initialized', true)]);
      return {
        suspend: typeof saved?.suspend === 'string' ? saved.suspend : null,
        location: typeof saved?.location === 'string' ? saved.location : null,
        mastery,
        mode: launchMode === 'Normal' ? 'normal' : launchMode === 'Browse' ? 'browse' : 'review',
        learner: JSON.stringify(params.actor),
      };
    },
    async report({ suspend, location, status, interactions }: Report) {
      if (!params || finished) return true;
      last = { suspend, location };
      const out: object[] = [];
      if (launchMode === 'Normal') {
        out.push(...interactions.map(answered));
        // Passed and failed are sent for the assessment's results; never failed after passed,
        // never either twice (cmi5 9.3.4–9.3.5).
        if (status.passed === true && !sent.passed) {
          sent.passed = true;
          out.push(statement('passed', true, { moveOn: true, mastery: true, result: { success: true, score: { scaled: status.score!.scaled, raw: status.score!.raw, min: 0, max: status.score!.max }, duration: duration() } }));
        } else if (status.passed === false && !sent.passed && !sent.failed && interactions.some((i) => i.id.startsWith('assessment/'))) {
          sent.failed = true;
          out.push(statement('failed', true, { moveOn: true, mastery: true, result: { success: false, score: { scaled: status.score!.scaled, raw: status.score!.raw, min: 0, max: status.score!.max }, duration: duration() } }));
        }
        if (status.completed && !sent.completed) {
          sent.completed = true;
          out.push(statement('completed', true, { moveOn: true, result: { completion: true, duration: duration() } }));
        }
      }
      // One request per report, so statements keep their order; then the state document.
      const statements = send(out);
      const state = await saveState();
      return (await statements) && state;
    },
    flush() {
      if (params && !finished) void saveState(true);
      return true;
    },
    finish() {
      if (!params || finished || !started) return;
      finished = true;
      saveState(true);
      send([statement('terminated', true, { result: { duration: duration() } })], true);
    },
  };
}
