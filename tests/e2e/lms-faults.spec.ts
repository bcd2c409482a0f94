// The packages when the LMS is missing or fails: the learner is told plainly in the launcher's
// status line (never a crash, never a dialog), the course keeps working and keeps progress in the
// browser, and what the LMS refused reaches it once it answers again. The LMS is scorm-again with
// one fault switched on in the host page (every commit refused) and the cmi5 LRS stand-in answering
// 503 to every write. Run `npm run package` first (test:e2e does).
import { test, expect, type Page } from '@playwright/test';
import { courseMap } from '../../scripts/package.mjs';
import { decode } from '../../src/features/lms/codec';
import type { Question } from '../../src/features/quiz/quiz.types';
import { loadBanks } from './assessment-support';
import { courseFrame, runQuiz, startLmsServer, unpack, type LmsServer } from './lms-support';
import { validateStatement } from './lms-cmi5';
import { expectNoAxeViolations } from './support';

const map = courseMap();
const banks = loadBanks();
const bankOf = (slug: string) => banks.find((b) => b.lesson === slug)!.questions as Question[];
const [first, second] = map.lessons;
const PROGRESS_KEY = 'ketamine-course:progress';
// The launcher's words (src/features/lms/launcher.ts NOTICE).
const NONE = /did not answer, so it will not see your progress\. The course works, and keeps your progress in this browser/;
const FAILING = /not saving your progress at the moment\. Your progress is kept in this browser/;
const SAVING = 'Your learning platform is saving your progress again.';

let server: LmsServer;
test.beforeAll(async () => {
  server = await startLmsServer({ scorm12: unpack('scorm12'), scorm2004: unpack('scorm2004'), cmi5: unpack('cmi5') }, validateStatement);
});
test.afterAll(async () => server?.close());

const watch = (page: Page) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
};

/** Lesson `slug` in the course frame: its quiz passed, read to the end (the lesson completes). */
async function doLesson(page: Page, slug: string) {
  let frame = await courseFrame(page);
  // The package's root: /pkg/<target>/ on the test server.
  await frame.goto(`${frame.url().replace(/(\/pkg\/[^/]+\/).*$/, '$1')}lessons/${slug}/index.html`);
  frame = await courseFrame(page);
  await expect(frame.locator('[data-lesson-end]')).toHaveAttribute('data-slug', slug);
  await runQuiz(frame, bankOf(slug));
  await frame.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  await expect(frame.locator('[data-lesson-status]')).toContainText('Lesson complete');
  return frame;
}

const status = (page: Page, frameSelector?: string) =>
  frameSelector ? page.frameLocator(frameSelector).locator('#lms-status') : page.locator('#lms-status');

