#!/usr/bin/env node
// Pictures of every synapse-diagram step, for looking at (issue 14):
//   lesson at 390×844 (the diagram) and slide view at 1280×720 (the whole slide), light and dark.
//
//   node scripts/shots-diagram.mjs [base-url] [--out reports/shots/diagram]
//
// Default base url: http://127.0.0.1:4321 (serve dist/ first: `node scripts/serve-dist.mjs dist 4321`).
// Writes <out>/<view>-<theme>-step<N>.png, e.g. lesson-390-dark-step3.png, slides-1280-light-step8.png.
// Each picture waits for the step's transitions to end, so it shows the settled frame.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : 'reports/shots/diagram';
const base = (args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1)) ?? 'http://127.0.0.1:4321').replace(/\/$/, '');
const LESSON = '/lessons/how-ketamine-works/';
const STEPS = 8;
mkdirSync(out, { recursive: true });

const settle = (page) =>
  page.evaluate(async () => {
    const root = document.querySelector('[data-deck-stepper]');
    await new Promise((r) => setTimeout(r, 50));
    await Promise.all((root?.getAnimations({ subtree: true }) ?? []).map((a) => a.finished.catch(() => undefined)));
  });

/** Goes to step n: in a lesson with the diagram's step list; in the deck with its own next key. */
async function goTo(page, n) {
  const list = page.locator('[data-deck-stepper] ol.steps button');
  if (await list.nth(n - 1).isVisible()) await list.nth(n - 1).click();
  else {
    while (Number(await page.locator('[data-deck-stepper]').getAttribute('data-step')) < n) {
      await page.locator('[data-deck]').evaluate((deck) => deck.focus());
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
    }
  }
  await page.locator(`[data-deck-stepper][data-step="${n}"]`).waitFor();
  await settle(page);
}

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const written = [];
try {
  for (const theme of ['light', 'dark']) {
    let context = await browser.newContext({ colorScheme: theme, reducedMotion: 'reduce' });
    // The lesson on a phone: the diagram's own box.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}${LESSON}`);
    const diagram = phone.locator('[data-deck-stepper]');
    await diagram.scrollIntoViewIfNeeded();
    await phone.locator('[data-deck-stepper] .controls').waitFor();
    for (let n = 1; n <= STEPS; n++) {
      await goTo(phone, n);
      const file = `${out}/lesson-390-${theme}-step${n}.png`;
      await phone.locator('[data-deck-stepper] .stage').screenshot({ path: file });
      written.push(file);
    }
    await context.close();
    // A fresh context: the deck remembers its place, and the diagram must start at step 1.
    context = await browser.newContext({ colorScheme: theme, reducedMotion: 'reduce' });

    // The slide view at 1280×720: the slide that holds the diagram, whole.
    const slides = await context.newPage();
    await slides.setViewportSize({ width: 1280, height: 720 });
    await slides.goto(`${base}${LESSON}slides/`);
    const index = await slides.evaluate(() => document.querySelector('[data-deck-stepper]')?.closest('[data-slide]')?.getAttribute('data-slide'));
    await slides.goto(`${base}${LESSON}slides/#${Number(index) + 1}`);
    await slides.locator('[data-slide][data-current] [data-deck-stepper][data-step="1"]').waitFor();
    await slides.locator('astro-island[ssr]').first().waitFor({ state: 'detached' }).catch(() => undefined);
    for (let n = 1; n <= STEPS; n++) {
      await goTo(slides, n);
      const file = `${out}/slides-1280-${theme}-step${n}.png`;
      await slides.screenshot({ path: file });
      written.push(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`${written.length} pictures in ${out}/`);
