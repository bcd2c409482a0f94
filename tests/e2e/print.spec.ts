// Print, per printed page type (lesson, handout, consult, learned, certificate): the words of every
// glossary term and every citation marker shown on screen are still there on paper, no control
// prints (buttons, form fields, the quiz, the diagram's controls), and the page count is the one the
// page promises. Page counts come from Chromium's own PDF (page.pdf), counting /Type /Page objects.
import { test, expect, type Page } from '@playwright/test';
import { sitemapPaths } from './support';
import { readFileSync, readdirSync } from 'node:fs';
import { SUGGESTED_QUESTIONS, serializeQuestions } from '../../src/features/consult/questions';

const PREFIX = 'ketamine-course:';
const LESSONS = sitemapPaths()
  .map((p) => /^\/lessons\/([^/]+)\/$/.exec(p)?.[1])
  .filter((s): s is string => Boolean(s));
/** The patient path: lessons with a patientOrder in their front matter (src/platform/audience.ts). */
const PATIENT_PATH = readdirSync('lessons')
  .filter((f) => f.endsWith('.mdx') && /^patientOrder:/m.test(readFileSync(`lessons/${f}`, 'utf8')))
  .map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, ''));

/** Pages of the page as it prints, on A4 or US Letter. */
async function printedPages(page: Page, format: 'A4' | 'Letter'): Promise<number> {
  const pdf = await page.pdf({ format, printBackground: false });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}

/** The words of each term and citation marker a reader sees on screen, in page order. */
async function wordsOnScreen(page: Page) {
  return page.evaluate(() => {
    const shown = (sel: string) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => el.checkVisibility())
        .map((el) => ({
          i: [...document.querySelectorAll(sel)].indexOf(el),
          text: el.innerText.trim(),
        }));
    return { terms: shown('main .term-trigger'), cites: shown('main .cite a') };
  });
}

/** Under print media: the same elements, with what of them is visible. */
async function wordsInPrint(page: Page, on: { terms: { i: number }[]; cites: { i: number }[] }) {
  return page.evaluate((on) => {
    const at = (sel: string, items: { i: number }[]) => {
      const all = document.querySelectorAll<HTMLElement>(sel);
      return items.map(({ i }) => ({
        i,
        text: all[i].checkVisibility() ? all[i].innerText.trim() : '',
      }));
    };
    return {
      terms: at('main .term-trigger', on.terms),
      cites: at('main .cite a', on.cites),
    };
  }, on);
}

