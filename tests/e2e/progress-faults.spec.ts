// Progress under faults injected from outside the site (issue 11): page.addInitScript replaces
// Storage methods or getters before any site script runs. For each fault the learner reads lesson 1
// to its end and passes its quiz, then opens the course path. Each test checks: no page error; the
// screen shows what is stored; every completion earned is still in storage (the device, or this
// tab's storage: sessionStorage or the window's name) at the end; and exactly one notice, whose
// words are the store's words for the problem (src/features/progress/notices.ts) and hold true.
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { NOTICES } from '../../src/features/progress/notices';
import { loadBank, quiz, type Bank } from './quiz-support';
import { waitForIslands, watchPage } from './support';

const PREFIX = 'ketamine-course:';
const KEY = `${PREFIX}progress`;
const SLUG = 'why-new-treatments';
const LESSON = `/lessons/${SLUG}/`;
const bank = loadBank('01-why-new-treatments');

type Problem = keyof typeof NOTICES;

/** Everything stored under the progress key, wherever the site may have kept it. */
async function stored(page: Page): Promise<{ local?: string | null; session?: string | null; name?: string }> {
  return page.evaluate((key) => {
    const out: { local?: string | null; session?: string | null; name?: string } = {};
    // The real methods: the faults patch the prototype, and a getter may throw.
    const get = (s: Storage) => Object.getPrototypeOf(s).constructor.prototype.getItem;
    try {
      out.local = get(localStorage).call(localStorage, key);
    } catch {}
    try {
      out.session = get(sessionStorage).call(sessionStorage, key);
    } catch {}
    try {
      if (window.name.startsWith('ketamine-course:')) out.name = JSON.parse(window.name.slice('ketamine-course:'.length))[key];
    } catch {}
    return out;
  }, KEY);
}

/** The lessons completed in storage: the device's record and this tab's copy together. */
async function completedInStorage(page: Page): Promise<Set<string>> {
  const all = await stored(page);
  const done = new Set<string>();
  for (const raw of [all.local, all.session, all.name]) {
    try {
      const record = JSON.parse(raw ?? 'null');
      for (const [slug, entry] of Object.entries<any>(record?.lessons ?? {})) if (entry?.completedAt) done.add(slug);
    } catch {}
  }
  return done;
}

/** Exactly one notice on screen, with the words for `problem`; or none at all. */
async function expectNotice(page: Page, problem: Problem | null) {
  const shown = page.locator('[data-progress-notice]:visible [data-problem]:visible');
  if (problem === null) return expect(shown).toHaveCount(0);
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveAttribute('data-problem', problem);
  await expect(shown).toHaveText(NOTICES[problem]);
}

async function answerQuickly(page: Page, q: Bank['questions'][number]) {
  const group = quiz(page).locator('fieldset').first();
  if (q.type === 'truefalse') await group.getByRole('radio', { name: q.answer ? 'True' : 'False' }).check();
  else if (q.type === 'single') await group.getByRole('radio', { name: q.options!.find((o) => o.id === q.answer)!.text, exact: true }).check();
  else for (const id of q.answer as string[]) await group.getByRole('checkbox', { name: q.options!.find((o) => o.id === id)!.text, exact: true }).check();
  await quiz(page).getByRole('button', { name: 'Check answer' }).click();
  await quiz(page).getByRole('button', { name: /^(Next question|See your result)$/ }).click();
}

/** The steps of a lesson, each a moment a fault or another tab can strike. */
const STEPS = ['open', 'end', 'quiz started', 'quiz half done'] as const;
type Step = (typeof STEPS)[number];

/** Opens lesson 1, reads to its end, passes its quiz; `at(step)` runs at each step. */
async function learnLessonOne(page: Page, at: (step: Step) => Promise<void> = async () => {}) {
  await page.goto(LESSON);
  await at('open');
  await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
  // Two frames: the end marker's IntersectionObserver has reported.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await at('end');
  // The quiz island (the lesson's only one) hydrates when it comes into view.
  await page.evaluate(() => document.querySelector('astro-island')!.scrollIntoView());
  await waitForIslands(page);
  await quiz(page).getByRole('button', { name: 'Start the quiz' }).click();
  await at('quiz started');
  for (const [i, q] of bank.questions.entries()) {
    if (i === Math.floor(bank.questions.length / 2)) await at('quiz half done');
    await answerQuickly(page, q);
  }
  await expect(quiz(page)).toHaveAttribute('data-state', 'passed');
}

/** The screen agrees with storage: lesson 1 shows complete, and storage holds the completion. */
async function expectLessonOneKept(page: Page) {
  await expect(page.locator('[data-lesson-status]')).toContainText('Lesson complete');
  expect([...(await completedInStorage(page))]).toContain(SLUG);
}

/** The course path, in the same tab: shows what storage holds. */
async function expectPathShows(page: Page, slugs: string[]) {
  await page.goto('/');
  for (const slug of slugs) await expect(page.locator(`li[data-slug="${slug}"] [data-status]`).first()).toHaveText('Completed');
  const inStorage = await completedInStorage(page);
  for (const slug of slugs) expect([...inStorage]).toContain(slug);
  await expect(page.locator('[data-path-summary]')).toHaveText(`${inStorage.size} of 11 lessons complete.`);
}

