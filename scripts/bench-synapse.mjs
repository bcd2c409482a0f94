#!/usr/bin/env node
// Benchmark the synapse diagram while it plays: long tasks and frame timings in headless Chromium.
//
//   node scripts/bench-synapse.mjs [url] [--seconds 10] [--next-every 0] [--json]
//
// Default url: http://localhost:4321/lessons/how-ketamine-works/ (start the site first, e.g.
// `npm run start`). The page must embed <SynapseDiagram client:visible/>; the script scrolls it into
// view (which hydrates the island), makes sure motion is on, presses Play and records for ~10 s:
//   - long tasks (PerformanceObserver 'longtask'): the longest, and how many took > 50 ms;
//   - frames (requestAnimationFrame deltas): mean fps, worst frame, 95th percentile;
//   - the renderer's script, style and layout time (CDP Performance metrics), in all and per step change.
// Play advances one step every 8 s, so 10 s covers one animated step change; `--next-every 1500`
// also presses Next every 1.5 s to exercise more steps (Next pauses playback, as readers expect),
// and Restart when the last step is reached, so a long recording keeps cycling through the steps.
// Browser: CHROMIUM_PATH or /usr/bin/chromium. Exit code 1 if the page or the diagram is missing.
// The report also says how many CSS transitions and animations started in the diagram while recording and its
// final data-motion, so a run that measured a still frame (no animation) is visible as such, and
// the machine's load average, since timings on a busy machine say more about the machine.
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const url = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? 'http://localhost:4321/lessons/how-ketamine-works/';
const seconds = flag('seconds', 10);
const nextEvery = flag('next-every', 0);
const asJson = args.includes('--json');
const cpus = availableParallelism();

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const bench = { longTasks: [], frames: [], recording: false, animations: 0 };
    window.__synapseBench = bench;
    // The drawing moves with CSS transitions (and label fades are animations): count both.
    document.addEventListener('transitionstart', (event) => {
      if (bench.recording && event.target instanceof Element && event.target.closest('[data-deck-stepper]')) bench.animations++;
    });
    document.addEventListener('animationstart', (event) => {
      if (bench.recording && event.target instanceof Element && event.target.closest('[data-deck-stepper]')) bench.animations++;
    });
    try {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      bench.noLongTaskApi = true;
    }
  });

  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || !response.ok()) throw new Error(`Could not load ${url} (status ${response?.status() ?? 'none'})`);

  const diagram = page.locator('[data-deck-stepper]').first();
  if ((await diagram.count()) === 0) throw new Error(`No synapse diagram ([data-deck-stepper]) on ${url}`);
  await diagram.scrollIntoViewIfNeeded();
  // client:visible: wait until Astro has hydrated the island (it drops the `ssr` attribute).
  await page.waitForFunction(
    () => {
      const root = document.querySelector('[data-deck-stepper]');
      const island = root?.closest('astro-island');
      return Boolean(root) && (!island || !island.hasAttribute('ssr'));
    },
    undefined,
    { timeout: 15_000 },
  );

  // Measure the full animation, not the reduced-motion cross-fades.
  const reduce = diagram.getByRole('switch', { name: 'Reduce motion' });
  if ((await reduce.count()) && (await reduce.isChecked())) await reduce.uncheck();

  // The renderer's own work while recording (CDP Performance metrics: time spent in script, style
  // recalculation and layout). On a shared machine the long tasks and frame times measure the
  // machine as much as the page; this says how much of that time the diagram itself asked for.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const play = diagram.getByRole('button', { name: /^Play/ });
  await play.click();
  const started = await page.evaluate(() => {
    const bench = window.__synapseBench;
    bench.recording = true;
    bench.start = performance.now();
    bench.steps = [];
    const live = document.querySelector('[data-deck-stepper] [aria-live]');
    if (live) new MutationObserver(() => bench.recording && bench.steps.push(performance.now())).observe(live, { childList: true, characterData: true, subtree: true });
    let last = bench.start;
    const loop = (now) => {
      if (!bench.recording) return;
      bench.frames.push(now - last);
      last = now;
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
    return bench.start;
  });

  const end = Date.now() + seconds * 1000;
  const next = diagram.getByRole('button', { name: /^Next/ });
  const restart = diagram.getByRole('button', { name: /^Restart/ });
  while (Date.now() < end) {
    const wait = Math.min(nextEvery > 0 ? nextEvery : 250, end - Date.now());
    await page.waitForTimeout(Math.max(wait, 0));
    if (nextEvery > 0 && Date.now() < end) {
      // At the last step Next is aria-disabled (Playwright will not click it): start again instead.
      if ((await next.getAttribute('aria-disabled')) === 'true') await restart.click();
      else await next.click();
    }
  }

  const data = await page.evaluate(() => {
    const bench = window.__synapseBench;
    bench.recording = false;
    return {
      elapsed: performance.now() - bench.start,
      frames: bench.frames,
      longTasks: bench.longTasks.filter((t) => t.start + t.duration >= bench.start),
      steps: bench.steps.map((t) => t - bench.start),
      noLongTaskApi: Boolean(bench.noLongTaskApi),
      indicator: document.querySelector('[data-deck-stepper] [id$="-indicator"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      motion: [...document.querySelectorAll('[data-deck-stepper] .stage svg[data-motion]')].find((s) => s.getBoundingClientRect().width > 0)?.getAttribute('data-motion') ?? '',
      animations: bench.animations,
    };
  });

  const after = await metrics();
  const work = (name) => Math.round((after[name] - before[name]) * 1000);
  const frames = data.frames.slice(1); // the first delta includes the click handling
  const sorted = [...frames].sort((a, b) => a - b);
  const durations = data.longTasks.map((t) => t.duration);
  const result = {
    url,
    seconds: Math.round(data.elapsed) / 1000,
    startedAt: Math.round(started),
    finalStep: data.indicator,
    motion: data.motion,
    animationsStarted: data.animations,
    loadAverage: loadavg().map((n) => Math.round(n * 10) / 10),
    cpus,
    longestTaskMs: durations.length ? Math.round(Math.max(...durations)) : 0,
    tasksOver50ms: durations.filter((d) => d > 50).length,
    /** Each long task: when it started (ms after recording began) and how long it took. */
    stepChangesAtMs: data.steps.map((t) => Math.round(t)),
    longTasks: data.longTasks.map((t) => ({ atMs: Math.round(t.start - started), ms: Math.round(t.duration) })),
    longTaskApi: !data.noLongTaskApi,
    frames: frames.length,
    meanFps: frames.length ? Math.round((frames.length / (data.elapsed / 1000)) * 10) / 10 : 0,
    worstFrameMs: sorted.length ? Math.round(sorted[sorted.length - 1] * 10) / 10 : 0,
    p95FrameMs: sorted.length ? Math.round(sorted[Math.floor(sorted.length * 0.95)] * 10) / 10 : 0,
    /** Renderer main-thread time while recording (ms): script, style, layout; and per step change. */
    work: { scriptMs: work('ScriptDuration'), styleMs: work('RecalcStyleDuration'), layoutMs: work('LayoutDuration') },
  };
  const changes = Math.max(result.stepChangesAtMs.length, 1);
  result.workPerStepChangeMs = Math.round(((result.work.scriptMs + result.work.styleMs + result.work.layoutMs) / changes) * 10) / 10;

  if (asJson) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`Synapse diagram benchmark — ${url}`);
    console.log(`  recorded          ${result.seconds} s, ended at "${result.finalStep}"`);
    console.log(`  animations        ${result.animationsStarted} transitions/animations started in the diagram (data-motion="${result.motion}")`);
    console.log(`  longest task      ${result.longestTaskMs} ms${result.longTaskApi ? '' : ' (longtask API unavailable)'}`);
    console.log(`  tasks > 50 ms     ${result.tasksOver50ms}`);
    console.log(`  mean fps          ${result.meanFps} (${result.frames} frames)`);
    console.log(`  worst frame       ${result.worstFrameMs} ms (p95 ${result.p95FrameMs} ms)`);
    console.log(`  renderer work     script ${result.work.scriptMs} ms, style ${result.work.styleMs} ms, layout ${result.work.layoutMs} ms (${result.workPerStepChangeMs} ms per step change, ${result.stepChangesAtMs.length} changes)`);
    console.log(`  load average      ${result.loadAverage.join(' ')} (1, 5, 15 min) on ${cpus} CPUs`);
  }
} catch (error) {
  console.error(`bench-synapse: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
