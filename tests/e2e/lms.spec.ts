// The packages in an LMS: scorm-again as the LMS for SCORM 1.2 and 2004 (host pages that install
// it as window.API / window.API_1484_11 and frame the package), an LRS stand-in for cmi5. A learner
// does two lessons and their quizzes, leaves, comes back in an empty browser with only what the LMS
// committed, resumes where they were, and passes the final assessment; the LMS's data model is
// checked at each step. Run `npm run package` first (test:e2e does).
import { test, expect, type Browser, type Page } from '@playwright/test';
import { courseMap } from '../../scripts/package.mjs';
import { decode } from '../../src/features/lms/codec';
import { drawAssessment, type QuestionBank } from '../../src/features/quiz/assessment';
import type { Question } from '../../src/features/quiz/quiz.types';
import { loadBanks } from './assessment-support';
import { courseFrame, quizIn, runQuiz, startLmsServer, unpack, type LmsServer } from './lms-support';
import { validateStatement } from './lms-cmi5';

const map = courseMap();
const banks: QuestionBank[] = loadBanks();
const bankOf = (slug: string) => banks.find((b) => b.lesson === slug)!.questions as Question[];
const [first, second] = map.lessons;
const PROGRESS_KEY = 'ketamine-course:progress';

let server: LmsServer;
test.beforeAll(async () => {
  server = await startLmsServer({ scorm12: unpack('scorm12'), scorm2004: unpack('scorm2004'), cmi5: unpack('cmi5') }, validateStatement);
});
test.afterAll(async () => server?.close());

/** A lesson as a learner does it: read to the end, pass the quiz (the lesson completes). */
async function doLesson(page: Page, slug: string, wrong = new Set<string>()) {
  const frame = await courseFrame(page);
  await expect(frame.locator('[data-lesson-end]')).toHaveAttribute('data-slug', slug);
  await frame.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await runQuiz(frame, bankOf(slug), wrong);
  // Read on to the end of the lesson, past the quiz.
  await frame.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(frame.locator('[data-lesson-status]')).toContainText('Lesson complete');
}

