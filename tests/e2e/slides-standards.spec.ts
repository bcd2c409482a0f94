// The measurable standards of #15 that slides.spec.ts did not yet hold, each a test that can fail:
// - Blank makes the projected screen truly black (a screenshot whose every pixel is near #000,
//   with the pointer moved and the deck focused) and is announced in the presenter window only;
// - every rendered text of every slide of every deck lies inside its canvas at 1280×720,
//   1920×1080 and 1024×768 (rectangles of the rendered text, not only scroll sizes), and its body
//   text is at least 28 px at 1280×720 (computed size of every rendered text node);
// - the words of every rendered face (headline and key points, citations excluded) are at most 45;
// - printing the slides (the PDF export) and every lesson's handout keeps every glossary term's
//   and citation's words and prints no control;
// - axe finds nothing in each state (title, divider, diagram step, question revealed, blank,
//   overview) on the slides and on the presenter page, in both themes.
// The figures (largest face, smallest body text) are printed with the prefix "FIGURES".
import { test, expect, type Page, type BrowserContext } from '@playwright/test';
import { expectNoAxeViolations, setTheme, sitemapPaths, waitForIslands, watchPage } from './support';

const decks = sitemapPaths().filter((p) => /^\/lessons\/[^/]+\/slides\/$/.test(p));
const SYNAPSE = '/lessons/the-glutamate-synapse/';

async function openDeck(page: Page, path: string) {
  await page.goto(path);
  await waitForIslands(page);
  await expect(page.locator('[data-deck].deck-js')).toBeVisible();
}

/** Presses a key with the deck focused, as a clicker would. */
async function press(page: Page, key: string) {
  await page.locator('[data-deck]').evaluate((deck) => {
    if (!deck.contains(document.activeElement) || document.activeElement === document.body) (deck as HTMLElement).focus();
  });
  await page.keyboard.press(key);
}

const live = (page: Page) => page.locator('[data-deck] [aria-live="polite"]').last();

/** Pixels of a PNG (decoded by the browser, on a blank page) whose brightest channel exceeds `limit`. */
async function brightPixels(context: BrowserContext, png: Buffer, limit = 12) {
  const probe = await context.newPage();
  try {
    return await probe.evaluate(
      async ({ data, limit }) => {
        const blob = await (await fetch(`data:image/png;base64,${data}`)).blob();
        const bitmap = await createImageBitmap(blob);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        const { data: px } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        let bright = 0;
        let max = 0;
        for (let i = 0; i < px.length; i += 4) {
          const m = Math.max(px[i], px[i + 1], px[i + 2]);
          if (m > limit) bright++;
          if (m > max) max = m;
        }
        return { bright, max, total: px.length / 4 };
      },
      { data: png.toString('base64'), limit },
    );
  } finally {
    await probe.close();
  }
}

test.describe('blank: the projector shows black, and only the presenter hears it', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`every pixel of the blanked audience window is near #000 (${theme}); blanking is said in the presenter window only`, async ({
      context,
    }, info) => {
      const audience = await context.newPage();
      const watch = watchPage(audience, info);
      await audience.setViewportSize({ width: 1280, height: 720 });
      await setTheme(audience, theme);
      await openDeck(audience, `${SYNAPSE}slides/#2`);
      const presenter = await context.newPage();
      await setTheme(presenter, theme);
      await openDeck(presenter, `${SYNAPSE}presenter/`);
      await expect(presenter.locator('.presenter-count')).toContainText('Slide 2 of 14');

      // The check can fail: the slide itself is far from black.
      const before = await brightPixels(context, await audience.screenshot());
      expect(before.bright, 'a slide on screen is not black').toBeGreaterThan(before.total / 10);
      const heard = await live(audience).textContent();

      // Blank from the presenter window.
      await press(presenter, 'b');
      await expect(audience.locator('.deck-blank')).toBeVisible();
      await expect(live(presenter)).toHaveText('Audience screen blanked');
      await expect(presenter.locator('.presenter-blank-badge')).toBeVisible();
      // The pointer moves over the projected window (which would show the toolbar), the deck has focus.
      await audience.mouse.move(640, 700);
      await audience.mouse.move(600, 650);
      await audience.locator('[data-deck]').focus();
      await audience.waitForTimeout(300);
      const black = await brightPixels(context, await audience.screenshot());
      expect(black, 'pixels brighter than #0c0c0c on the blanked screen').toMatchObject({ bright: 0 });
      // Nothing was said on the projector, and nothing there is left to read.
      expect(await live(audience).textContent()).toBe(heard);
      expect(await audience.locator('.deck-bar button:visible, .deck-stage [data-slide]:visible').count()).toBe(0);

      // A key in the audience window brings the slide back (said there, as a slide change)…
      await press(audience, 'b');
      await expect(audience.locator('.deck-blank')).toBeHidden();
      await expect(presenter.locator('.presenter-blank-badge')).toBeHidden();
      // … and B there blanks again: still silent on the projector, said in the presenter window.
      const heard2 = await live(audience).textContent();
      await presenter.evaluate(() => {
        const region = document.querySelector('[data-deck] [aria-live="polite"]:last-of-type');
        if (region) region.textContent = '';
      });
      await press(audience, 'b');
      await expect(audience.locator('.deck-blank')).toBeVisible();
      await expect(presenter.locator('.presenter-blank-badge')).toBeVisible();
      await expect(live(presenter)).toHaveText('Audience screen blanked');
      await audience.waitForTimeout(300);
      expect(await live(audience).textContent()).toBe(heard2);
      expect((await brightPixels(context, await audience.screenshot())).bright).toBe(0);
      watch.assertClean();
    });
  }
});

