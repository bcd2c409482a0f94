// Slide mode, presenter view and handout, in a real browser: a trainer with two windows kept in
// step over BroadcastChannel (slides, fragments, diagram steps, blank screen, reopening), a
// keyboard-only run through a whole deck, shortcuts that can be switched off, axe on every view in
// both themes, no text overflowing any slide of any deck at projector sizes, reflow when narrow
// or zoomed, and a handout that prints three slides a page.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, setTheme, sitemapPaths, tabTo, waitForIslands, watchPage } from './support';

const decks = sitemapPaths().filter((p) => /^\/lessons\/[^/]+\/slides\/$/.test(p));
const HISTORY = '/lessons/from-anaesthetic-to-antidepressant/';
const SYNAPSE = '/lessons/the-glutamate-synapse/';

async function openDeck(page: Page, path: string) {
  await page.goto(path);
  await waitForIslands(page);
  await expect(page.locator('[data-deck].deck-js')).toBeVisible();
}

/** The current slide of a deck window, 0-based, read from the DOM. */
const currentIndex = (page: Page) =>
  page.locator('[data-deck] [data-slide][data-current]').getAttribute('data-slide').then(Number);

const countText = (page: Page) => page.locator('.deck-count, .presenter-count').first();
const live = (page: Page) => page.locator('[data-deck] [aria-live="polite"]').last();
const diagramIndicator = (page: Page, slide: number) => page.locator(`[data-slide="${slide}"] .indicator`);

/** Presses a key with the deck focused, as a clicker would. */
async function press(page: Page, key: string) {
  await page.locator('[data-deck]').evaluate((deck) => {
    if (!deck.contains(document.activeElement) || document.activeElement === document.body) (deck as HTMLElement).focus();
  });
  await page.keyboard.press(key);
}

