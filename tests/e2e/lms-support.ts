// The LMS side of the package tests: the built zips unpacked in memory, served from 127.0.0.1 by a
// small Node server together with host pages that install scorm-again as the LMS (window.API /
// window.API_1484_11) and frame the package's launcher, and, for cmi5, an LRS stand-in that
// validates every statement. Plus a learner who answers quizzes by clicking, inside the frame.
import { expect, type Frame, type Page } from '@playwright/test';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { AddressInfo } from 'node:net';
import type { Question } from '../../src/features/quiz/quiz.types';
import config from '../../src/course/config';

export const TARGETS = ['scorm12', 'scorm2004', 'cmi5'] as const;
export type Target = (typeof TARGETS)[number];
export const zipPath = (t: Target) => `packages/${config.id}-${t}.zip`;

export function unpack(t: Target): Record<string, Uint8Array> {
  const path = zipPath(t);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run package first`);
  return unzipSync(new Uint8Array(readFileSync(path)));
}

const TYPES: Record<string, string> = { html: 'text/html; charset=utf-8', js: 'text/javascript', css: 'text/css', json: 'application/json', svg: 'image/svg+xml', xml: 'application/xml' };

const hostPage = (t: 'scorm12' | 'scorm2004') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LMS stand-in (${t})</title>
<script src="/vendor/${t}.js"></script>
<script>
  // The LMS: scorm-again, restored from what it committed last time (window.__restore, set by the test).
  const Api = ${t === 'scorm12' ? 'Scorm12API' : 'Scorm2004API'};
  const api = new Api({ autocommit: false, logLevel: 5, lmsCommitUrl: false });
  if (window.__restore) api.loadFromJSON(window.__restore, '');
  // A fault the test can switch on: the LMS refuses every commit (as when its server is down).
  const commit = api.${t === 'scorm12' ? 'LMSCommit' : 'Commit'}.bind(api);
  window.__failCommit = false;
  api.${t === 'scorm12' ? 'LMSCommit' : 'Commit'} = (s) => (window.__failCommit ? 'false' : commit(s));
  window.${t === 'scorm12' ? 'API' : 'API_1484_11'} = api;
  window.__commits = 0;
  const save = () => { window.__commits++; localStorage.setItem('lms-committed', JSON.stringify(api.renderCMIToJSONObject())); };
  api.on('${t === 'scorm12' ? 'LMSCommit' : 'Commit'}', save);
  api.on('${t === 'scorm12' ? 'LMSFinish' : 'Terminate'}', () => { window.__finished = true; save(); });
</script>
<style>html,body{margin:0;height:100%}iframe{width:100%;height:100%;border:0}</style>
</head><body><iframe name="sco" title="course" src="/pkg/${t}/lms.html"></iframe></body></html>`;

export interface Lrs {
  statements: any[];
  state: Map<string, string>;
  problems: string[];
  fetches: number;
  token: string;
  launchData: any;
  /** A fault the test can switch on: the LRS answers 503 to every write (statements, state). */
  failing: boolean;
}

export interface LmsServer {
  url: string;
  lrs: Lrs;
  close(): Promise<void>;
}

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });

export async function startLmsServer(packages: Partial<Record<Target, Record<string, Uint8Array>>>, validate: (s: any, lrs: Lrs) => string[]): Promise<LmsServer> {
  const lrs: Lrs = { statements: [], state: new Map(), problems: [], fetches: 0, token: 'dGVzdDp0b2tlbg==', launchData: null, failing: false };
  const vendor: Record<string, string> = {
    'scorm12.js': 'node_modules/scorm-again/dist/scorm12.min.js',
    'scorm2004.js': 'node_modules/scorm-again/dist/scorm2004.min.js',
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const send = (status: number, text: string | Uint8Array, type = 'text/plain') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(text);
    };
    if (path === '/host/scorm12.html' || path === '/host/scorm2004.html') return send(200, hostPage(path.includes('12') ? 'scorm12' : 'scorm2004'), TYPES.html);
    if (path === '/host/blank.html') return send(200, '<!doctype html><title>left</title>', TYPES.html);
    if (path.startsWith('/vendor/')) return send(200, readFileSync(vendor[path.slice(8)]), TYPES.js);
    if (path.startsWith('/lrs/')) {
      const auth = req.headers.authorization;
      if (path === '/lrs/fetch') {
        lrs.fetches++;
        if (req.method !== 'POST') lrs.problems.push('fetch URL not called with POST');
        // cmi5 8.2.3: the fetch URL gives the token once; a second call is an error.
        if (lrs.fetches > 1) return send(200, JSON.stringify({ 'error-code': '1', 'error-text': 'already fetched' }), TYPES.json);
        return send(200, JSON.stringify({ 'auth-token': lrs.token }), TYPES.json);
      }
      if (auth !== `Basic ${lrs.token}`) {
        lrs.problems.push(`${req.method} ${path} without the fetched token`);
        return send(401, 'no');
      }
      if (lrs.failing && req.method !== 'GET') return send(503, 'unavailable');
      if (req.headers['x-experience-api-version'] !== '1.0.3') lrs.problems.push(`${path} without X-Experience-API-Version 1.0.3`);
      if (path === '/lrs/activities/state') {
        const key = `${url.searchParams.get('stateId')}|${url.searchParams.get('activityId')}|${url.searchParams.get('registration')}|${url.searchParams.get('agent')}`;
        if (req.method === 'GET') {
          if (url.searchParams.get('stateId') === 'LMS.LaunchData') return send(200, JSON.stringify(lrs.launchData), TYPES.json);
          const value = lrs.state.get(key);
          return value === undefined ? send(404, 'none') : send(200, value, TYPES.json);
        }
        if (req.method === 'PUT' || req.method === 'POST') {
          if (url.searchParams.get('stateId') === 'LMS.LaunchData') lrs.problems.push('the AU wrote LMS.LaunchData');
          lrs.state.set(key, await body(req));
          return send(204, '');
        }
      }
      if (path === '/lrs/statements' && req.method === 'POST') {
        const parsed = JSON.parse(await body(req));
        for (const s of Array.isArray(parsed) ? parsed : [parsed]) {
          lrs.problems.push(...validate(s, lrs));
          lrs.statements.push(s);
        }
        return send(200, '[]', TYPES.json);
      }
      return send(404, 'no');
    }
    const m = /^\/pkg\/(scorm12|scorm2004|cmi5)\/(.*)$/.exec(path);
    const files = m && packages[m[1] as Target];
    const file = files?.[m![2]];
    if (!file) return send(404, 'not in the package');
    return send(200, file, TYPES[m![2].split('.').pop()!] ?? 'application/octet-stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, lrs, close: () => new Promise((r) => server.close(() => r())) };
}

/** The course's frame inside the launcher inside the host page. */
export async function courseFrame(page: Page): Promise<Frame> {
  const isCourse = (f: Frame) => f.url().includes('/pkg/') && !new URL(f.url()).pathname.endsWith('/lms.html');
  await expect.poll(() => page.frames().some(isCourse)).toBe(true);
  return page.frames().find(isCourse)!;
}

export const quizIn = (frame: Frame) => frame.locator('section.quiz');

/** The quiz's island, scrolled into view (it hydrates when visible) and running. */
async function islands(frame: Frame) {
  // The island element itself is display: contents; its first child has a box to scroll to.
  const island = frame.locator('astro-island[component-url*="QuizIsland"], astro-island[component-url*="AssessmentIsland"]').first();
  const child = island.locator(':scope > *').first();
  if (await child.count()) await child.scrollIntoViewIfNeeded({ timeout: 10_000 });
  await expect(island).not.toHaveAttribute('ssr');
}

/** Answers the question on screen rightly (or wrongly), by clicking as a mouse user would. */
export async function answer(frame: Frame, q: Question, right = true) {
  const group = quizIn(frame).locator('fieldset').first();
  await expect(quizIn(frame).locator('[data-focus="question"]').first()).toHaveText(q.prompt);
  if (q.type === 'truefalse') return group.getByRole('radio', { name: (right ? q.answer : !q.answer) ? 'True' : 'False' }).check();
  if (q.type === 'single') {
    const option = right ? q.options.find((o) => o.id === q.answer)! : q.options.find((o) => o.id !== q.answer)!;
    return group.getByRole('radio', { name: option.text, exact: true }).check();
  }
  if (q.type === 'multiple') {
    for (const o of q.options) if (right === q.answer.includes(o.id)) await group.getByRole('checkbox', { name: o.text, exact: true }).check();
    return;
  }
  if (q.type === 'matching') {
    // One radio group per term (the quiz's matching since session 2), each radio's value a pair id.
    for (const [i, pair] of q.pairs.entries()) {
      const wanted = right || i > 0 ? pair.id : q.pairs[1].id;
      await quizIn(frame).getByRole('group', { name: pair.term, exact: true }).locator(`input[type="radio"][value="${wanted}"]`).check();
    }
    return;
  }
  // Ordering: "Move up" until each step is in its place (wrong: leave the scrambled start).
  if (!right) return;
  const list = quizIn(frame).locator('ol.ordering');
  for (const [target, item] of q.items.entries()) {
    const from = (await list.locator('li .text').allInnerTexts()).indexOf(item.text);
    for (let i = from; i > target; i--) await list.locator('li', { has: frame.getByText(item.text, { exact: true }) }).getByRole('button', { name: /^Move up\b/ }).click();
    await expect(list.locator('li .text').nth(target)).toHaveText(item.text);
  }
}

export async function click(frame: Frame, name: string | RegExp) {
  await quizIn(frame).getByRole('button', { name }).click();
}

/** Runs a quiz from its start: every question answered (wrong for the ids in `wrong`). */
export async function runQuiz(frame: Frame, questions: Question[], wrong = new Set<string>()) {
  await islands(frame);
  await click(frame, /^Start the (quiz|final assessment)$/);
  for (const q of questions) {
    await answer(frame, q, !wrong.has(q.id));
    await click(frame, 'Check answer');
    await expect(quizIn(frame).locator('[data-focus="feedback"]')).toContainText(wrong.has(q.id) ? 'Not quite' : 'Correct');
    await click(frame, /^(Next question|See your result)$/);
  }
}