/** The course's lessons, as the course path lists them (the page must be the path). */
async function courseSlugs(page: Page): Promise<string[]> {
  const slugs = await page.locator('li[data-slug]').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.slug!));
  expect(slugs.length).toBeGreaterThan(1);
  return [...new Set(slugs)];
}

// ── Faults on every call ────────────────────────────────────────────────────────────────────

test.describe('storage refused from outside', () => {
  test('the localStorage getter throws: kept in this tab (sessionStorage), said once, true on the next page', async ({ page }, info) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    const watch = watchPage(page, info);
    await learnLessonOne(page);
    await expectNotice(page, 'unavailable');
    await expectLessonOneKept(page);
    expect((await stored(page)).session).toContain(SLUG);
    // "Kept in this tab until you close it": the next page of the tab still has it; told once.
    await expectPathShows(page, [SLUG]);
    await expectNotice(page, null);
    watch.assertClean();
  });

  test('both storage getters throw: kept in the window name; the certificate of a passed assessment still prints', async ({ page }, info) => {
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
      }
    });
    const watch = watchPage(page, info);
    await learnLessonOne(page);
    await expectNotice(page, 'unavailable');
    await expectLessonOneKept(page);
    expect((await stored(page)).name).toContain(SLUG);
    await expectPathShows(page, [SLUG]);
    // A course completed in the tab (every lesson and a pass: courseStatus, src/features/path/course.ts) unlocks
    // the certificate page in the same tab.
    const slugs = await courseSlugs(page);
    await page.evaluate((slugs) => {
      const all = JSON.parse(window.name.slice('ketamine-course:'.length));
      const record = JSON.parse(all['ketamine-course:progress']);
      for (const slug of slugs) record.lessons[slug] ??= { completedAt: new Date().toISOString() };
      record.assessment = { attempts: 1, best: 17, total: 18, passedAt: new Date().toISOString() };
      all['ketamine-course:progress'] = JSON.stringify(record);
      window.name = 'ketamine-course:' + JSON.stringify(all);
    }, slugs);
    await page.goto('/certificate/');
    await expect(page.getByRole('button', { name: 'Print the certificate' })).toBeVisible();
    watch.assertClean();
  });

  test('setItem throws on every call (storage full, the probe included): what is stored still shows, "full" is said', async ({ page }, info) => {
    // Progress saved earlier (every lesson but the first, and a passed assessment): then the storage
    // fills up. The learner finishes the course in this tab, and its certificate prints.
    await page.goto('/');
    const slugs = await courseSlugs(page);
    const lessons = Object.fromEntries(slugs.filter((s) => s !== SLUG).map((s) => [s, { completedAt: '2026-01-02T00:00:00.000Z' }]));
    const earlier = { version: 3, lessons, assessment: { best: 18, total: 18, passedAt: '2026-01-03T00:00:00.000Z' } };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(earlier)]);
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const watch = watchPage(page, info);
    await page.goto('/');
    await expectNotice(page, 'quota');
    await expect(page.locator('li[data-slug="the-evidence"] [data-status]').first()).toHaveText('Completed');
    await expect(page.locator('[data-path-summary]')).toHaveText(`${slugs.length - 1} of ${slugs.length} lessons complete.`);
    // The certificate page reads what is stored: the pass, and the one lesson still to do.
    await page.goto('/certificate/');
    await expect(page.getByRole('button', { name: 'Print the certificate' })).toBeHidden();
    await expect(page.locator('[data-cert-todo] li:visible')).toHaveCount(1);
    await expect(page.locator('[data-cert-todo] li:visible')).toHaveText(/Why we need new treatments/);
    await learnLessonOne(page);
    await expectLessonOneKept(page);
    await page.goto('/');
    await expect(page.locator('[data-path-summary]')).toHaveText('Course complete.');
    expect((await completedInStorage(page)).size).toBe(slugs.length);
    await page.goto('/certificate/');
    await expect(page.getByRole('button', { name: 'Print the certificate' })).toBeVisible();
    expect(JSON.parse((await stored(page)).local!)).toEqual(earlier);
    watch.assertClean();
  });
});

// ── Storage that fills up part way ──────────────────────────────────────────────────────────

for (const n of [0, 1, 2, 3]) {
  test(`setItem throws after ${n} writes on each page: every write that fails is told once, nothing earned is lost`, async ({ page }, info) => {
    await page.addInitScript((limit) => {
      const set = Storage.prototype.setItem;
      let writes = 0;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (this === window.localStorage && writes++ >= limit) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    }, n);
    const watch = watchPage(page, info);
    await learnLessonOne(page);
    // The probe, the visit, the end and the quiz are the lesson page's writes: one of them failed.
    await expectNotice(page, 'quota');
    await expectLessonOneKept(page);
    await expectPathShows(page, [SLUG]);
    watch.assertClean();
  });
}

// ── Bad stored values ───────────────────────────────────────────────────────────────────────