interface SlideMeasure {
  index: number;
  kind: string;
  words: number;
  /** Rendered body text: the smallest computed size and what it is. */
  body: Array<{ text: string; size: number }>;
  table: number[];
  outside: string[];
}

/** The current slide's face, measured on what is rendered. */
const measure = (page: Page) =>
  page.evaluate((): SlideMeasure => {
    const slide = document.querySelector<HTMLElement>('[data-deck] [data-slide][data-current]')!;
    const box = slide.getBoundingClientRect();
    const view = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
    const kind = [...slide.classList].find((c) => c.startsWith('slide-'))?.slice(6) ?? '';
    const footer = '.slide-sources, .slide-diagram .sources, .slide-number, .slide-eyebrow, .slide-crisis, .slide-print-notes';
    const visual = 'table, .timeline, .slide-diagram, figure';
    const outside: string[] = [];
    const body: Array<{ text: string; size: number }> = [];
    const table: number[] = [];
    if (box.left < -1 || box.top < -1 || box.right > view.width + 1 || box.bottom > view.height + 1)
      outside.push(`the canvas (${Math.round(box.width)}×${Math.round(box.height)} at ${Math.round(box.left)},${Math.round(box.top)}) leaves the window`);
    // The slide number and lesson line at the foot: no other text may run into them.
    const numberLine = slide.querySelector<HTMLElement>('.slide-number');
    const feet = numberLine?.checkVisibility()
      ? [...numberLine.children].filter((c) => c.checkVisibility()).map((c) => c.getBoundingClientRect())
      : [];
    const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!.trim();
      const el = node.parentElement!;
      if (!text || el.closest('.slide-print-notes, svg') || !el.checkVisibility()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // Visually hidden text (the diagram's step sentence, a screen-reader label) is 1 px or clipped.
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      if (!rects.length || el.closest('.visually-hidden')) continue;
      let hidden = false;
      for (let up: HTMLElement | null = el; up && up !== slide; up = up.parentElement) {
        const r = up.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1 || getComputedStyle(up).clipPath.startsWith('inset(50%')) hidden = true;
      }
      if (hidden) continue;
      for (const r of rects) {
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          outside.push(`"${text.slice(0, 40)}" at ${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`);
      }
      if (!el.closest('.slide-number')) {
        for (const r of rects)
          for (const foot of feet)
            if (r.left < foot.right && r.right > foot.left && r.top < foot.bottom - 1 && r.bottom > foot.top + 1)
              outside.push(`"${text.slice(0, 40)}" runs into the slide number`);
      }
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (el.closest('table')) {
        if (!el.closest('.cite')) table.push(size);
      }
      else if (!el.closest(`${footer}, .cite`)) body.push({ text: text.slice(0, 40), size });
    }
    // Words of the face: headline and key points (visuals, citations, the footer, the hidden depth
    // and a question's answer not counted; fragments not yet shown count).
    const skip = `${footer}, ${visual}, .cite, .slide-question-answer, .visually-hidden`;
    let faceText = '';
    const words_ = document.createTreeWalker(slide.querySelector('.slide-body')!, NodeFilter.SHOW_TEXT);
    for (let node = words_.nextNode(); node; node = words_.nextNode()) {
      const el = node.parentElement!;
      if (!el.closest(skip) && el.checkVisibility()) faceText += ` ${node.textContent}`;
    }
    const words = faceText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    return { index: Number(slide.dataset.slide), kind, words, body, table, outside };
  });

async function everySlide(page: Page, deck: string, each: (m: SlideMeasure) => void) {
  await openDeck(page, deck);
  const total = await page.locator('.deck-stage > [data-slide]').count();
  expect(total).toBeGreaterThan(3);
  for (let i = 0; i < total; i++) {
    await page.evaluate((n) => (location.hash = `#${n}`), i + 1);
    await expect(page.locator(`[data-slide="${i}"][data-current]`)).toBeVisible();
    each(await measure(page));
  }
}

