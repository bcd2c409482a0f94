#!/usr/bin/env node
// `npm run shots`: screenshots for people to look at. It builds nothing: run `npm run build` first.
// It serves dist/ with scripts/serve-dist.mjs, then photographs every entry of SHOTS below in light
// and dark, at 390 px (phone) and 1280 px (desktop), into reports/shots/ (git-ignored).
//
// To add a page or a state, add an entry: { name, path, setup? } where setup(page) runs after the
// page has loaded (click, type, answer…) and `progress` (optional) is a progress record written to
// localStorage before the page loads. Names become file names: <name>-<theme>-<width>.png.
//   npm run shots                 every entry
//   npm run shots -- quiz path    only the entries whose name contains one of the words
// SHOTS_DIST=<folder> photographs another build (e.g. one made with --outDir while tests use dist/).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// A free port unless SHOTS_PORT says which: other servers (tests, npm start) may be running.
const PORT = Number(process.env.SHOTS_PORT) || (await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
}));
const OUT = 'reports/shots';
const LESSON = '/lessons/why-new-treatments/';
const LAST_LESSON = '/lessons/myths-and-facts/';
const SLUGS = [
  'why-new-treatments',
  'from-anaesthetic-to-antidepressant',
  'the-glutamate-synapse',
  'how-ketamine-works',
  'forms-and-routes',
  'a-course-of-treatment',
  'the-evidence',
  'conditions-and-approvals',
  'safety-and-risks',
  'access-cost-and-your-consultation',
  'myths-and-facts',
];
const DAY = '2026-11-30T10:00:00.000Z';
const done = (slugs) => Object.fromEntries(slugs.map((s) => [s, { visitedAt: DAY, reachedEndAt: DAY, completedAt: DAY }]));
const SOME = { version: 3, lessons: { ...done(SLUGS.slice(0, 3)), [SLUGS[3]]: { visitedAt: DAY } } };
const ALL_LESSONS = { version: 3, lessons: done(SLUGS) };
const COMPLETE = { version: 3, lessons: done(SLUGS), assessment: { attempts: 1, best: 17, total: 18, passedAt: DAY } };
const PASSED_ONLY = { version: 3, lessons: done(SLUGS.slice(0, 1)), assessment: { attempts: 1, best: 17, total: 18, passedAt: DAY } };