test('no LMS: the launcher says the platform did not answer; the course works and keeps progress in the browser', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watch(page);
  // The launcher opened on its own (no window.API up the chain, no cmi5 launch parameters).
  await page.goto(`${server.url}/pkg/scorm12/lms.html`);
  await expect(page.locator('#lms-status')).toHaveText(NONE);
  await expect(page.locator('#lms-status')).toHaveAttribute('role', 'status');
  // The launcher with its notice, and the course framed in it, in both colour schemes.
  await (await courseFrame(page)).locator('h1').first().waitFor();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `launcher notice, ${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: null });
  const frame = await doLesson(page, first.slug);
  const local = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_KEY);
  expect(local?.lessons?.[first.slug]?.completedAt, 'progress kept in the browser').toBeTruthy();
  expect(errors).toEqual([]);
});

for (const t of ['scorm12', 'scorm2004'] as const) test(`${t}: the LMS refuses commits; the learner is told, progress stays in the browser, and reaches the LMS when it answers again`, async ({ browser }) => {
  test.setTimeout(180_000);
  const v12 = t === 'scorm12';
  const context = await browser.newContext();
  await context.addInitScript((restore) => ((window as any).__restore = restore), v12
    ? { core: { student_id: 'learner-1', student_name: 'Learner, Ana', lesson_mode: 'normal', credit: 'credit', entry: 'ab-initio' } }
    : { learner_id: 'learner-1', learner_name: 'Learner, Ana', mode: 'normal', credit: 'credit', entry: 'ab-initio' });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(`${server.url}/host/${t}.html`);
  await courseFrame(page);
  const line = status(page, 'iframe[name="sco"]');
  // Connected: the status line is empty (a live region kept in place for later).
  await expect(line).toHaveText('');
  await page.evaluate(() => ((window as any).__failCommit = true));
  const frame = await doLesson(page, first.slug);
  await expect(line).toHaveText(FAILING);
  const local = await frame.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), PROGRESS_KEY);
  expect(local?.lessons?.[first.slug]?.completedAt, 'progress kept in the browser').toBeTruthy();
  const before = await page.evaluate(() => localStorage.getItem('lms-committed'));
  const committedBefore = before ? decode(JSON.parse(before).cmi.suspend_data, map) : null;
  expect(committedBefore?.record.lessons[first.slug]?.completedAt, 'nothing of the lesson reached the LMS yet').toBeFalsy();

  // The LMS answers again: the next page's report (and its commit) goes through.
  await page.evaluate(() => ((window as any).__failCommit = false));
  await frame.goto(new URL(`../../lessons/${second.slug}/index.html`, frame.url()).href);
  await expect(line).toHaveText(SAVING);
  await page.goto(`${server.url}/host/blank.html`);
  const cmi = JSON.parse((await page.evaluate(() => localStorage.getItem('lms-committed')))!).cmi;
  const state = decode(cmi.suspend_data, map)!;
  expect(state.record.lessons[first.slug].completedAt, 'the refused progress reached the LMS').toBeTruthy();
  expect(v12 ? cmi.core.lesson_location : cmi.location).toBe(`lessons/${second.slug}/index.html`);
  // Each answer once: nothing sent twice after the retry.
  const list = Object.values(cmi.interactions?.childArray ?? cmi.interactions ?? {}).filter((v) => typeof v === 'object');
  expect(list).toHaveLength(bankOf(first.slug).length);
  expect(errors).toEqual([]);
  await context.close();
});

test('cmi5: the LRS fails every write; the learner is told, and the statements and state arrive, in order, when it answers again', async ({ browser }) => {
  test.setTimeout(180_000);
  const { lrs } = server;
  const course = unpack('cmi5');
  const auId = /<au id="([^"]+)"/.exec(new TextDecoder().decode(course['cmi5.xml']))![1];
  const actor = { objectType: 'Agent', name: 'Ana Learner', account: { homePage: 'https://lms.example', name: 'learner-2' } };
  const registration = 'f0e1d2c3-2222-4b3c-8d4e-0123456789cd';
  const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
  lrs.fetches = 0;
  lrs.statements.length = 0;
  lrs.token = Buffer.from('au:faults').toString('base64');
  lrs.launchData = {
    contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: `${auId}/publisher` }] }, extensions: { [SESSION]: 'faults' } },
    launchMode: 'Normal', launchMethod: 'AnyWindow', moveOn: 'CompletedAndPassed', masteryScore: 0.8,
    actor, registration, activityId: auId,
  };
  const q = new URLSearchParams({ endpoint: `${server.url}/lrs/`, fetch: `${server.url}/lrs/fetch`, actor: JSON.stringify(actor), registration, activityId: auId });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(`${server.url}/pkg/cmi5/lms.html?${q}`);
  await courseFrame(page);
  await expect(page.locator('#lms-status')).toHaveText('');
  lrs.failing = true;
  const frame = await doLesson(page, first.slug);
  await expect(page.locator('#lms-status')).toHaveText(FAILING);
  const verbs = () => lrs.statements.map((s) => s.verb.id.split('/').pop());
  expect(verbs()).toEqual(['initialized']);

  lrs.failing = false;
  await frame.goto(new URL(`../../lessons/${second.slug}/index.html`, frame.url()).href);
  await expect(page.locator('#lms-status')).toHaveText(SAVING);
  await page.goto(`${server.url}/host/blank.html`);
  await expect.poll(() => verbs().at(-1)).toBe('terminated');
  expect(verbs()).toEqual(['initialized', ...bankOf(first.slug).map(() => 'answered'), 'terminated']);
  const saved = [...lrs.state.entries()].find(([k]) => k.startsWith('progress|') && k.includes(registration));
  expect(saved, 'progress saved in the state API after the outage').toBeTruthy();
  expect(decode(JSON.parse(saved![1]).suspend, map)!.record.lessons[first.slug].completedAt).toBeTruthy();
  expect(lrs.problems, 'every statement valid').toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