test.describe('every rendered text of every slide stays on its canvas', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
    { width: 1024, height: 768 },
  ]) {
    for (const deck of decks) {
      test(`${deck} at ${size.width}×${size.height}: text inside the canvas${size.width === 1280 ? ', body text at least 28 px, at most 45 words a face' : ''}`, async ({
        page,
      }) => {
        await page.setViewportSize(size);
        const problems: string[] = [];
        let smallest = { size: Infinity, where: '' };
        let most = { words: 0, where: '' };
        const tables: number[] = [];
        const others: string[] = [];
        await everySlide(page, deck, (m) => {
          for (const o of m.outside) problems.push(`slide ${m.index + 1}: ${o}`);
          if (size.width !== 1280) return;
          for (const b of m.body) {
            if (b.size < 28 - 0.01) problems.push(`slide ${m.index + 1}: "${b.text}" is ${b.size}px`);
            if (b.size < smallest.size) smallest = { size: b.size, where: `slide ${m.index + 1} (${m.kind}): "${b.text}"` };
          }
          tables.push(...m.table);
          // The rule is for a section's face (headline and key points); the title slide (title and
          // objectives), the divider and the questions (prompt and choices) are counted for the figures.
          if (m.kind === 'section' && m.words > 45) problems.push(`slide ${m.index + 1} (${m.kind}): ${m.words} words`);
          if (m.kind === 'section' && m.words > most.words) most = { words: m.words, where: `slide ${m.index + 1}` };
          if (m.kind !== 'section') others.push(`${m.kind} ${m.words}`);
        });
        if (size.width === 1280) {
          console.log(
            `FIGURES ${deck}: most words ${most.words} (${most.where}); smallest body text ${smallest.size}px (${smallest.where})${tables.length ? `; smallest table text ${Math.min(...tables)}px` : ''}; other faces: ${others.join(', ')}`,
          );
        }
        expect(problems).toEqual([]);
      });
    }
  }

  test('the check can fail: text pushed off the canvas and 20 px text are caught', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDeck(page, `${SYNAPSE}slides/#2`);
    await page.locator('[data-slide="1"] .slide-points li').first().evaluate((li) => {
      li.style.fontSize = '20px';
      li.style.marginLeft = '3000px';
    });
    const m = await measure(page);
    expect(m.outside.length).toBeGreaterThan(0);
    expect(m.body.some((b) => b.size === 20)).toBe(true);
  });
});

test.describe('reduced motion: a long table fits at the same size', () => {
  for (const [slug, n] of [['safety-and-risks', 3], ['forms-and-routes', 3], ['the-evidence', 14]] as const) {
    test(`${slug} slide ${n}: table text as with motion, at least 17 px at 1280×720, nothing overflows, axe finds nothing`, async ({ browser }) => {
      const sizes: number[] = [];
      for (const reducedMotion of ['no-preference', 'reduce'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion });
        const page = await context.newPage();
        // Reached as a trainer does: the deck from its start, next until the table slide.
        await openDeck(page, `/lessons/${slug}/slides/`);
        for (let i = 1; i < n; i++) {
          await page.evaluate((k) => (location.hash = `#${k}`), i + 1);
          await expect(page.locator(`[data-slide="${i}"][data-current]`)).toBeVisible();
        }
        await page.waitForTimeout(100);
        const state = await page.evaluate(() => {
          const slide = document.querySelector<HTMLElement>('[data-slide][data-current]')!;
          const over = [slide, ...slide.querySelectorAll<HTMLElement>('.table-wrap')].some((el) => el.scrollHeight > el.clientHeight + 1);
          return { size: parseFloat(getComputedStyle(slide.querySelector('td')!).fontSize), over };
        });
        expect(state.over, `${reducedMotion}: overflows`).toBe(false);
        // The citation numbers in the cells keep their target spacing (2.5.8) and contrast.
        if (reducedMotion === 'reduce') await expectNoAxeViolations(page, `(table slide ${n})`);
        sizes.push(state.size);
        await context.close();
      }
      expect(sizes[1]).toBe(sizes[0]);
      expect(sizes[0]).toBeGreaterThanOrEqual(17);
    });
  }
});