const startQuiz = async (page) => {
  const start = page.getByRole('button', { name: 'Start the quiz' });
  await start.scrollIntoViewIfNeeded();
  await page.locator('astro-island[ssr]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await start.click();
};
const checkFirst = async (page) => {
  await startQuiz(page);
  const quiz = page.locator('section.quiz');
  await quiz.locator('fieldset input').first().check();
  await quiz.getByRole('button', { name: 'Check answer' }).click();
};

/** The pages and states to photograph: extend freely. */
export const SHOTS = [
  { name: 'home', path: '/' },
  { name: 'home-patient', path: '/', audience: 'patient' },
  { name: 'home-presenter', path: '/', audience: 'presenter' },
  { name: 'path-progress', path: '/', progress: SOME },
  { name: 'path-all-lessons', path: '/', progress: ALL_LESSONS },
  { name: 'path-complete', path: '/', progress: COMPLETE },
  { name: 'menu-open', path: LESSON, setup: async (page) => page.locator('.menu summary:visible').click().catch(() => {}) },
  { name: 'lesson', path: LESSON },
  { name: 'lesson-patient', path: '/lessons/forms-and-routes/', audience: 'patient' },
  { name: 'lesson-diagram', path: '/lessons/how-ketamine-works/' },
  {
    name: 'lesson-end',
    path: LESSON,
    setup: async (page) => {
      const button = page.getByRole('button', { name: 'Mark as complete' });
      await button.scrollIntoViewIfNeeded();
      await button.click();
    },
  },
  { name: 'last-lesson-end', path: LAST_LESSON, setup: async (page) => page.locator('[data-lesson-end]').scrollIntoViewIfNeeded() },
  { name: 'quiz-intro', path: LESSON, setup: async (page) => page.locator('section.quiz').scrollIntoViewIfNeeded() },
  { name: 'quiz-question', path: LESSON, setup: startQuiz },
  { name: 'quiz-checked', path: LESSON, setup: checkFirst },
  { name: 'slides', path: '/lessons/why-new-treatments/slides/' },
  { name: 'handout', path: '/lessons/why-new-treatments/handout/' },
  { name: 'assessment', path: '/assessment/' },
  { name: 'certificate-locked', path: '/certificate/', progress: PASSED_ONLY },
  { name: 'certificate', path: '/certificate/', progress: COMPLETE },
  { name: 'progress', path: '/progress/', progress: SOME },
  {
    name: 'progress-cleared',
    path: '/progress/',
    progress: SOME,
    setup: async (page) => {
      await page.getByRole('button', { name: 'Clear my data' }).click();
      await page.getByRole('button', { name: 'Yes, clear my data' }).click();
    },
  },
  { name: 'consult', path: '/consult/' },
  { name: 'learned', path: '/learned/', progress: SOME },
  { name: 'glossary', path: '/glossary/' },
  { name: 'references', path: '/references/' },
  { name: 'privacy', path: '/privacy/' },
  { name: 'search', path: '/search/?q=NMDA' },
  { name: 'review', path: '/review/', progress: SOME },
  { name: 'offline', path: '/offline/' },
  { name: 'not-found', path: '/no-such-page/' },
];

const THEMES = ['light', 'dark'];
const WIDTHS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

const only = process.argv.slice(2);
const chosen = only.length ? SHOTS.filter((s) => only.some((word) => s.name.includes(word))) : SHOTS;
// Every slide of every deck, as a projector shows it (1280×720, both themes), one PNG a slide in
// reports/shots/decks/, and one contact sheet a deck and theme (reports/shots/deck-<slug>-<theme>.png,
// the slides at half size, four to a row) to look at a whole deck at once. Chosen with the word "deck".
const DECKS = !only.length || only.some((word) => 'decks'.includes(word) || word.startsWith('deck'));

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', process.env.SHOTS_DIST ?? 'dist', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.once('data', resolve);
  server.once('exit', (code) => reject(new Error(`the static server stopped (${code}): is dist/ built?`)));
});

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
let failures = 0;
try {
  for (const viewport of WIDTHS) {
    for (const theme of THEMES) {
      for (const shot of chosen) {
        const context = await browser.newContext({ viewport, colorScheme: theme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const stored = { 'ketamine-course:theme': theme };
        if (shot.audience) stored['ketamine-course:audience'] = shot.audience;
        if (shot.progress) stored['ketamine-course:progress'] = JSON.stringify(shot.progress);
        await page.addInitScript((values) => {
          if (sessionStorage.getItem('shots-seeded')) return;
          for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v);
          sessionStorage.setItem('shots-seeded', '1');
        }, stored);
        const file = `${OUT}/${shot.name}-${theme}-${viewport.width}.png`;
        try {
          await page.goto(`http://127.0.0.1:${PORT}${shot.path}`, { waitUntil: 'load' });
          if (shot.setup) await shot.setup(page);
          await page.waitForTimeout(300);
          await page.screenshot({ path: file, fullPage: !shot.setup });
          console.log(file);
        } catch (error) {
          failures++;
          console.error(`${file}: ${error.message.split('\n')[0]}`);
        }
        await context.close();
      }
    }
  }
  if (DECKS) failures += await photographDecks(browser);
} finally {
  await browser.close();
  server.kill();
}
if (failures) {
  console.error(`${failures} screenshot(s) failed`);
  process.exitCode = 1;
}

/** Each slide of each deck at 1280×720 in both themes, and a contact sheet of each deck. */
async function photographDecks(browser) {
  let failed = 0;
  mkdirSync(`${OUT}/decks`, { recursive: true });
  for (const theme of THEMES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, colorScheme: theme, reducedMotion: 'reduce' });
    await context.addInitScript((theme) => localStorage.setItem('ketamine-course:theme', theme), theme);
    const page = await context.newPage();
    for (const slug of SLUGS) {
      try {
        await page.goto(`http://127.0.0.1:${PORT}/lessons/${slug}/slides/`, { waitUntil: 'load' });
        await page.locator('[data-deck].deck-js').waitFor();
        const total = await page.locator('.deck-stage > [data-slide]').count();
        const shots = [];
        for (let i = 0; i < total; i++) {
          await page.evaluate((n) => (location.hash = `#${n}`), i + 1);
          await page.locator(`[data-slide="${i}"][data-current]`).waitFor();
          // Every fragment shown, as the slide looks at its last step.
          await page.evaluate(() => document.querySelectorAll('[data-current] [data-fragment-hidden]').forEach((el) => el.removeAttribute('data-fragment-hidden')));
          await page.waitForTimeout(150);
          const png = await page.screenshot({ path: `${OUT}/decks/${slug}-${theme}-${String(i + 1).padStart(2, '0')}.png` });
          shots.push(png.toString('base64'));
        }
        const sheet = await context.newPage();
        await sheet.setViewportSize({ width: 4 * 640 + 5 * 8, height: 400 });
        await sheet.setContent(
          `<body style="margin:0;background:#777;display:grid;grid-template-columns:repeat(4,640px);gap:8px;padding:8px">${shots
            .map((b, i) => `<figure style="margin:0;position:relative"><img style="width:640px;height:360px;display:block" src="data:image/png;base64,${b}"><figcaption style="position:absolute;top:0;left:0;background:#c00;color:#fff;font:bold 20px sans-serif;padding:2px 8px">${i + 1}</figcaption></figure>`)
            .join('')}</body>`,
        );
        await sheet.screenshot({ path: `${OUT}/deck-${slug}-${theme}.png`, fullPage: true });
        await sheet.close();
        console.log(`${OUT}/deck-${slug}-${theme}.png (${total} slides)`);
      } catch (error) {
        failed++;
        console.error(`deck ${slug} (${theme}): ${error.message.split('\n')[0]}`);
      }
    }
    await context.close();
  }
  return failed;
}