test.describe('a trainer presenting with two windows', () => {
  test('audience and presenter stay in step both ways: slides, fragments, blank, reopening', async ({ context }, info) => {
    const audience = await context.newPage();
    const watchA = watchPage(audience, info);
    await openDeck(audience, `${HISTORY}slides/`);
    await expect(countText(audience)).toHaveText('Slide 1 of 13');

    // S opens the presenter view in its own window.
    const opening = context.waitForEvent('page');
    await press(audience, 's');
    const presenter = await opening;
    const watchP = watchPage(presenter, info);
    await presenter.waitForLoadState();
    await waitForIslands(presenter);
    await expect(presenter).toHaveURL(/\/presenter\/#1$/);
    await expect(countText(presenter)).toContainText('Slide 1 of 13');
    await expect(presenter.locator('.presenter-notes [data-notes-for="0"]')).toBeVisible();

    // Next from the presenter moves the audience; next from the audience moves the presenter.
    await press(presenter, 'ArrowRight');
    await expect(countText(audience)).toHaveText('Slide 2 of 13');
    await expect(audience).toHaveURL(/#2$/);
    await expect(audience).toHaveTitle(/^2\/13: Timeline \(1 of 2\)/);
    // The timeline's events are fragments: none shows yet, in either window.
    const event = (page: Page, n: number) => page.locator(`[data-slide="1"] .depth-clinical [data-fragment="${n}"]`);
    await expect(event(audience, 1)).toHaveAttribute('data-fragment-hidden', '');
    await press(audience, 'PageDown');
    await expect(event(audience, 1)).not.toHaveAttribute('data-fragment-hidden');
    await expect(event(presenter, 1)).not.toHaveAttribute('data-fragment-hidden');
    await expect(event(presenter, 2)).toHaveAttribute('data-fragment-hidden', '');
    await expect(live(audience)).toHaveText(/^Point 1 of 6: 1962:/);
    await expect(presenter.locator('.presenter-next-title')).toContainText('5 more points on this slide, then:');
    await press(presenter, 'ArrowRight');
    await expect(event(audience, 2)).not.toHaveAttribute('data-fragment-hidden');
    await press(audience, 'ArrowLeft');
    await press(audience, 'ArrowLeft');
    await expect(event(presenter, 1)).toHaveAttribute('data-fragment-hidden', '');
    await expect(countText(presenter)).toContainText('Slide 2 of 13');

    // The notes follow the slide; the next slide's preview is a still copy.
    await expect(presenter.locator('[data-notes-for="1"]')).toContainText('Ask the class to guess the order');
    await expect(presenter.locator('.next-frame .slide h2')).toContainText('Timeline');
    await expect(presenter.locator('.next-frame [id]')).toHaveCount(0);

    // B in the presenter view blanks the audience screen; B again brings it back.
    await press(presenter, 'b');
    await expect(audience.locator('.deck-blank')).toBeVisible();
    await expect(presenter.locator('.presenter-blank-badge')).toBeVisible();
    await press(presenter, 'b');
    await expect(audience.locator('.deck-blank')).toBeHidden();

    // The overview in the presenter window moves both, and does not open on the projector.
    await press(presenter, 'o');
    await expect(presenter.getByRole('dialog', { name: 'All slides' })).toBeVisible();
    await expect(audience.getByRole('dialog')).toHaveCount(0);
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('ArrowRight');
    await presenter.keyboard.press('Enter');
    await expect(countText(audience)).toHaveText('Slide 4 of 13');

    // Focus in a slide that the other window moves away from goes to the new slide, not to nothing.
    const link = audience.locator('[data-slide="3"] .slide-sources .cite a').first();
    await link.focus();
    await press(presenter, 'ArrowRight');
    await expect(countText(audience)).toHaveText('Slide 5 of 13');
    // (The audience window is a background tab here, so ask the DOM rather than toBeFocused.)
    await expect.poll(() => audience.evaluate(() => document.activeElement?.getAttribute('data-slide'))).toBe('4');
    await press(presenter, 'ArrowLeft');

    // The timer pauses, resumes and resets.
    await presenter.getByRole('button', { name: 'Pause timer' }).click();
    await expect(presenter.locator('.presenter-paused')).toHaveText('(paused)');
    await presenter.getByRole('button', { name: 'Reset timer' }).click();
    await expect(presenter.locator('[role="timer"]')).toHaveText('00:00');
    await presenter.getByRole('button', { name: 'Resume timer' }).click();
    await expect(presenter.locator('.presenter-paused')).toHaveCount(0);
    await expect(presenter.locator('.presenter-clock time')).toHaveText(/\d{1,2}:\d{2}/);

    // Reopening either window resumes at the current slide.
    await audience.reload();
    await waitForIslands(audience);
    expect(await currentIndex(audience)).toBe(3);
    await presenter.close();
    const again = await context.newPage();
    await again.goto(`${HISTORY}presenter/`);
    await waitForIslands(again);
    await expect(countText(again)).toContainText('Slide 4 of 13');
    await press(again, 'End');
    await expect(countText(audience)).toHaveText('Slide 13 of 13');

    // Presenting does not mark the lesson complete (no progress is written at all).
    const keys = await audience.evaluate(() => Object.keys(localStorage));
    expect(keys.filter((k) => !/^ketamine-course:(deck:|deck-shortcuts|theme|depth|motion)/.test(k))).toEqual([]);
    watchA.assertClean();
    watchP.assertClean();
  });

  test('the synapse diagram is stepped from either window before the deck moves on', async ({ context }, info) => {
    const audience = await context.newPage();
    const watch = watchPage(audience, info);
    await openDeck(audience, `${SYNAPSE}slides/#9`);
    const presenter = await context.newPage();
    await openDeck(presenter, `${SYNAPSE}presenter/`);
    await expect(countText(presenter)).toContainText('Slide 9 of 14');
    await expect(diagramIndicator(audience, 8)).toContainText('Step 1 of 8');

    await press(presenter, 'ArrowRight');
    await expect(diagramIndicator(presenter, 8)).toContainText('Step 2 of 8');
    await expect(diagramIndicator(audience, 8)).toContainText('Step 2 of 8');
    await press(audience, 'PageDown');
    await expect(diagramIndicator(presenter, 8)).toContainText('Step 3 of 8');
    await expect(countText(presenter)).toContainText('Slide 9 of 14');
    await expect(presenter.locator('.presenter-next-title')).toContainText('Diagram step 3 of 8');
    await press(presenter, 'ArrowLeft');
    await expect(diagramIndicator(audience, 8)).toContainText('Step 2 of 8');

    // No web controls on the projected diagram: the deck's next and previous step it.
    await expect(audience.locator('[data-slide="8"] .controls')).toBeHidden();
    await press(audience, 'ArrowRight');
    await expect(diagramIndicator(presenter, 8)).toContainText('Step 3 of 8');

    // At the last step, next leaves the slide.
    for (let i = 0; i < 5; i++) await press(presenter, 'ArrowRight');
    await expect(diagramIndicator(audience, 8)).toContainText('Step 8 of 8');
    await press(presenter, 'ArrowRight');
    await expect(countText(audience)).toHaveText('Slide 10 of 14');
    // And back: the diagram keeps its step.
    await press(audience, 'ArrowLeft');
    await expect(countText(presenter)).toContainText('Slide 9 of 14');
    await expect(diagramIndicator(presenter, 8)).toContainText('Step 8 of 8');

    // A window opened now catches up with the diagram too.
    const late = await context.newPage();
    await openDeck(late, `${SYNAPSE}slides/`);
    await expect(diagramIndicator(late, 8)).toContainText('Step 8 of 8');
    watch.assertClean();
  });
});

test.describe('keyboard only', () => {
  test('a whole deck with a clicker’s keys: every slide announced, titled and addressed, only one in the tree', async ({ page }, info) => {
    const watch = watchPage(page, info);
    await openDeck(page, `${SYNAPSE}slides/`);
    // The deck has focus from the start, so the first key press works.
    await expect(page.locator('[data-deck]')).toBeFocused();
    const titles = await page.locator('[data-slide]').evaluateAll((slides) => slides.map((s) => s.getAttribute('aria-label')!.replace(/^\d+ of \d+: /, '')));
    expect(titles).toHaveLength(14);
    let presses = 0;
    for (let i = 1; i < titles.length; i++) {
      // Diagram steps come before the next slide.
      while ((await currentIndex(page)) !== i) {
        await page.keyboard.press('PageDown');
        presses++;
        if (presses > 40) throw new Error('the deck did not reach the end');
      }
      await expect(live(page)).toHaveText(`Slide ${i + 1} of 14: ${titles[i]}`);
      await expect(page).toHaveTitle(new RegExp(`^${i + 1}/14: `));
      await expect(page).toHaveURL(new RegExp(`#${i + 1}$`));
      // Only the current slide is outside `inert`.
      expect(await page.locator('[data-slide]:not([inert])').count()).toBe(1);
      await expect(page.locator('[data-deck]')).toBeFocused();
    }
    // 13 slide changes, 7 diagram steps, the answers of questions 1 and 2.
    expect(presses).toBe(13 + 7 + 2);
    // The last question's answer is its one fragment; then the deck says it is at the end.
    await page.keyboard.press('PageDown');
    await expect(live(page)).toContainText('Answer:');
    await page.keyboard.press('PageDown');
    await expect(live(page)).toHaveText('This is the last slide.');
    await page.keyboard.press('Home');
    await expect(countText(page)).toHaveText('Slide 1 of 14');
    watch.assertClean();
  });

  test('controls, overview and help by keyboard; no trap; shortcuts can be switched off', async ({ page }) => {
    await openDeck(page, `${HISTORY}slides/`);

    // Tab reaches the controls; Enter on Next moves on and keeps focus on Next.
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await tabTo(page, next);
    await page.keyboard.press('Enter');
    await expect(countText(page)).toHaveText('Slide 2 of 13');
    await expect(next).toBeFocused();
    // Space on a button presses the button, it does not also step the deck.
    await page.keyboard.press('Space');
    await expect(live(page)).toHaveText(/^Point 1 of 6/);

    // Tab goes on past the last control and out of the deck: no trap.
    const seen = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => (document.activeElement === document.body ? 'body' : document.activeElement?.textContent?.trim().slice(0, 30) ?? '')));
    }
    expect(seen).toContain('body');
    expect([...seen].some((s) => s.startsWith('Overview'))).toBe(true);

    // Esc opens the overview; arrows move, Enter opens; focus comes back to the deck.
    await press(page, 'Escape');
    const overview = page.getByRole('dialog', { name: 'All slides' });
    await expect(overview).toBeVisible();
    await expect(overview.locator('[aria-current="true"]')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(overview).toBeHidden();
    const index = await currentIndex(page);
    expect(index).toBeGreaterThan(1);
    await expect(live(page)).toHaveText(new RegExp(`^Slide ${index + 1} of 13`));
    // Esc in the overview closes it without moving.
    await press(page, 'o');
    await expect(overview).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(overview).toBeHidden();
    expect(await currentIndex(page)).toBe(index);

    // ? opens help; Esc closes it.
    await press(page, '?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // Switch single-key shortcuts off: O does nothing, arrows still work. Remembered.
    const toggle = page.getByRole('switch', { name: 'Keyboard shortcuts' });
    await tabTo(page, toggle);
    await page.keyboard.press('Space');
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect(toggle).toContainText('Keyboard shortcuts: off');
    await press(page, 'o');
    await press(page, 'b');
    await expect(overview).toBeHidden();
    await expect(page.locator('.deck-blank')).toHaveCount(0);
    await press(page, 'Home');
    await expect(countText(page)).toHaveText('Slide 1 of 13');
    await page.reload();
    await waitForIslands(page);
    await expect(page.getByRole('switch', { name: 'Keyboard shortcuts' })).toHaveAttribute('aria-checked', 'false');
  });

  test('a link to a slide opens there, and a changed address moves the deck', async ({ page }) => {
    await openDeck(page, `${HISTORY}slides/#5`);
    expect(await currentIndex(page)).toBe(4);
    await expect(page).toHaveTitle(/^5\/13: /);
    await page.evaluate(() => (location.hash = '#7'));
    await expect(countText(page)).toHaveText('Slide 7 of 13');
    // A heading's anchor works too, as quizzes link to sections.
    await page.goto(`${HISTORY}slides/#a-controlled-substance`);
    await page.reload();
    await waitForIslands(page);
    await expect(page.locator('[data-slide][data-current] h2')).toHaveText('A controlled substance');
  });

  test('touch: a swipe moves the deck; large buttons move it too', async ({ page }) => {
    await openDeck(page, `${HISTORY}slides/`);
    const swipe = (dx: number) =>
      page.locator('[data-deck-stage]').evaluate((stage, dx) => {
        const at = (type: string, x: number) =>
          stage.dispatchEvent(new PointerEvent(type, { pointerId: 7, pointerType: 'touch', clientX: x, clientY: 300, bubbles: true }));
        at('pointerdown', 600);
        at('pointerup', 600 + dx);
      }, dx);
    await swipe(-200);
    await expect(countText(page)).toHaveText('Slide 2 of 13');
    await swipe(200);
    await expect(countText(page)).toHaveText('Slide 1 of 13');
    const box = await page.getByRole('button', { name: 'Next', exact: true }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(44);
  });
});

test.describe('axe finds nothing', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`slides: title, text, diagram, blank (${theme})`, async ({ page }) => {
      await setTheme(page, theme);
      await openDeck(page, `${SYNAPSE}slides/`);
      await expectNoAxeViolations(page, `(slides, title, ${theme})`);
      await press(page, 'ArrowRight');
      await expectNoAxeViolations(page, `(slides, slide 2, ${theme})`);
      await page.evaluate(() => (location.hash = '#9'));
      await expect(diagramIndicator(page, 8)).toBeVisible();
      await press(page, 'ArrowRight');
      await expect(diagramIndicator(page, 8)).toContainText('Step 2 of 8');
      await expectNoAxeViolations(page, `(slides, diagram, ${theme})`);
      await press(page, 'b');
      await expect(page.locator('.deck-blank')).toBeVisible();
      await expectNoAxeViolations(page, `(blank, ${theme})`);
    });

    test(`slides: overview and help (${theme})`, async ({ page }) => {
      await setTheme(page, theme);
      await openDeck(page, `/lessons/the-evidence/slides/#14`);
      await expectNoAxeViolations(page, `(slides, table, ${theme})`);
      await press(page, 'o');
      await expect(page.getByRole('dialog', { name: 'All slides' })).toBeVisible();
      await expectNoAxeViolations(page, `(overview, ${theme})`);
      await page.keyboard.press('Escape');
      await press(page, '?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page, `(help, ${theme})`);
    });

    test(`presenter view, its overview and help, and the handout (${theme})`, async ({ page }) => {
      await setTheme(page, theme);
      await openDeck(page, `${SYNAPSE}presenter/#9`);
      await expectNoAxeViolations(page, `(presenter, ${theme})`);
      await press(page, 'o');
      await expect(page.getByRole('dialog', { name: 'All slides' })).toBeVisible();
      await expectNoAxeViolations(page, `(presenter overview, ${theme})`);
      await page.keyboard.press('Escape');
      await press(page, '?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await expectNoAxeViolations(page, `(presenter help, ${theme})`);
      await page.goto(`${SYNAPSE}handout/`);
      await expectNoAxeViolations(page, `(handout, ${theme})`);
    });
  }
});

/** Whether anything in the current slide overflows it (or a table its scroller). */
const overflow = (page: Page) =>
  page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('[data-deck] [data-slide][data-current]')!;
    const out: string[] = [];
    const check = (el: HTMLElement, what: string) => {
      if (el.scrollHeight > el.clientHeight + 1) out.push(`${what} is ${el.scrollHeight - el.clientHeight}px too tall`);
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${what} is ${el.scrollWidth - el.clientWidth}px too wide`);
    };
    check(slide, 'the slide');
    slide.querySelectorAll<HTMLElement>('.table-wrap').forEach((t, i) => check(t, `table ${i + 1}`));
    const fixed = getComputedStyle(slide).getPropertyValue('--deck-fixed').trim() === '1';
    // Body text: the face's own lines, not its footer (sources, slide number), eyebrow, tables,
    // the crisis line or the diagram's art.
    const skip = '.slide-sources, .slide-diagram .sources, .slide-number, .slide-eyebrow, .slide-crisis, table, .cite, .slide-diagram svg, .slide-print-notes, .visually-hidden';
    const body = [...slide.querySelectorAll<HTMLElement>('.slide-body li, .slide-body p, .slide-body .indicator')]
      .filter((el) => !el.closest(skip) && el.checkVisibility() && el.textContent!.trim())
      .map((el) => ({ text: el.textContent!.trim().slice(0, 40), size: parseFloat(getComputedStyle(el).fontSize) }));
    return { out, fixed, body, fontSize: parseFloat(getComputedStyle(slide).fontSize) };
  });

test.describe('every slide of every deck fits the projector', () => {
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
    // A 4:3 projector: the 16:9 canvas letterboxed.
    { width: 1024, height: 768 },
  ]) {
    for (const deck of decks) {
      test(`${deck} at ${size.width}×${size.height}`, async ({ page }) => {
        await page.setViewportSize(size);
        await openDeck(page, deck);
        const total = await page.locator('[data-slide]').count();
        const problems: string[] = [];
        for (let i = 0; i < total; i++) {
          await page.evaluate((n) => (location.hash = `#${n}`), i + 1);
          await expect(page.locator(`[data-slide="${i}"][data-current]`)).toBeVisible();
          const steps = await page.locator(`[data-slide="${i}"] [data-deck-stepper]`).count();
          // The diagram's longest step text must fit too: walk its steps.
          for (let step = 1; step <= (steps ? 8 : 1); step++) {
            if (step > 1) {
              await press(page, 'ArrowRight');
              await expect(diagramIndicator(page, i)).toContainText(`Step ${step} of 8`);
            }
            const result = await overflow(page);
            expect(result.fixed, 'the projector layout applies').toBe(true);
            // Readable from the back of a room: body text at least 28 px at 1280×720; the canvas
            // scales as a whole, so on another screen at least 28 px × its height / 720.
            const least = 28 * (Math.min(size.height, (size.width * 9) / 16) / 720);
            expect(result.fontSize).toBeGreaterThanOrEqual(least - 0.01);
            for (const b of result.body) if (b.size < least - 0.01) problems.push(`slide ${i + 1}: "${b.text}" is ${b.size}px`);
            for (const o of result.out) problems.push(`slide ${i + 1}${steps ? ` step ${step}` : ''}: ${o}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});

test.describe('narrow windows and zoom: the deck reflows and scrolls', () => {
  for (const size of [
    { width: 320, height: 640, label: '320 px' },
    { width: 640, height: 360, label: '1280×720 at 200 % zoom' },
    { width: 960, height: 540, label: '1920×1080 at 200 % zoom' },
  ]) {
    test(`slides and presenter at ${size.label}`, async ({ page }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const path of [`/lessons/the-evidence/slides/#14`, `${SYNAPSE}slides/#9`, `${SYNAPSE}presenter/#9`]) {
        await openDeck(page, path);
        const state = await overflow(page);
        expect(state.fixed, `${path}: no fixed canvas`).toBe(false);
        expect(state.out.filter((o) => o.startsWith('the slide')), `${path}: the slide grows instead of clipping`).toEqual([]);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(wide, `${path}: no horizontal scrolling`).toBeLessThanOrEqual(0);
        // The controls are still there, below the slide.
        await expect(page.locator('.deck-bar .deck-next')).toBeVisible();
      }
    });
  }
});