async function openHost(browser: Browser, t: 'scorm12' | 'scorm2004', restore: unknown) {
  const context = await browser.newContext();
  await context.addInitScript((r) => ((window as any).__restore = r), restore);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/host/${t}.html`);
  return { context, page, errors };
}

/** Leaves the course (the host navigates away: the launcher's pagehide finishes the session) and
 *  returns what scorm-again committed. */
async function leave(page: Page): Promise<any> {
  await page.goto(`${server.url}/host/blank.html`);
  const committed = await page.evaluate(() => localStorage.getItem('lms-committed'));
  expect(committed, 'scorm-again received a commit').not.toBeNull();
  const parsed = JSON.parse(committed!);
  return parsed.cmi ?? parsed;
}

const interactionsOf = (cmi: any): any[] => {
  const list = cmi.interactions?.childArray ?? cmi.interactions;
  return Array.isArray(list) ? list : Object.values(list ?? {}).filter((v) => typeof v === 'object');
};

for (const t of ['scorm12', 'scorm2004'] as const) {
  test(`${t}: resume from the LMS in an empty browser, interactions, assessment score and status`, async ({ browser }) => {
    test.setTimeout(240_000);
    const v12 = t === 'scorm12';
    // What the LMS sets from the manifest and its learner: the mastery score, an ab-initio entry.
    const launch = v12
      ? { core: { student_id: 'learner-1', student_name: 'Learner, Ana', lesson_mode: 'normal', credit: 'credit', entry: 'ab-initio' }, student_data: { mastery_score: '80' } }
      : { learner_id: 'learner-1', learner_name: 'Learner, Ana', mode: 'normal', credit: 'credit', entry: 'ab-initio', scaled_passing_score: '0.8' };

    // Visit 1: lessons 1 and 2 with their quizzes (one wrong answer in lesson 2), then leave.
    const one = await openHost(browser, t, launch);
    let frame = await courseFrame(one.page);
    await frame.goto(new URL(`lessons/${first.slug}/index.html`, frame.url()).href);
    await doLesson(one.page, first.slug);
    // The footer has a next lesson per reader path (course, patient); the visible one is the course's.
    await frame.locator('[data-next-lesson]:visible').click();
    await expect.poll(async () => (await courseFrame(one.page)).url()).toContain(`/lessons/${second.slug}/index.html`);
    // A question the learner touches (a wrong ordering would be left as scrambled, untouched).
    const wrongInTwo = bankOf(second.slug).find((q) => q.type === 'single')!.id;
    // Lesson 2 with one wrong answer (6 of 7 still passes).
    await doLesson(one.page, second.slug, new Set([wrongInTwo]));
    const cmi1 = await leave(one.page);
    expect(one.errors).toEqual([]);
    await one.context.close();

    const suspend: string = cmi1.suspend_data;
    expect(suspend.length, 'suspend_data within SCORM 1.2 CMIString4096').toBeLessThanOrEqual(4096);
    const state = decode(suspend, map)!;
    expect(state, 'suspend_data decodes').not.toBeNull();
    expect(state.record.lessons[first.slug].completedAt).toBeTruthy();
    expect(state.record.lessons[second.slug].completedAt).toBeTruthy();
    expect(state.record.lessons[second.slug].quiz?.attempts).toBe(1);
    expect(state.record.lessons[second.slug].quiz?.best).toBe(bankOf(second.slug).length - 1);
    if (v12) {
      expect(cmi1.core.lesson_location).toBe(`lessons/${second.slug}/index.html`);
      expect(cmi1.core.lesson_status).toBe('incomplete');
      expect(cmi1.core.exit).toBe('suspend');
      expect(cmi1.core.session_time, 'session time (CMITimespan)').toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(cmi1.core.session_time).not.toBe('00:00:00');
    } else {
      expect(cmi1.location).toBe(`lessons/${second.slug}/index.html`);
      expect(cmi1.completion_status).toBe('incomplete');
      expect(cmi1.success_status).toBe('unknown');
      expect(Number(cmi1.progress_measure)).toBeCloseTo(2 / map.lessons.length, 3);
      expect(cmi1.exit).toBe('suspend');
      expect(cmi1.session_time, 'session time (ISO 8601 duration)').toMatch(/^PT(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
    }
    // One interaction per answered question.
    const expected1 = bankOf(first.slug).length + bankOf(second.slug).length;
    const list1 = interactionsOf(cmi1);
    expect(list1).toHaveLength(expected1);
    checkInteractions(t, list1, [first.slug, second.slug]);
    const wrongOnes = list1.filter((i) => i.result === (v12 ? 'wrong' : 'incorrect'));
    expect(wrongOnes.map((i) => i.id)).toEqual([`${second.slug}/${wrongInTwo}`]);

    // Visit 2: an empty browser; the LMS gives back what it committed (entry: resume).
    const restore = structuredClone(cmi1);
    if (v12) restore.core.entry = 'resume';
    else restore.entry = 'resume';
    const two = await openHost(browser, t, restore);
    frame = await courseFrame(two.page);
    await expect.poll(async () => (await courseFrame(two.page)).url(), 'resumes at the saved location').toContain(`/lessons/${second.slug}/index.html`);
    frame = await courseFrame(two.page);
    await expect(frame.locator('[data-lesson-status]')).toContainText('Lesson complete');
    await expect(frame.locator('[data-course-progress-text]')).toHaveText(`2 of ${map.lessons.length} lessons complete`);
    const local = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_KEY);
    expect(Object.keys(local.lessons).sort()).toEqual([first.slug, second.slug].sort());

    // The final assessment: 17 of 18 right passes (mastery 0.8).
    await frame.goto(new URL('../../assessment/index.html', frame.url()).href);
    frame = await courseFrame(two.page);
    await expect(quizIn(frame).getByRole('button', { name: 'Start the final assessment' })).toBeVisible();
    const seed = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key)!).assessment.seed, PROGRESS_KEY);
    const drawn = drawAssessment(banks, 18, seed);
    await runQuiz(frame, drawn, new Set([drawn.find((q) => q.type === 'single')!.id]));
    // Passed; the course itself is complete only with every lesson too (courseStatus, since the
    // assessment merge), so the page marks the pass, not [data-course-complete].
    await expect(quizIn(frame).getByRole('heading', { name: 'You passed' })).toBeVisible();
    // Links the islands render at run time ("Get your certificate", "Re-read", lesson names) are
    // made relative too, and lead to files of the package.
    await expect(frame.locator('a[href^="/"]')).toHaveCount(0);
    await expect(frame.getByRole('link', { name: /certificate/i }).first()).toHaveAttribute('href', '../certificate/index.html');
    const cmi2 = await leave(two.page);
    expect(two.errors).toEqual([]);
    await two.context.close();

    expect(cmi2.suspend_data.length).toBeLessThanOrEqual(4096);
    const list2 = interactionsOf(cmi2);
    expect(list2).toHaveLength(expected1 + 18);
    const assessment = list2.slice(expected1);
    checkInteractions(t, assessment, []);
    expect(assessment.map((i) => i.id).sort()).toEqual(drawn.map((q) => `assessment/${q.lesson}/${q.id.split('--')[1]}`).sort());
    expect(assessment.filter((i) => i.result === 'correct')).toHaveLength(17);
    if (v12) {
      expect(cmi2.core.lesson_status).toBe('passed');
      expect(Number(cmi2.core.score.raw)).toBeCloseTo((17 / 18) * 100, 1);
      expect(cmi2.core.score.max).toBe('100');
      expect(cmi2.core.score.min).toBe('0');
    } else {
      // Completion follows the course's rule (every lesson): 2 of 11 done, so still incomplete.
      expect(cmi2.completion_status).toBe('incomplete');
      expect(cmi2.success_status).toBe('passed');
      expect(Number(cmi2.score.scaled)).toBeCloseTo(17 / 18, 3);
      expect(cmi2.score.raw).toBe('17');
      expect(cmi2.score.max).toBe('18');
    }
  });
}

function checkInteractions(t: 'scorm12' | 'scorm2004', list: any[], lessons: string[]) {
  for (const i of list) {
    if (t === 'scorm12') {
      expect(i.id.length).toBeLessThanOrEqual(255);
      expect(['choice', 'true-false', 'sequencing', 'matching']).toContain(i.type);
      // SCORM 1.2 RTE 3.4.4: single characters a–z, 0–9; "." between matching pairs; "," between.
      const format = { choice: /^[a-z0-9](,[a-z0-9])*$/, 'true-false': /^[tf]$/, sequencing: /^[a-z0-9](,[a-z0-9])*$/, matching: /^[a-z0-9]\.[a-z0-9](,[a-z0-9]\.[a-z0-9])*$/ }[i.type as string]!;
      expect(i.student_response, i.id).toMatch(format);
      expect(i.student_response.length).toBeLessThanOrEqual(255);
      const pattern = (i.correct_responses?.childArray ?? i.correct_responses)[0].pattern;
      expect(pattern, i.id).toMatch(format);
      expect(['correct', 'wrong']).toContain(i.result);
      expect(i.latency, `${i.id} latency`).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
      expect(i.time).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    } else {
      expect(i.learner_response, i.id).not.toBe('');
      const pattern = (i.correct_responses?.childArray ?? i.correct_responses)[0].pattern;
      expect(pattern).not.toBe('');
      if (i.type === 'true-false') expect(i.learner_response).toMatch(/^(true|false)$/);
      if (i.type === 'matching') expect(i.learner_response).toMatch(/^[\w-]+\[\.\][\w-]+(\[,\][\w-]+\[\.\][\w-]+)*$/);
      expect(['correct', 'incorrect']).toContain(i.result);
      expect(i.latency, `${i.id} latency`).toMatch(/^PT/);
      expect(i.description.length).toBeGreaterThan(10);
      expect(i.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    if (lessons.length) expect(lessons.some((l) => i.id.startsWith(`${l}/`)), i.id).toBe(true);
    else expect(i.id.startsWith('assessment/')).toBe(true);
  }
}

test('cmi5: launch parameters, fetch token, LaunchData, statements in order with session id; resume; completed and passed', async ({ browser }) => {
  test.setTimeout(420_000);
  const { lrs } = server;
  const course = unpack('cmi5');
  const structure = new TextDecoder().decode(course['cmi5.xml']);
  const auId = /<au id="([^"]+)"/.exec(structure)![1];
  const mastery = Number(/masteryScore="([^"]+)"/.exec(structure)![1]);
  const actor = { objectType: 'Agent', name: 'Ana Learner', account: { homePage: 'https://lms.example', name: 'learner-1' } };
  const registration = 'd4b3c1a0-1111-4a2b-9c3d-0123456789ab';
  const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

  async function launch(sessionId: string) {
    lrs.fetches = 0;
    lrs.token = Buffer.from(`au:${sessionId}`).toString('base64');
    lrs.launchData = {
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: `${auId}/publisher` }] }, extensions: { [SESSION]: sessionId } },
      launchMode: 'Normal', launchMethod: 'AnyWindow', moveOn: 'CompletedAndPassed', masteryScore: mastery, returnURL: `${server.url}/host/blank.html`,
      // Not part of LaunchData: what the stand-in checks statements against.
      actor, registration, activityId: auId,
    };
    const q = new URLSearchParams({ endpoint: `${server.url}/lrs/`, fetch: `${server.url}/lrs/fetch`, actor: JSON.stringify(actor), registration, activityId: auId });
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/pkg/cmi5/lms.html?${q}`);
    return { context, page, errors };
  }
  const verbs = (from = 0) => lrs.statements.slice(from).map((s) => s.verb.id.split('/').pop());
  const leaveAu = async (page: Page) => {
    const before = lrs.statements.length;
    await page.goto(`${server.url}/host/blank.html`);
    await expect.poll(() => verbs(before - 0).includes('terminated') || verbs().at(-1) === 'terminated').toBe(true);
  };

  // Session 1: lesson 1 and its quiz, then leave.
  const one = await launch('session-one');
  let frame = await courseFrame(one.page);
  await frame.goto(new URL(`lessons/${first.slug}/index.html`, frame.url()).href);
  await doLesson(one.page, first.slug);
  await leaveAu(one.page);
  expect(one.errors).toEqual([]);
  await one.context.close();
  expect(lrs.fetches, 'the fetch URL is called once per launch').toBe(1);
  expect(verbs()).toEqual(['initialized', ...bankOf(first.slug).map(() => 'answered'), 'terminated']);
  expect(lrs.statements.every((s) => s.context.extensions[SESSION] === 'session-one')).toBe(true);
  const answered = lrs.statements.filter((s) => s.verb.id.endsWith('/answered'));
  expect(answered.map((s) => s.object.id)).toEqual(bankOf(first.slug).map((q) => `${auId}/interactions/${encodeURIComponent(`${first.slug}/${q.id}`)}`));
  expect(answered.every((s) => s.result.success === true && /^PT/.test(s.result.duration))).toBe(true);
  const saved = [...lrs.state.entries()].find(([k]) => k.startsWith('progress|'));
  expect(saved, 'progress saved in the state API').toBeTruthy();
  expect(JSON.parse(saved![1]).location).toBe(`lessons/${first.slug}/index.html`);

  // Session 2, an empty browser: resumes at lesson 1 from the state document, then every lesson
  // (the course's completion rule) and the assessment.
  const start2 = lrs.statements.length;
  const two = await launch('session-two');
  await expect.poll(async () => (await courseFrame(two.page)).url()).toContain(`/lessons/${first.slug}/index.html`);
  frame = await courseFrame(two.page);
  await expect(frame.locator('[data-lesson-status]')).toContainText('Lesson complete');
  for (const lesson of map.lessons.slice(1)) {
    await frame.goto(new URL(`../../lessons/${lesson.slug}/index.html`, frame.url()).href);
    frame = await courseFrame(two.page);
    if (bankOf(lesson.slug)?.length) await doLesson(two.page, lesson.slug);
  }
  await expect.poll(() => verbs(start2)).toContain('completed');
  await frame.goto(new URL('../../assessment/index.html', frame.url()).href);
  frame = await courseFrame(two.page);
  await expect(quizIn(frame).getByRole('button', { name: 'Start the final assessment' })).toBeVisible();
  const seed = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key)!).assessment.seed, PROGRESS_KEY);
  const drawn = drawAssessment(banks, 18, seed);
  await runQuiz(frame, drawn, new Set([drawn.find((q) => q.type === 'single')!.id]));
  await expect.poll(() => verbs(start2)).toContain('passed');
  await leaveAu(two.page);
  expect(two.errors).toEqual([]);
  await two.context.close();

  const session2 = verbs(start2);
  expect(session2[0]).toBe('initialized');
  expect(session2.at(-1)).toBe('terminated');
  expect(session2.filter((v) => v === 'completed')).toHaveLength(1);
  expect(session2.filter((v) => v === 'passed')).toHaveLength(1);
  expect(session2.filter((v) => v === 'failed')).toHaveLength(0);
  expect(session2.filter((v) => v === 'answered')).toHaveLength(map.lessons.slice(1).reduce((n, l) => n + (bankOf(l.slug)?.length ?? 0), 0) + 18);
  const passed = lrs.statements.find((s) => s.verb.id.endsWith('/passed'))!;
  expect(passed.result.score.scaled).toBeCloseTo(17 / 18, 3);
  expect(passed.result.score.raw).toBe(17);
  expect(lrs.statements.slice(start2).every((s) => s.context.extensions[SESSION] === 'session-two')).toBe(true);
  expect(lrs.problems, 'every statement valid').toEqual([]);
});