test('a corrupt record: copied aside, a fresh start, the same words wherever it is met', async ({ page }, info) => {
  for (const first of ['/', LESSON]) {
    await page.goto('/privacy/');
    await page.evaluate(() => localStorage.clear());
    await page.evaluate(() => sessionStorage.clear());
    await page.evaluate((key) => localStorage.setItem(key, '{"version":3,"lessons":{"why-new'), KEY);
    const watch = watchPage(page, info);
    await page.goto(first);
    await expectNotice(page, 'recovered');
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => k.startsWith(`${KEY}:unreadable:`))).toHaveLength(1);
    await learnLessonOne(page);
    await expectNotice(page, null);
    await expectLessonOneKept(page);
    await expectPathShows(page, [SLUG]);
    watch.assertClean();
  }
});

const GARBAGE = ['theme', 'depth', 'audience', 'motion', 'quiz-mode', 'questions', 'deck-shortcuts', `deck:${SLUG}`];
test(`garbage under every other key (${GARBAGE.join(', ')}): nothing breaks, progress is kept, no progress notice`, async ({ page }, info) => {
  await page.goto('/privacy/');
  await page.evaluate(([prefix, keys]) => {
    for (const key of keys as string[]) localStorage.setItem(prefix + key, '{"version":9,"\u0000<script>');
  }, [PREFIX, GARBAGE] as const);
  const watch = watchPage(page, info);
  await learnLessonOne(page);
  await expectNotice(page, null);
  await expectLessonOneKept(page);
  await expectPathShows(page, [SLUG]);
  watch.assertClean();
});

test('a record from a future version: shown, never written over, new progress kept in the tab and said so', async ({ page }, info) => {
  const future = JSON.stringify({ version: 99, lessons: { 'the-evidence': { completedAt: '2026-01-01T00:00:00.000Z', stars: 3 } }, badges: ['x'] });
  await page.goto('/privacy/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, future]);
  const watch = watchPage(page, info);
  await learnLessonOne(page);
  await expectNotice(page, 'newer');
  await expectLessonOneKept(page);
  await expectPathShows(page, [SLUG, 'the-evidence']);
  expect((await stored(page)).local).toBe(future);
  watch.assertClean();
});

// ── A second tab ────────────────────────────────────────────────────────────────────────────

async function openProgressTab(context: BrowserContext) {
  const other = await context.newPage();
  await other.goto('/progress/');
  return other;
}

async function clearIn(other: Page) {
  await other.getByRole('button', { name: 'Clear my data' }).click();
  await other.getByRole('button', { name: 'Yes, clear my data' }).click();
  // The confirmation is a focused paragraph beside the button (progress.astro), not the status line.
  await expect(other.locator('[data-clear-done]')).toBeFocused();
  await expect(other.locator('[data-clear-done]')).toContainText('cleared');
}

for (const step of STEPS) {
  test(`a second tab clears at "${step}": what is earned after the clear is kept, and both tabs agree`, async ({ context }, info) => {
    const page = await context.newPage();
    const watch = watchPage(page, info);
    const other = await openProgressTab(context);
    // Something earned before the clear, that the clear removes.
    await other.evaluate((key) => localStorage.setItem(key, JSON.stringify({ version: 3, lessons: { 'the-evidence': { completedAt: '2026-01-01T00:00:00.000Z' } } })), KEY);
    await learnLessonOne(page, async (at) => {
      if (at === step) await clearIn(other);
    });
    await expectLessonOneKept(page);
    await expect(other.locator(`tr[data-slug="${SLUG}"] [data-cell="status"]`)).toHaveText('Completed');
    await expect(other.locator('tr[data-slug="the-evidence"] [data-cell="status"]')).toHaveText('Not started');
    await expect(page.locator('[data-course-progress-text]')).toHaveText('1 of 11 lessons complete');
    await expectNotice(page, null);
    await expectPathShows(page, [SLUG]);
    watch.assertClean();
  });

  test(`a second tab completes a lesson at "${step}": both completions kept, both tabs agree`, async ({ context }, info) => {
    const page = await context.newPage();
    const watch = watchPage(page, info);
    const other = await openProgressTab(context);
    await learnLessonOne(page, async (at) => {
      if (at !== step) return;
      // The other tab loads a progress file with lesson 7 complete (a completion through its store).
      const chooser = other.waitForEvent('filechooser');
      await other.getByLabel('Progress file').click();
      const file = { format: 'ketamine-course-progress', version: 3, lessons: { 'the-evidence': { completedAt: '2026-01-01T00:00:00.000Z' } } };
      await (await chooser).setFiles({ name: 'progress.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
      await expect(other.getByRole('status').filter({ hasText: 'Progress loaded' })).toBeVisible();
    });
    await expectLessonOneKept(page);
    await expect(other.locator(`tr[data-slug="${SLUG}"] [data-cell="status"]`)).toHaveText('Completed');
    await expect(other.locator('tr[data-slug="the-evidence"] [data-cell="status"]')).toHaveText('Completed');
    await expect(page.locator('[data-course-progress-text]')).toHaveText('2 of 11 lessons complete');
    await expectPathShows(page, [SLUG, 'the-evidence']);
    watch.assertClean();
  });
}