test.describe('text zoom: enlarging text makes every slide\'s text larger, never smaller, and clips nothing', () => {
  for (const deck of decks) {
    test(`${deck} at 1280×720 with the root font size doubled`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await openDeck(page, deck);
      const total = await page.locator('.deck-stage > [data-slide]').count();
      const measure = () =>
        page.evaluate(() => {
          const slide = document.querySelector<HTMLElement>('[data-deck] [data-slide][data-current]')!;
          const texts = [...slide.querySelectorAll<HTMLElement>('.slide-body h2, .slide-body li, .slide-body p, .slide-body .indicator')].filter((el) => el.checkVisibility());
          const style = getComputedStyle(slide);
          const scrolls = style.overflowY === 'auto' || style.overflowY === 'scroll';
          return {
            sizes: texts.map((el) => parseFloat(getComputedStyle(el).fontSize)),
            // Content taller than the slide must be reachable by scrolling inside it; nothing wider.
            clipped: (slide.scrollHeight > slide.clientHeight + 1 && !scrolls) || slide.scrollWidth > slide.clientWidth + 1,
          };
        });
      const problems: string[] = [];
      for (let i = 0; i < total; i++) {
        await page.evaluate((n) => {
          document.documentElement.style.fontSize = '';
          location.hash = `#${n}`;
        }, i + 1);
        await expect(page.locator(`[data-slide="${i}"][data-current]`)).toBeVisible();
        const normal = await measure();
        await page.evaluate(() => {
          document.documentElement.style.fontSize = '200%';
          window.dispatchEvent(new Event('resize'));
        });
        await page.waitForTimeout(50);
        const zoomed = await measure();
        normal.sizes.forEach((size, k) => {
          if (!(zoomed.sizes[k] > size)) problems.push(`slide ${i + 1}, text ${k + 1}: ${size}px became ${zoomed.sizes[k]}px`);
        });
        if (zoomed.clipped) problems.push(`slide ${i + 1}: clipped at 200 %`);
      }
      expect(problems).toEqual([]);
    });
  }
});

