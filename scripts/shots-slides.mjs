#!/usr/bin/env node
// Screenshots of every slide of every deck at 1280×720, light and dark, into reports/shots/slides/
// (or the folder given as --out): each diagram step, and the presenter view at two slides. Builds nothing: run after `npm run build`. Usage:
//   npx node scripts/shots-slides.mjs [--out dir] [--only slug,slug] [--port 4417]
// It serves dist/ itself with scripts/serve-dist.mjs, so it can be folded into `npm run shots`.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const out = arg('out', 'reports/shots/slides');
const port = Number(arg('port', process.env.E2E_PORT ?? 4417));
const only = arg('only', '')?.split(',').filter(Boolean) ?? [];
const themes = (arg('themes', 'light,dark') ?? '').split(',');
const slugs = readdirSync('dist/lessons').filter((s) => existsSync(`dist/lessons/${s}/slides/index.html`) && (!only.length || only.includes(s)));
mkdirSync(out, { recursive: true });

const server = spawn(process.execPath, ['scripts/serve-dist.mjs', 'dist', String(port)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const theme of themes) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    await context.addInitScript((t) => localStorage.setItem('ketamine-course:theme', t), theme);
    const page = await context.newPage();
    for (const slug of slugs) {
      await page.goto(`http://localhost:${port}/lessons/${slug}/slides/#1`);
      await page.locator('.deck-js').waitFor();
      const total = await page.locator('.deck-stage > .slide').count();
      for (let i = 1; i <= total; i++) {
        // (Shots are named slug-NN-theme.png; the sheets slug-sheet-theme.png.)
        if (i > 1) await page.evaluate((n) => (location.hash = `#${n}`), i);
        await page.locator(`.slide[data-slide="${i - 1}"]:not([inert])`).waitFor();
        // Show every fragment: the shot is of the finished slide.
        await page.evaluate(() => document.querySelectorAll('[data-fragment-hidden]').forEach((e) => e.removeAttribute('data-fragment-hidden')));
        // The control bar hides while presenting; the shot shows the slide as projected.
        await page.evaluate(() => document.querySelector('[data-deck]')?.removeAttribute('data-pointer'));
        await page.waitForTimeout(150);
        const name = `${out}/${slug}-${String(i).padStart(2, '0')}`;
        await page.screenshot({ path: `${name}-${theme}.png` });
        // The diagram slide: every step, as the clicker steps it (slug-NN-s2-theme.png …).
        const stepper = page.locator(`.slide[data-slide="${i - 1}"] [data-stepper-steps]`);
        const steps = (await stepper.count()) ? Number(await stepper.getAttribute('data-stepper-steps')) : 0;
        for (let step = 2; step <= steps; step++) {
          await page.keyboard.press('ArrowRight');
          await page.locator(`.slide[data-slide="${i - 1}"] [data-step="${step}"]`).waitFor();
          await page.waitForTimeout(150);
          await page.screenshot({ path: `${name}-s${step}-${theme}.png` });
        }
      }
      // The presenter view at the title and at the diagram (or the second) slide.
      const withDiagram = page.locator('.deck-stage > .slide:has([data-stepper-steps])');
      const diagram = (await withDiagram.count()) ? await withDiagram.getAttribute('data-slide') : null;
      for (const n of [1, diagram === null ? 2 : Number(diagram) + 1]) {
        await page.goto(`http://localhost:${port}/lessons/${slug}/presenter/#${n}`);
        await page.locator('.deck-js').waitFor();
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${slug}-presenter-${String(n).padStart(2, '0')}-${theme}.png` });
      }
    }
    await context.close();
  }
  // A contact sheet per deck and theme (four shots a row), to judge a whole deck at a glance.
  const sheet = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  for (const theme of themes) {
    for (const slug of slugs) {
      const shots = readdirSync(out).filter((f) => f.startsWith(`${slug}-`) && f.endsWith(`-${theme}.png`) && !/-sheet-|-presenter-|-s\d-/.test(f)).sort();
      const imgs = shots.map((f) => `<img src="data:image/png;base64,${readFileSync(resolve(out, f)).toString('base64')}">`).join('');
      await sheet.setContent(`<style>body{margin:0;background:#777;display:grid;grid-template-columns:repeat(4,1fr);gap:6px;padding:6px}img{width:100%;display:block}</style>${imgs}`);
      await sheet.waitForLoadState('load');
      await sheet.screenshot({ path: `${out}/${slug}-sheet-${theme}.png`, fullPage: true });
    }
  }
} finally {
  await browser.close();
  server.kill();
}
console.log(`shots in ${out}/`);