/** Words of terms and citations, on screen and in print, and the controls that print. */
async function printKeeps(page: Page) {
  const read = () =>
    page.evaluate(() => {
      const words = (sel: string) =>
        [...document.querySelectorAll<HTMLElement>(sel)].map((el) => (el.checkVisibility() ? el.innerText.trim() : ''));
      return { terms: words('main .term-trigger'), cites: words('main .cite a') };
    });
  await page.emulateMedia({ media: 'screen' });
  let screen = await read();
  // The slides view shows one slide at a time: what a reader sees is every slide's, in turn.
  const total = await page.locator('.deck-stage > [data-slide]').count();
  for (let i = 1; i < total; i++) {
    await page.evaluate((n) => (location.hash = `#${n}`), i + 1);
    await expect(page.locator(`[data-slide="${i}"][data-current]`)).toBeVisible();
    const now = await read();
    screen = { terms: screen.terms.map((t, k) => t || now.terms[k]), cites: screen.cites.map((t, k) => t || now.cites[k]) };
  }
  await page.emulateMedia({ media: 'print' });
  const paper = await read();
  const controls = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button:not(.term-trigger), input, select, textarea, summary, [role="button"], [role="switch"], [role="radio"], [role="checkbox"], [role="slider"], .synapse-controls, [data-synapse-controls], .deck-bar',
      ),
    ]
      .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 0)
      .map((el) => `${el.tagName.toLowerCase()}: “${(el.innerText || el.getAttribute('aria-label') || '').trim().slice(0, 40)}”`),
  );
  await page.emulateMedia({ media: null });
  // Only what a reader sees on screen must survive (a term inside the hidden depth is not shown).
  const kept = (on: string[], off: string[]) => on.map((t, i) => (t ? off[i] : t));
  return { screen, paper, controls, kept };
}

test.describe('print: every term and citation keeps its words, no control prints', () => {
  for (const deck of decks) {
    test(`${deck}: the slides (PDF export) and the handout`, async ({ page }) => {
      for (const path of [deck, deck.replace(/slides\/$/, 'handout/')]) {
        if (path === deck) await openDeck(page, path);
        else await page.goto(path);
        const { screen, paper, controls, kept } = await printKeeps(page);
        // Every slide's citations are on paper, not only the current slide's: print shows them all.
        expect(screen.cites.filter(Boolean).length + screen.terms.filter(Boolean).length, `${path}: words to keep`).toBeGreaterThan(0);
        expect(kept(screen.terms, paper.terms), `${path}: glossary terms on paper`).toEqual(screen.terms);
        expect(kept(screen.cites, paper.cites), `${path}: citation markers on paper`).toEqual(screen.cites);
        expect(controls, `${path}: controls on paper`).toEqual([]);
      }
    });
  }
});

test.describe('axe finds nothing in each state of the slides and the presenter page', () => {
  for (const view of ['slides', 'presenter'] as const) {
    for (const theme of ['light', 'dark'] as const) {
      test(`${view} (${theme}): title, divider, diagram step, question revealed, blank, overview`, async ({ page }) => {
        await setTheme(page, theme);
        await page.setViewportSize({ width: 1280, height: 720 });
        await openDeck(page, `${SYNAPSE}${view}/`);
        const current = (i: number) => page.locator(`[data-deck] [data-slide="${i}"][data-current]`);
        await expect(current(0)).toHaveClass(/slide-title/);
        await expectNoAxeViolations(page, `(${view}, title, ${theme})`);

        await page.evaluate(() => (location.hash = '#11'));
        await expect(current(10)).toHaveClass(/slide-divider/);
        await expectNoAxeViolations(page, `(${view}, divider, ${theme})`);

        await page.evaluate(() => (location.hash = '#9'));
        await expect(current(8).locator('.indicator')).toContainText('Step 1 of 8');
        await press(page, 'ArrowRight');
        await press(page, 'ArrowRight');
        await expect(current(8).locator('.indicator')).toContainText('Step 3 of 8');
        await expectNoAxeViolations(page, `(${view}, diagram step 3, ${theme})`);

        await page.evaluate(() => (location.hash = '#12'));
        const answer = current(11).locator('.slide-question-answer');
        await expect(answer).toHaveAttribute('data-fragment-hidden', '');
        await press(page, 'ArrowRight');
        await expect(answer).not.toHaveAttribute('data-fragment-hidden');
        await expectNoAxeViolations(page, `(${view}, question revealed, ${theme})`);

        await press(page, 'b');
        await expect(page.locator(view === 'slides' ? '.deck-blank' : '.presenter-blank-badge')).toBeVisible();
        await expectNoAxeViolations(page, `(${view}, blank, ${theme})`);
        await press(page, 'b');

        await press(page, 'o');
        await expect(page.getByRole('dialog', { name: 'All slides' })).toBeVisible();
        await expectNoAxeViolations(page, `(${view}, overview, ${theme})`);
        await page.keyboard.press('Escape');
        await expect(page.getByRole('dialog', { name: 'All slides' })).toBeHidden();
      });
    }
  }
});