test.describe('speaker notes carry the section\'s prose', () => {
  for (const deck of decks) {
    test(`${deck}: every section's reading text is in its slide's notes`, async ({ page }) => {
      const lesson = deck.replace(/slides\/$/, '');
      await page.goto(lesson);
      // The reading view: each ## section's paragraphs and list items, both depths.
      const sections = await page.evaluate(() => {
        const out: Array<{ anchor: string; texts: string[] }> = [];
        let current: { anchor: string; texts: string[] } | null = null;
        const body = document.querySelector('.lesson-body, article') ?? document.body;
        // Prose only: a timeline or a table is the slide's face, and the diagram's own text is in
        // the diagram; a depth block counts when it sits beside the section headings.
        const headings = document.querySelector('h2[id]:not(#objectives-heading)')?.parentElement;
        for (const el of body.querySelectorAll('h2[id], .depth > p, .depth > ul > li, .depth > ol:not(.timeline) > li')) {
          if (el.tagName !== 'H2' && el.closest('.depth')!.parentElement !== headings) continue;
          if (el.tagName === 'H2') {
            current = { anchor: el.id, texts: [] };
            out.push(current);
          } else if (current) current.texts.push(el.textContent!.replace(/\s+/g, ' ').trim());
        }
        return out.filter((s) => s.texts.length);
      });
      expect(sections.length).toBeGreaterThan(3);
      await page.goto(`${lesson}presenter/`);
      const notes = await page.evaluate(() => {
        // A section's continuation slides (after <SlideBreak />) belong to it; the title slide
        // carries the introduction (before the first section).
        let last = '';
        const titles = [...document.querySelectorAll('[data-slide]')].map((s) => (last = s.querySelector('h2[id]')?.id ?? (s.querySelector('.slide-continued') ? last : '')));
        return [...document.querySelectorAll<HTMLElement>('[data-notes-for]')].map((n, i) => ({ anchor: titles[i], text: n.textContent!.replace(/\s+/g, ' ') }));
      });
      const missing: string[] = [];
      for (const section of sections) {
        const known = notes.some((n) => n.anchor === section.anchor);
        const mine = notes.filter((n) => n.anchor === (known ? section.anchor : '')).map((n) => n.text).join(' ');
        for (const text of section.texts) if (!mine.includes(text)) missing.push(`#${section.anchor}: "${text.slice(0, 60)}…"`);
      }
      expect(missing).toEqual([]);
    });
  }
});