/** Controls that would print: anything a reader could press or type into, the quiz, the diagram's controls. */
async function printedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'button:not(.term-trigger), input, select, textarea, summary, [role="button"], [role="switch"], [role="radio"], [role="checkbox"], [role="tab"], [role="slider"], astro-island[component-url*="Quiz"] *, astro-island[component-url*="Assessment"] *, .synapse-controls, [data-synapse-controls]',
    );
    return [...controls]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''}: “${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 50)}”`,
      );
  });
}

/** Prints the page (emulated) and checks the three promises common to every printed page type. */
async function expectPrintKeepsWords(page: Page) {
  await page.emulateMedia({ media: 'screen' });
  const screen = await wordsOnScreen(page);
  await page.emulateMedia({ media: 'print' });
  const print = await wordsInPrint(page, screen);
  expect(
    print.terms.map((t) => t.text),
    'glossary terms on paper',
  ).toEqual(screen.terms.map((t) => t.text));
  expect(
    print.cites.map((t) => t.text),
    'citation markers on paper',
  ).toEqual(screen.cites.map((t) => t.text));
  expect(await printedControls(page), 'controls on paper').toEqual([]);
  return screen;
}

async function seed(page: Page, values: Record<string, string>) {
  await page.goto('/404.html');
  await page.evaluate((values) => {
    for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
  }, values);
}

/** A record where every lesson is complete and the final assessment passed. */
function finishedCourse() {
  const at = '2026-12-02T10:00:00.000Z';
  const lessons = Object.fromEntries(
    LESSONS.map((slug) => [
      slug,
      {
        visitedAt: at,
        reachedEndAt: at,
        completedAt: at,
        quiz: { attempts: 1, best: 3, total: 3, passedAt: at },
      },
    ]),
  );
  return JSON.stringify({
    version: 3,
    lessons,
    assessment: { attempts: 1, best: 18, total: 18, seed: 7, passedAt: at },
  });
}

test.describe('printing', () => {
  test.setTimeout(120_000);

  for (const lesson of ['how-ketamine-works', 'why-new-treatments']) {
    test(`lesson ${lesson}: every term and citation keeps its words, no control prints`, async ({ page }) => {
      await page.goto(`/lessons/${lesson}/`);
      const screen = await expectPrintKeepsWords(page);
      expect(screen.terms.length, 'a lesson with glossary terms').toBeGreaterThan(0);
      expect(screen.cites.length, 'a lesson with citations').toBeGreaterThan(0);
      // The printed sentence holds the term's words (the bug was "a mixture of two . S-ketamine () has…").
      const sentence = page.locator('main .term').first().locator('xpath=ancestor::p[1]');
      expect(await sentence.evaluate((p) => (p as HTMLElement).innerText)).not.toMatch(/\s[.,:;)]|\(\)/);
      // A lesson promises no page count; it prints, whole, on some pages.
      expect(await printedPages(page, 'A4')).toBeGreaterThan(0);
    });

    test(`lesson ${lesson} in plain language: the plain terms print too`, async ({ page }) => {
      await seed(page, { [`${PREFIX}depth`]: 'plain' });
      await page.goto(`/lessons/${lesson}/`);
      const screen = await expectPrintKeepsWords(page);
      expect(screen.terms.length).toBeGreaterThan(0);
    });
  }

  // Slide counts that do and do not fill the last page: the header must not push a slide over.
  for (const lesson of ['why-new-treatments', 'a-course-of-treatment']) {
    test(`handout ${lesson}: terms and citations keep their words, no control prints, three slides a page`, async ({
      page,
    }) => {
      await page.goto(`/lessons/${lesson}/handout/`);
      const screen = await expectPrintKeepsWords(page);
      expect(screen.terms.length + screen.cites.length).toBeGreaterThan(0);
      // "Print this page for three slides a page": three thumbnails with their note lines fill a page.
      const slides = await page.locator('.handout-item').count();
      expect(slides).toBeGreaterThan(1);
      // The reference list prints, running on after the last slide (at most one page more).
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.handout-references li').first()).toBeVisible();
      await page.emulateMedia({ media: null });
      const all = await printedPages(page, 'A4');
      expect(all).toBeLessThanOrEqual(Math.ceil(slides / 3) + 1);
      // The slides alone: exactly three to a page.
      await page.locator('.handout-references, .site-footer').evaluateAll((els) => els.forEach((el) => el.remove()));
      expect(await printedPages(page, 'A4')).toBe(Math.ceil(slides / 3));
    });
  }

  test('handout with the diagram: terms and citations keep their words, no diagram control prints', async ({
    page,
  }) => {
    await page.goto('/lessons/how-ketamine-works/handout/');
    await expectPrintKeepsWords(page);
    const slides = await page.locator('.handout-item').count();
    // Tall slides (the diagram's frames) take what they need, never more than a page each.
    expect(await printedPages(page, 'A4')).toBeLessThanOrEqual(slides);
  });

  test('consult: the questions print on one page, without controls', async ({ page }) => {
    const questions = [
      SUGGESTED_QUESTIONS[0],
      SUGGESTED_QUESTIONS[3],
      SUGGESTED_QUESTIONS[5],
      'Can I bring someone with me?',
    ];
    await seed(page, { [`${PREFIX}questions`]: serializeQuestions(questions) });
    await page.goto('/consult/');
    await expect(page.locator('[data-questions] > li')).toHaveCount(questions.length);
    await expectPrintKeepsWords(page);
    expect(await printedPages(page, 'A4')).toBe(1);
    expect(await printedPages(page, 'Letter')).toBe(1);
  });

  test('learned: the summary of the patient path prints on the pages its description promises', async ({ page }) => {
    const at = '2026-12-02T10:00:00.000Z';
    // Typical use: a patient who has read the lessons of their path.
    expect(PATIENT_PATH.length).toBeGreaterThan(1);
    const lessons = Object.fromEntries(PATIENT_PATH.map((slug) => [slug, { visitedAt: at, reachedEndAt: at }]));
    await seed(page, {
      [`${PREFIX}progress`]: JSON.stringify({ version: 3, lessons }),
      [`${PREFIX}audience`]: 'patient',
    });
    await page.goto('/learned/');
    await expect(page.locator('[data-learned-lesson]:visible').first()).toBeVisible();
    await expectPrintKeepsWords(page);
    // The promise is the page's own: its description says how many pages it prints ("A one-page summary…").
    const description = (await page.locator('meta[name="description"]').getAttribute('content')) ?? '';
    const promised = { one: 1, two: 2, three: 3 }[
      /\b(one|two|three)[- ]page/i.exec(description)?.[1].toLowerCase() ?? ''
    ];
    expect(promised, `a page count in “${description}”`).toBeDefined();
    expect(await printedPages(page, 'A4')).toBe(promised);
    expect(await printedPages(page, 'Letter')).toBe(promised);
  });

  test('certificate: one page, with the name, and nothing else of the page', async ({ page }) => {
    await seed(page, { [`${PREFIX}progress`]: finishedCourse() });
    await page.goto('/certificate/');
    await expect(page.locator('[data-certificate]')).toBeVisible();
    await page.getByLabel('Your name').fill('Ada Lovelace');
    await expectPrintKeepsWords(page);
    await expect(page.locator('[data-certificate]')).toContainText('Ada Lovelace');
    await expect(page.getByRole('heading', { level: 1, name: 'Your certificate' })).toBeHidden();
    expect(await printedPages(page, 'A4')).toBe(1);
    expect(await printedPages(page, 'Letter')).toBe(1);
  });
});

test.describe('the print check can fail', () => {
  test('a term hidden in print, and a printed button, are caught', async ({ page }) => {
    await page.setContent(`<!doctype html><html lang="en"><head><title>t</title>
      <style>@media print { button.term-trigger { display: none } }</style></head>
      <body><main><p>A <span class="term"><button class="term-trigger">racemic</button></span> mixture.</p>
      <button>Start the quiz</button></main></body></html>`);
    await page.emulateMedia({ media: 'screen' });
    const screen = await wordsOnScreen(page);
    await page.emulateMedia({ media: 'print' });
    expect((await wordsInPrint(page, screen)).terms.map((t) => t.text)).toEqual(['']);
    expect(await printedControls(page)).toEqual(['button: “Start the quiz”']);
  });
});