test.describe('PDF export: printing the slides view', () => {
  test('one slide a landscape page for every deck; with notes, one page a slide too; no control prints', async ({ page }) => {
    const counts: string[] = [];
    for (const deck of decks) {
      await openDeck(page, deck);
      const slides = await page.locator('.deck-stage > [data-slide]').count();
      const pages = async () => (await page.pdf({ preferCSSPageSize: true })).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      const plain = await pages();
      expect(plain, deck).toBe(slides);
      await page.evaluate(() => document.querySelector('[data-deck]')!.toggleAttribute('data-print-notes', true));
      const withNotes = await pages();
      counts.push(`${deck}: ${slides} slides, ${plain} pages, ${withNotes} with notes`);
      expect(withNotes, `${deck} with notes`).toBeGreaterThanOrEqual(slides);
      await page.emulateMedia({ media: 'print' });
      const controls = await page.locator('button:visible:not(.term-trigger), input:visible, select:visible').count();
      expect(controls, `${deck}: controls in print`).toBe(0);
      // Every slide's words are on paper: all fragments show.
      const hiddenFragments = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-fragment]')].filter((el) => {
          const depth = el.closest<HTMLElement>('.depth');
          const shown = (e: HTMLElement) => e.checkVisibility({ visibilityProperty: true });
          return (!depth || depth.checkVisibility()) && !shown(el);
        }).length,
      );
      expect(hiddenFragments, `${deck}: fragments hidden in print`).toBe(0);
      await page.emulateMedia({ media: null });
    }
    console.log(`PDF: ${counts.join('; ')}`);
  });
});

test.describe('handout', () => {
  test('three true slide thumbnails a page with note lines; speaker notes on screen; the diagram as numbered frames', async ({ page }) => {
    await page.goto(`${SYNAPSE}handout/`);
    const items = page.locator('.handout-item');
    await expect(items).toHaveCount(14);
    // The speaker notes (the section's prose, then the trainer's notes) are on screen, folded.
    await items.nth(1).locator('.handout-notes summary').click();
    await expect(items.nth(1).locator('.handout-notes')).toContainText('Keep this brief');
    // The introduction is the title slide's notes.
    await items.nth(0).locator('.handout-notes summary').click();
    await expect(items.nth(0).locator('.handout-notes')).toContainText('how nerve cells talk');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.handout-diagram .frames li')).toHaveCount(8);
    await expect(page.locator('.handout-diagram .frames')).toBeVisible();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(items.nth(1).locator('.handout-lines span')).toHaveCount(7);
    await expect(items.nth(1).locator('.handout-notes')).toBeHidden();
    // References follow, numbered as in the slides.
    await expect(page.locator('.handout-references li').first()).toHaveAttribute('id', /^ref-/);

    // Fragments all show on paper.
    await page.goto(`${HISTORY}handout/`);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.depth-clinical [data-fragment="6"]').first()).toBeVisible();
  });

  for (const format of ['A4', 'Letter'] as const) {
    test(`every lesson's handout prints on at most ceil(slides / 3) + 1 ${format} pages`, async ({ page }) => {
      const counts: string[] = [];
      for (const deck of decks) {
        await page.goto(deck.replace(/slides\/$/, 'handout/'));
        const slides = await page.locator('.handout-item').count();
        const pdf = (await page.pdf({ format })).toString('latin1');
        const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        counts.push(`${deck}: ${slides} slides, ${pages} pages`);
        expect(pages, `${deck} (${slides} slides)`).toBeLessThanOrEqual(Math.ceil(slides / 3) + 1);
        // No control prints (a glossary term's button prints as its words, print.css).
        await page.emulateMedia({ media: 'print' });
        const controls = await page.locator('button:visible:not(.term-trigger), summary:visible, input:visible').count();
        expect(controls, `${deck}: controls in print`).toBe(0);
        // Back to the default (page.pdf prints with print media only when none is forced).
        await page.emulateMedia({ media: null });
      }
      console.log(`handout ${format}: ${counts.join('; ')}`);
    });
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the slides read as one scrolling page', async ({ page }) => {
    await page.goto(`${HISTORY}slides/`);
    const slides = page.locator('[data-slide]');
    await expect(slides).toHaveCount(13);
    for (const i of [0, 4, 8]) await expect(slides.nth(i)).toBeVisible();
    await expect(page.locator('.depth-clinical [data-fragment]').first()).toBeVisible();
  });
});

