// The synapse diagram (issues 5 and 14) in the built lessons and the slide view: keyboard only,
// announced, axe-clean at every step in both themes and with reduced motion, no autoplay,
// Play/Pause and hiding the page, no transform animation under reduced motion, print frames,
// forced colours, 320 px reflow, 200 % zoom, no controls without JavaScript; and the drawing's
// measurable standards: labels apart, inside the picture and large enough (390 px lesson,
// 1280×720 and 1920×1080 slides), computed contrast of labels and actors in both themes, and one
// continuous scene whose state matches each step's narration.
// The captions come from src/features/synapse/synapse-steps.ts (the diagram's own source) and are checked
// against the rendered step list.
//
// Hydration: the island is client:visible, so each test brings it on screen (by tabbing to its
// controls, as a keyboard user would) and waits for *its* island. The support helper
// waitForIslands waits for every island on the page, and the lesson's quiz (also client:visible,
// further down) stays unhydrated while the diagram is on screen.
import { test, expect, type Page, type Locator, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, expectNoAxeViolations, tabTo, setTheme, watchPage, waitForIslands } from './support';
import { SYNAPSE_STEPS, STEP_COUNT } from '../../src/features/synapse/synapse-steps';

// Generous timeouts: each axe pass over a long lesson takes seconds, more on a busy machine.
test.describe.configure({ timeout: 150_000 });

const LESSON = '/lessons/how-ketamine-works/';
const LESSONS = ['/lessons/the-glutamate-synapse/', LESSON];
const THEMES = ['light', 'dark'] as const;
const captions = SYNAPSE_STEPS.map((s) => s.caption);
const label = (n: number) => `Step ${n} of ${STEP_COUNT}: ${captions[n - 1]}`;
const announced = (n: number) => `${label(n)}.${n === STEP_COUNT ? ' Last step.' : ''}`;
const COMPARE_STEPS = SYNAPSE_STEPS.flatMap((s, i) => (s.compare ? [i + 1] : []));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const diagram = (page: Page) => page.locator('[data-deck-stepper]');
const live = (page: Page) => diagram(page).locator('[aria-live="polite"]');
const indicator = (page: Page) => diagram(page).locator('[id$="-indicator"]');
// The picture shown at this width (the stage holds a wide and a tall layout; one is displayed).
const art = (page: Page) => diagram(page).locator('.stage svg:visible');
const controls = (page: Page) => diagram(page).getByRole('group', { name: 'Diagram controls' });
const control = (page: Page, name: string | RegExp) =>
  controls(page).getByRole('button', { name: typeof name === 'string' ? new RegExp(`^${name}$`) : name });
const motionSwitch = (page: Page) => controls(page).getByRole('switch', { name: 'Reduce motion' });
const stepList = (page: Page) => diagram(page).getByRole('list', { name: 'Jump to a step' });
const stepButton = (page: Page, n: number) => stepList(page).getByRole('button').nth(n - 1);
const compare = (page: Page) => diagram(page).getByRole('group', { name: 'Compare this step' });
const radio = (page: Page, ketamine: boolean) =>
  compare(page).getByRole('radio', { name: ketamine ? 'With ketamine' : 'Without ketamine' });

/** Waits until the diagram's own island has hydrated (Astro drops `ssr` when it has). */
async function waitForDiagram(page: Page): Promise<void> {
  await expect(page.locator('astro-island').filter({ has: diagram(page) })).not.toHaveAttribute('ssr');
}

/**
 * Loads a lesson, scrolls to the diagram (which hydrates it: its controls appear only once they
 * work) and reaches the Play button with Tab only.
 */
async function openByKeyboard(page: Page, path = LESSON): Promise<void> {
  await page.goto(path);
  await expect(diagram(page)).toHaveCount(1);
  await diagram(page).scrollIntoViewIfNeeded();
  await waitForDiagram(page);
  const play = control(page, 'Play');
  await tabTo(page, play, { max: 400 });
  await expect(indicator(page)).toHaveText(label(1));
  await expect(live(page)).toHaveText(''); // nothing is announced on load
}

/** Tabs (forward or back, whichever way the target lies from the focus) until it has focus. */
async function reach(page: Page, target: Locator): Promise<void> {
  const back = await target.evaluate((el) => {
    const active = document.activeElement;
    return Boolean(active && active !== document.body && el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  await tabTo(page, target, { back });
}

/** Waits for the current step's animations to end, so axe and screenshots see the settled frame. */
async function settle(page: Page): Promise<void> {
  await diagram(page).evaluate(async (root) => {
    await Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
  });
}

/** Checks that step n is shown everywhere a reader meets it. */
async function expectStep(page: Page, n: number, { spoken = true } = {}): Promise<void> {
  await expect(indicator(page)).toHaveText(label(n));
  if (spoken) await expect(live(page)).toHaveText(announced(n));
  await expect(stepList(page).locator('[aria-current="step"]')).toHaveCount(1);
  await expect(stepButton(page, n)).toHaveAttribute('aria-current', 'step');
  await expect(art(page)).toHaveAccessibleName(`Synapse diagram. ${label(n)}`);
}

async function shoot(page: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await diagram(page).screenshot({ path, animations: 'disabled' });
  await info.attach(name, { path, contentType: 'image/png' });
}

type Seen = { transform: string[]; other: string[] };
/**
 * Starts recording the transitions and animations the diagram starts from now on (events, so a
 * short one that ended before the test looked, on a busy machine, is still seen).
 */
async function watchMotion(page: Page): Promise<void> {
  await diagram(page).evaluate((root) => {
    const r = root as HTMLElement & { __seen?: Seen; __watching?: boolean };
    r.__seen = { transform: [], other: [] };
    if (r.__watching) return;
    r.__watching = true;
    root.addEventListener('transitionrun', (e) => {
      const name = (e as TransitionEvent).propertyName;
      (['transform', 'translate', 'rotate', 'scale', 'offset-path', 'offset-distance'].includes(name) ? r.__seen!.transform : r.__seen!.other).push(name);
    });
    root.addEventListener('animationstart', (e) => r.__seen!.other.push((e as AnimationEvent).animationName));
  });
}

/** Which animations ran since watchMotion or run now: those that change transform, and the rest. */
async function animations(page: Page): Promise<{ transform: string[]; other: string[] }> {
  return diagram(page).evaluate((root) => {
    const moving = ['transform', 'translate', 'rotate', 'scale', 'offsetPath', 'offsetDistance'];
    const seen = (root as HTMLElement & { __seen?: Seen }).__seen ?? { transform: [], other: [] };
    const transform: string[] = [...seen.transform];
    const other: string[] = [...seen.other];
    for (const a of root.getAnimations({ subtree: true })) {
      const name = (a as CSSAnimation).animationName ?? (a as CSSTransition).transitionProperty ?? a.id;
      const keyframes = (a.effect as KeyframeEffect).getKeyframes();
      const moves = keyframes.some((k) => moving.some((p) => p in k && k[p] !== 'none' && k[p] !== ''));
      (moves ? transform : other).push(name);
    }
    return { transform, other };
  });
}

for (const path of LESSONS) {
  test(`keyboard: Next through all ${STEP_COUNT} steps, Previous, Restart and the step list (${path})`, async ({ page }, info) => {
    const watch = watchPage(page, info);
    await openByKeyboard(page, path);
    // The step list shows the same captions as the source, in order.
    await expect(stepList(page).getByRole('button')).toHaveText(
      captions.map((c, i) => new RegExp(`^\\s*${i + 1}\\.\\s*${escape(c)}`)),
    );
    await expectStep(page, 1, { spoken: false });

    const next = control(page, 'Next');
    const previous = control(page, 'Previous');
    await expect(previous).toHaveAttribute('aria-disabled', 'true');
    await reach(page, next);
    for (let n = 2; n <= STEP_COUNT; n++) {
      await page.keyboard.press(n % 2 ? 'Space' : 'Enter'); // both ways to press a button
      await expectStep(page, n);
      await expect(next).toBeFocused();
    }
    // At the last step Next stays focusable but does nothing; Play offers to start again.
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('Enter');
    await expectStep(page, STEP_COUNT);
    await expect(control(page, 'Play from start')).toBeVisible();

    await reach(page, previous);
    await page.keyboard.press('Enter');
    await expectStep(page, STEP_COUNT - 1);
    await page.keyboard.press('Space');
    await expectStep(page, STEP_COUNT - 2);

    const restart = control(page, 'Restart');
    await reach(page, restart);
    await page.keyboard.press('Enter');
    await expectStep(page, 1);
    await expect(previous).toHaveAttribute('aria-disabled', 'true');
    await expect(restart).toBeFocused();

    // Jump with the step list: forward to 6, then back to 4.
    await reach(page, stepButton(page, 6));
    await page.keyboard.press('Enter');
    await expectStep(page, 6);
    await expect(stepButton(page, 6)).toBeFocused();
    await reach(page, stepButton(page, 4));
    await page.keyboard.press('Space');
    await expectStep(page, 4);
    // Previous from a jumped-to step goes one back.
    await reach(page, previous);
    await page.keyboard.press('Enter');
    await expectStep(page, 3);
    watch.assertClean();
  });
}

test('keyboard: the "without / with ketamine" comparison on steps 2 and 3 only', async ({ page }, info) => {
  const watch = watchPage(page, info);
  expect(COMPARE_STEPS).toEqual([2, 3]);
  await openByKeyboard(page);
  await expect(compare(page)).toHaveCount(0); // step 1 has no comparison
  const next = control(page, 'Next');
  for (const n of COMPARE_STEPS) {
    const step = SYNAPSE_STEPS[n - 1]!;
    await reach(page, next);
    await page.keyboard.press('Enter');
    await expectStep(page, n);
    // The step's own view is chosen first (step 2 without ketamine, step 3 with it).
    const first = step.ketamine;
    await expect(radio(page, first)).toBeChecked();
    await expect(radio(page, !first)).not.toBeChecked();
    // Tab reaches the checked radio; an arrow key chooses the other view, as in any radio group.
    await reach(page, radio(page, first));
    for (const ketamine of [!first, first]) {
      await page.keyboard.press(ketamine === first ? 'ArrowLeft' : 'ArrowRight');
      await expect(radio(page, ketamine)).toBeChecked();
      await expect(radio(page, ketamine)).toBeFocused();
      await expect(live(page)).toHaveText(ketamine ? 'Showing: with ketamine.' : 'Showing: without ketamine.');
      const shown = ketamine ? step.compare!.with : step.compare!.without;
      const hidden = ketamine ? step.compare!.without : step.compare!.with;
      await expect(art(page)).toHaveAccessibleDescription(new RegExp(`${escape(shown.plain)}$`));
      await expect(diagram(page).getByText(shown.clinical, { exact: true })).toBeVisible();
      await expect(diagram(page).getByText(hidden.clinical, { exact: true })).toHaveCount(0);
      // The drawing changes too: ketamine is in the channel only in the "with" view.
      await expect(art(page).locator('[data-actor="ketamine"][data-where="pore"]')).toHaveCount(ketamine ? 1 : 0);
      await expect(indicator(page)).toHaveText(label(n)); // still the same step
    }
  }
  await reach(page, next);
  await page.keyboard.press('Enter');
  await expectStep(page, 4);
  await expect(compare(page)).toHaveCount(0);
  watch.assertClean();
});

const MODES = [
  { name: 'motion on', media: 'no-preference', useSwitch: false, motion: 'full' },
  { name: 'prefers-reduced-motion', media: 'reduce', useSwitch: false, motion: 'reduced' },
  { name: 'Reduce motion switch', media: 'no-preference', useSwitch: true, motion: 'reduced' },
] as const;

for (const theme of THEMES) {
  for (const mode of MODES) {
    test(`axe at every step and in both comparison views (${theme}, ${mode.name})`, async ({ page }, info) => {
      test.setTimeout(420_000); // 11 axe passes and 10 screenshots
      const watch = watchPage(page, info);
      const shots = mode.name === 'motion on';
      await setTheme(page, theme);
      await page.emulateMedia({ reducedMotion: mode.media });
      await openByKeyboard(page);
      // The switch shows the system setting until the reader changes it.
      if (mode.media === 'reduce') await expect(motionSwitch(page)).toBeChecked();
      else await expect(motionSwitch(page)).not.toBeChecked();
      if (mode.useSwitch) {
        await reach(page, motionSwitch(page));
        await page.keyboard.press('Space');
        await expect(motionSwitch(page)).toBeChecked();
        expect(await page.evaluate(() => localStorage.getItem('ketamine-course:motion'))).toBe('reduce');
      }
      await expectNoAxeViolations(page, `(step 1, ${theme}, ${mode.name})`);
      if (shots) await shoot(page, info, `step-1-${theme}`);
      const next = control(page, 'Next');
      for (let n = 2; n <= STEP_COUNT; n++) {
        await reach(page, next);
        await page.keyboard.press('Enter');
        await expectStep(page, n);
        await expect(art(page)).toHaveAttribute('data-motion', mode.motion);
        await settle(page);
        await expectNoAxeViolations(page, `(step ${n}, ${theme}, ${mode.name})`);
        if (shots) await shoot(page, info, `step-${n}-${theme}`);
        if (COMPARE_STEPS.includes(n)) {
          const first = SYNAPSE_STEPS[n - 1]!.ketamine;
          await reach(page, radio(page, first));
          await page.keyboard.press(first ? 'ArrowLeft' : 'ArrowRight');
          await expect(radio(page, !first)).toBeChecked();
          await settle(page);
          await expectNoAxeViolations(page, `(step ${n} ${first ? 'without' : 'with'} ketamine, ${theme}, ${mode.name})`);
          if (shots) await shoot(page, info, `step-${n}-${first ? 'without' : 'with'}-ketamine-${theme}`);
        }
      }
      watch.assertClean();
    });
  }
}

test('no autoplay; Play advances, Pause stops, hiding the page pauses', async ({ page }, info) => {
  const watch = watchPage(page, info);
  // A controllable clock: 8 s per step is long to wait for, and fake time makes "nothing
  // happened for 30 s" quick to check. It flows normally between the explicit jumps.
  await page.clock.install();
  await openByKeyboard(page);
  const play = control(page, /^(Play|Pause|Play from start)$/);
  await page.clock.runFor(30_000);
  await expectStep(page, 1, { spoken: false });
  await expect(live(page)).toHaveText('');
  await expect(play).toHaveText(/^\s*Play\s*$/);

  await page.keyboard.press('Enter'); // Play (focused since openByKeyboard)
  await expect(play).toHaveText(/Pause/);
  await expect(play).toBeFocused();
  await expectStep(page, 1, { spoken: false }); // Play does not jump at once
  await page.clock.runFor(8_000);
  await expectStep(page, 2);
  await page.clock.runFor(8_000);
  await expectStep(page, 3);

  await page.keyboard.press('Enter'); // Pause
  await expect(play).toHaveText(/^\s*Play\s*$/);
  await expect(live(page)).toHaveText('Paused at step 3 of 8.'); // the button's new name is not re-read
  await page.clock.runFor(40_000);
  await expectStep(page, 3, { spoken: false });

  await page.keyboard.press('Space'); // Play again
  await page.clock.runFor(8_000);
  await expectStep(page, 4);

  // The page goes to the background: playback pauses, and stays paused when it comes back.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(play).toHaveText(/^\s*Play\s*$/);
  await page.clock.runFor(40_000);
  await expectStep(page, 4);
  await page.evaluate(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(await page.evaluate(() => document.visibilityState)).toBe('visible');
  await page.clock.runFor(40_000);
  await expectStep(page, 4);

  // Played to the end it stops at the last step, and then offers to start again.
  await page.keyboard.press('Enter');
  for (let n = 5; n <= STEP_COUNT; n++) {
    await page.clock.runFor(8_000);
    await expectStep(page, n);
  }
  await expect(play).toHaveText(/Play from start/);
  await page.clock.runFor(40_000);
  await expectStep(page, STEP_COUNT);
  await page.keyboard.press('Enter');
  await expectStep(page, 1);
  await expect(play).toHaveText(/Pause/);
  await page.clock.runFor(8_000);
  await expectStep(page, 2);

  // Taking control with Next pauses playback.
  await reach(page, control(page, 'Next'));
  await page.keyboard.press('Enter');
  await expectStep(page, 3);
  await expect(play).toHaveText(/^\s*Play\s*$/);
  await page.clock.runFor(40_000);
  await expectStep(page, 3);
  watch.assertClean();
});

test('reduced motion: no transform animation runs at any step (and the same check sees them with motion on)', async ({ page }, info) => {
  test.setTimeout(300_000);
  const watch = watchPage(page, info);
  /** Steps through 2..8 (and the other comparison view on 2 and 3), recording the animations. */
  const record = async () => {
    const seen: { at: string; transform: string[]; other: string[] }[] = [];
    await reach(page, control(page, 'Restart'));
    await page.keyboard.press('Enter');
    for (let n = 2; n <= STEP_COUNT; n++) {
      await stepButton(page, n).focus();
      await watchMotion(page);
      await page.keyboard.press('Enter');
      await expectStep(page, n);
      seen.push({ at: `step ${n}`, ...(await animations(page)) });
      await settle(page);
      if (COMPARE_STEPS.includes(n)) {
        const first = SYNAPSE_STEPS[n - 1]!.ketamine;
        await radio(page, first).focus();
        await watchMotion(page);
        await page.keyboard.press(first ? 'ArrowLeft' : 'ArrowRight');
        await expect(radio(page, !first)).toBeChecked();
        seen.push({ at: `step ${n}, other view`, ...(await animations(page)) });
        await settle(page);
      }
    }
    return seen;
  };

  // Control: with motion on, the check finds the moving parts at every step.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await openByKeyboard(page);
  const full = await record();
  for (const s of full) expect(s.transform.length, `transform animations at ${s.at} with motion on`).toBeGreaterThan(0);

  // prefers-reduced-motion: cross-fades only.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openByKeyboard(page);
  await expect(motionSwitch(page)).toBeChecked();
  for (const s of await record()) {
    expect(s.transform, `transform animations at ${s.at} with prefers-reduced-motion`).toEqual([]);
    expect(s.other.length, `the cross-fade at ${s.at}`).toBeGreaterThan(0);
  }

  // The in-page switch, with the system asking for motion.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.evaluate(() => localStorage.removeItem('ketamine-course:motion'));
  await openByKeyboard(page);
  await expect(motionSwitch(page)).not.toBeChecked();
  await reach(page, motionSwitch(page));
  await page.keyboard.press('Space');
  await expect(motionSwitch(page)).toBeChecked();
  for (const s of await record()) {
    expect(s.transform, `transform animations at ${s.at} with the Reduce motion switch`).toEqual([]);
    expect(s.other.length, `the cross-fade at ${s.at}`).toBeGreaterThan(0);
  }
  // The switch is remembered on this device.
  await openByKeyboard(page);
  await expect(motionSwitch(page)).toBeChecked();
  await control(page, 'Next').focus();
  await watchMotion(page);
  await page.keyboard.press('Enter');
  await expectStep(page, 2);
  expect((await animations(page)).transform).toEqual([]);
  watch.assertClean();
});

test('print: all 8 still frames with their captions', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await openByKeyboard(page);
  const frames = diagram(page).locator('.frames > li');
  await expect(frames).toHaveCount(STEP_COUNT);
  await expect(frames.first()).toBeHidden(); // on screen the frames are not shown
  await page.emulateMedia({ media: 'print' });
  for (let n = 1; n <= STEP_COUNT; n++) {
    const frame = frames.nth(n - 1);
    await expect(frame.locator('svg')).toBeVisible();
    await expect(frame.locator('svg')).toHaveAccessibleName(label(n));
    await expect(frame.locator('figcaption strong')).toHaveText(label(n));
    await expect(frame.locator('figcaption strong')).toBeVisible();
    // The step's text (the reading depth shown on screen: clinical by default) is printed with it.
    const step = SYNAPSE_STEPS[n - 1]!;
    await expect(frame.getByText(step.clinical.text)).toBeVisible();
    // Steps 2 and 3 print both comparison views, and so list the sources of both.
    if (step.compare) {
      for (const view of [step.compare.without, step.compare.with]) await expect(frame.getByText(view.clinical)).toBeVisible();
    }
    const cited = new Set([...step.clinical.cites, ...(step.compare ? [...step.compare.without.cites, ...step.compare.with.cites] : [])]);
    const sources = frame.locator('.depth-clinical .sources');
    await expect(sources).toBeVisible();
    const hrefs = await sources.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.sort(), `sources printed with frame ${n}`).toEqual([...cited].map((id) => `/references/#ref-${id}`).sort());
    // A still frame: nothing animates in print.
    expect(await frame.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
    const box = await frame.locator('svg').boundingBox();
    expect(box!.width, `frame ${n} width`).toBeGreaterThan(100);
  }
  // The interactive parts are not printed.
  await expect(controls(page)).toBeHidden();
  await expect(diagram(page).locator('.stage')).toBeHidden();
  await expect(stepList(page)).toBeHidden();
  const path = info.outputPath('print.png');
  await diagram(page).screenshot({ path });
  await info.attach('print', { path, contentType: 'image/png' });
  watch.assertClean();
});

/**
 * axe in forced-colours mode, without its colour-contrast rule: there axe compares the page's own
 * -webkit-text-fill-color, which Chromium leaves unforced, with the forced background, and reports
 * contrast the reader never sees (dequelabs/axe-core#3978, axe-core-npm#1067: e.g. "#0b1020 on
 * #000000" for buttons drawn white on black). The system palette sets contrast in this mode; the
 * test checks instead that the diagram draws with the system colours. Every other rule runs.
 */
async function expectNoAxeViolationsForcedColours(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).disableRules(['color-contrast']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(summary, `axe violations ${context}`).toEqual([]);
}

for (const theme of THEMES) {
  test(`forced colours (${theme}): axe at every step, the drawing and its labels in system colours`, async ({ page }, info) => {
    test.setTimeout(300_000);
    const watch = watchPage(page, info);
    await setTheme(page, theme);
    await page.emulateMedia({ forcedColors: 'active' });
    await openByKeyboard(page);
    const system = await page.evaluate(() => {
      const probe = document.createElement('div');
      document.body.append(probe);
      const colour = (value: string) => {
        probe.style.color = value;
        return getComputedStyle(probe).color;
      };
      const colours = { text: colour('CanvasText'), canvas: colour('Canvas'), button: colour('ButtonText'), highlight: colour('Highlight') };
      probe.remove();
      return colours;
    });
    expect(system.text).not.toBe(system.canvas);
    for (let n = 1; n <= STEP_COUNT; n++) {
      if (n > 1) {
        await reach(page, control(page, 'Next'));
        await page.keyboard.press('Enter');
        await expectStep(page, n);
      }
      await settle(page);
      await expect(art(page)).toBeVisible();
      const drawing = await art(page).evaluate((svg) => {
        const texts = [...svg.querySelectorAll('text')];
        const shapes = [...svg.querySelectorAll('.cell, .rec, .vesicle, .plate')];
        return {
          labels: texts.filter((t) => t.getBBox().width > 0).map((t) => t.textContent!.trim()).filter(Boolean),
          labelFills: [...new Set(texts.map((t) => getComputedStyle(t).fill))],
          strokes: [...new Set(shapes.map((s) => getComputedStyle(s).stroke))],
          fills: [...new Set(shapes.map((s) => getComputedStyle(s).fill))],
        };
      });
      expect(drawing.labels.length, `drawn labels at step ${n}`).toBeGreaterThanOrEqual(3);
      if (n === 1) expect(drawing.labels).toEqual(expect.arrayContaining(['AMPA', 'NMDA', 'Mg²⁺ plug', 'Nerve ending']));
      expect(drawing.labelFills, `label colour at step ${n}`).toEqual([system.text]);
      expect(drawing.strokes, `outline colour at step ${n}`).toEqual([system.text]);
      expect(drawing.fills, `shape fill at step ${n}`).toEqual([system.canvas]);
      // Readable in system colours: apart, inside the picture, ≥ 14 px, ≥ 4.5:1 (labels), ≥ 3:1 (actors).
      expectStandards(await inspectArt(art(page)), `step ${n} in forced colours`, 14);
      // The HTML around it follows the system palette too.
      await expect(control(page, 'Next')).toHaveCSS('color', system.button);
      await expect(indicator(page)).toHaveCSS('color', system.text);
      await expectNoAxeViolationsForcedColours(page, `(forced colours, ${theme}, step ${n})`);
      if (n === 1 || n === 3) await shoot(page, info, `forced-colours-${theme}-step-${n}`);
    }
    watch.assertClean();
  });
}

test.describe('at 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 720 } });
  for (const path of LESSONS) {
    test(`no horizontal scrolling at any step (${path})`, async ({ page }, info) => {
      const watch = watchPage(page, info);
      await openByKeyboard(page, path);
      const overflow = () =>
        page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          window.scrollTo(50, window.scrollY);
          const scrolled = window.scrollX;
          window.scrollTo(0, window.scrollY);
          const root = document.querySelector('[data-deck-stepper]')!;
          // The drawing's world is larger than the picture and clipped by it: its parts are not
          // checked one by one here (the label test checks every label lies inside the picture).
          const outside = [...root.querySelectorAll('*')]
            .filter((el) => !(el instanceof SVGElement && el.ownerSVGElement))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 1 && r.height > 1 && (r.right > width + 0.5 || r.left < -0.5);
            })
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`);
          return { width, scrollWidth: document.documentElement.scrollWidth, scrolled, outside };
        });
      for (let n = 1; n <= STEP_COUNT; n++) {
        if (n > 1) {
          await reach(page, stepButton(page, n));
          await page.keyboard.press('Enter');
          await expectStep(page, n);
        }
        await settle(page);
        const o = await overflow();
        expect(o.width).toBe(320);
        expect(o.scrollWidth, `page width at step ${n}`).toBeLessThanOrEqual(o.width);
        expect(o.scrolled, `horizontal scroll at step ${n}`).toBe(0);
        expect(o.outside, `diagram parts outside the viewport at step ${n}`).toEqual([]);
      }
      // The whole page, islands hydrated (scrolling the quiz into view hydrates it too).
      await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
      await waitForIslands(page);
      expect((await overflow()).scrollWidth).toBeLessThanOrEqual(320);
      watch.assertClean();
    });
  }
});

// ── The drawing's measurable standards (issue 14) ─────────────────────────────────────────────

interface ArtReport {
  layout: string;
  labels: { text: string; px: number; box: { x: number; y: number; w: number; h: number } }[];
  overlaps: string[];
  /** Pairs of labels whose plates touch (their text may still be apart). */
  plateOverlaps: string[];
  /** Labels whose text or plate reaches past the picture's edge. */
  outside: string[];
  textContrast: { text: string; ratio: number }[];
  actorContrast: { actor: string; ratio: number }[];
  sameActors: boolean;
  mgInNmda: boolean;
  ketamineInNmda: boolean;
  nmdaOpen: boolean;
  cleftGlutamate: number;
  spinesInView: number;
}

/**
 * Reads the picture as drawn: each label's rendered box and size (its box on screen against the
 * same words at 100 CSS px), overlaps and labels outside the picture; the contrast of every label
 * against the element painted behind it, and of every visible actor (its fill or its outline,
 * whichever stands out) against what lies behind its centre; and the scene's state by geometry.
 * On the first call for a picture it remembers the named actors' elements; later calls check
 * that they are still the same elements (one scene, not a redraw per step).
 */
async function inspectArt(svg: Locator): Promise<ArtReport> {
  return svg.evaluate((el) => {
    const root = el as SVGSVGElement & { __actors?: Element[] };
    const sr = root.getBoundingClientRect();
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r = 0, g = 0, b = 0, a = 1] = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    type RGB = NonNullable<ReturnType<typeof parse>>;
    const lum = ({ r, g, b }: RGB) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: RGB, b: RGB) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
      return Math.round(((x + 0.05) / (y + 0.05)) * 100) / 100;
    };
    const opaque = (e: Element) => {
      for (let n: Element | null = e; n && n !== root; n = n.parentElement) if (Number(getComputedStyle(n).opacity) < 0.999) return false;
      return true;
    };
    const background = parse(getComputedStyle(root).backgroundColor)!;
    /** The colour painted behind `e` at (x, y): the first opaque filled shape under it, or the picture's background. */
    const behind = (e: Element, x: number, y: number): RGB => {
      for (const under of document.elementsFromPoint(x, y)) {
        if (under === root) return background;
        if (under === e || e.contains(under) || under.contains(e) || !root.contains(under)) continue;
        // SVG paints in document order: what comes later lies on top of `e`, not behind it.
        if (e.compareDocumentPosition(under) & Node.DOCUMENT_POSITION_FOLLOWING) continue;
        const cs = getComputedStyle(under);
        const fill = parse(cs.fill);
        if (cs.fill !== 'none' && fill && fill.a === 1 && opaque(under)) return fill;
      }
      return background;
    };
    const centre = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2] as const;
    const inView = (r: DOMRect) => r.right > sr.left && r.left < sr.right && r.bottom > sr.top && r.top < sr.bottom;

    const texts = [...root.querySelectorAll('text')].filter((t) => opaque(t));
    // Rendered size, not the font-size attribute: each line's box on screen (getBoundingClientRect)
    // against the box of the same words in the same font at 100 CSS px in an unscaled SVG. Any
    // scaling between the two (viewBox, camera, CSS transforms, preserveAspectRatio) shows; the
    // smaller of the height and width ratios counts, so a squeezed label shows too.
    const SVGNS = 'http://www.w3.org/2000/svg';
    const probe = document.createElementNS(SVGNS, 'svg');
    probe.setAttribute('width', '4000');
    probe.setAttribute('height', '200');
    probe.setAttribute('aria-hidden', 'true');
    document.body.append(probe);
    const renderedPx = (line: SVGGraphicsElement, t: SVGTextElement) => {
      const cs = getComputedStyle(t);
      const ref = document.createElementNS(SVGNS, 'text');
      ref.setAttribute('x', '0');
      ref.setAttribute('y', '150');
      ref.setAttribute('font-size', '100');
      ref.setAttribute('font-family', cs.fontFamily);
      ref.setAttribute('font-weight', cs.fontWeight);
      ref.textContent = line.textContent;
      probe.append(ref);
      const a = line.getBoundingClientRect();
      const b = ref.getBoundingClientRect();
      ref.remove();
      return Math.round(Math.min((a.height / b.height) * 100, (a.width / b.width) * 100) * 10) / 10;
    };
    const labels = texts.map((t) => {
      const r = t.getBoundingClientRect();
      const lines: SVGGraphicsElement[] = t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')] : [t];
      return {
        text: [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ') || t.textContent || '',
        px: Math.min(...lines.map((line) => renderedPx(line, t))),
        box: { x: r.left - sr.left, y: r.top - sr.top, w: r.width, h: r.height },
      };
    });
    probe.remove();
    // The plate each label sits on (what a reader sees as the label's box).
    const plates = texts.map((t) => {
      const r = (t.closest('[data-label]')?.querySelector('.plate') ?? t).getBoundingClientRect();
      return { x: r.left - sr.left, y: r.top - sr.top, w: r.width, h: r.height };
    });
    const plateOverlaps: string[] = [];
    plates.forEach((A, i) =>
      plates.slice(i + 1).forEach((B, j) => {
        if (A.x < B.x + B.w && B.x < A.x + A.w && A.y < B.y + B.h && B.y < A.y + A.h) plateOverlaps.push(`${labels[i]!.text} × ${labels[i + 1 + j]!.text}`);
      }),
    );
    const overlaps: string[] = [];
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => {
        const A = a.box;
        const B = b.box;
        if (A.x < B.x + B.w && B.x < A.x + A.w && A.y < B.y + B.h && B.y < A.y + A.h) overlaps.push(`${a.text} × ${b.text}`);
      }),
    );
    const out = (b: { x: number; y: number; w: number; h: number }) => b.x < -0.5 || b.y < -0.5 || b.x + b.w > sr.width + 0.5 || b.y + b.h > sr.height + 0.5;
    const outside = labels.filter((l, i) => out(l.box) || out(plates[i]!)).map((l) => l.text);
    const textContrast = texts.map((t, i) => {
      const [x, y] = centre(t.getBoundingClientRect());
      return { text: labels[i]!.text, ratio: ratio(parse(getComputedStyle(t).fill)!, behind(t, x, y)) };
    });
    const actors = [...root.querySelectorAll(':is(rect, path, circle)[data-actor], [data-actor] > :is(rect, path, circle)')].filter(
      (a) => opaque(a) && inView(a.getBoundingClientRect()),
    );
    const actorContrast = actors.map((a) => {
      const cs = getComputedStyle(a);
      const [x, y] = centre(a.getBoundingClientRect());
      const under = behind(a, x, y);
      const best = Math.max(...[cs.fill, cs.stroke].map(parse).filter((c): c is RGB => Boolean(c && c.a === 1)).map((c) => ratio(c, under)));
      return { actor: (a.getAttribute('data-actor') ?? a.parentElement!.getAttribute('data-actor')) as string, ratio: best };
    });

    const one = (name: string) => root.querySelector(`[data-actor="${name}"]`)!;
    const named = ['terminal', 'nmda', 'ampa', 'dendrite', 'mg', 'ketamine'].map(one);
    root.__actors ??= named;
    const sameActors = root.__actors.every((a, i) => a.isConnected && a === named[i]);
    const within = (inner: Element, outer: Element) => {
      const [x, y] = centre(inner.getBoundingClientRect());
      const o = outer.getBoundingClientRect();
      return x >= o.left && x <= o.right && y >= o.top && y <= o.bottom;
    };
    const terminal = one('terminal').getBoundingClientRect();
    const spineTop = root.querySelector('[data-actor="spine"][data-main]')!.getBoundingClientRect().top;
    const cleftGlutamate = [...root.querySelectorAll('[data-actor="glutamate"]')].filter((g) => {
      const [, y] = centre(g.getBoundingClientRect());
      return opaque(g) && y > terminal.bottom && y < spineTop;
    }).length;
    const spinesInView = [...root.querySelectorAll('[data-actor="spine"]')].filter((sp) => opaque(sp) && inView(sp.getBoundingClientRect())).length;
    return {
      layout: root.dataset.layout ?? '',
      labels,
      overlaps,
      plateOverlaps,
      outside,
      textContrast,
      actorContrast,
      sameActors,
      mgInNmda: opaque(one('mg')) && within(one('mg'), one('nmda')),
      ketamineInNmda: opaque(one('ketamine')) && within(one('ketamine'), one('nmda')),
      nmdaOpen: one('nmda').getAttribute('data-state') === 'open',
      cleftGlutamate,
      spinesInView,
    };
  });
}

/** Checks one settled step of the picture against the standards; returns the report. */
function expectStandards(r: ArtReport, at: string, minPx: number | null): void {
  expect(r.labels.length, `labels at ${at}`).toBeGreaterThanOrEqual(3);
  expect(r.overlaps, `overlapping labels at ${at}`).toEqual([]);
  expect(r.plateOverlaps, `overlapping label plates at ${at}`).toEqual([]);
  expect(r.outside, `labels outside the picture at ${at}`).toEqual([]);
  if (minPx !== null) for (const l of r.labels) expect(l.px, `size of "${l.text}" at ${at}`).toBeGreaterThanOrEqual(minPx);
  for (const t of r.textContrast) expect(t.ratio, `contrast of "${t.text}" at ${at}`).toBeGreaterThanOrEqual(4.5);
  for (const a of r.actorContrast) expect(a.ratio, `contrast of ${a.actor} at ${at}`).toBeGreaterThanOrEqual(3);
  expect(r.sameActors, `the named actors are the same elements at ${at}`).toBe(true);
}

/** The narration's claims, read from the picture (geometry and visibility, not only attributes). */
function expectContinuity(reports: ArtReport[], where: string): void {
  const [s1, s2, s3, , s5, , s7] = reports as [ArtReport, ArtReport, ArtReport, ArtReport, ArtReport, ArtReport, ArtReport];
  expect(s1.mgInNmda, `${where}: step 1, Mg²⁺ plugs the NMDA channel`).toBe(true);
  expect(s1.ketamineInNmda, `${where}: step 1 has no ketamine in the channel`).toBe(false);
  expect(s2.mgInNmda, `${where}: step 2, Mg²⁺ has left`).toBe(false);
  expect(s3.ketamineInNmda && s3.nmdaOpen, `${where}: step 3, ketamine inside an open channel`).toBe(true);
  expect(s5.cleftGlutamate, `${where}: step 5 has more glutamate in the cleft than step 2`).toBeGreaterThan(s2.cleftGlutamate);
  expect(s7.spinesInView, `${where}: step 7 shows more spines than step 1`).toBeGreaterThan(s1.spinesInView);
}

const summary = (reports: ArtReport[]) => ({
  smallestLabelPx: Math.min(...reports.flatMap((r) => r.labels.map((l) => l.px))),
  textContrastMin: Math.min(...reports.flatMap((r) => r.textContrast.map((t) => t.ratio))),
  actorContrastMin: Math.min(...reports.flatMap((r) => r.actorContrast.map((a) => a.ratio))),
});

for (const theme of THEMES) {
  test(`the drawing at 390×844 in a lesson (${theme}): labels apart, inside, ≥ 14 px, contrast, one continuous scene`, async ({ page }, info) => {
    test.setTimeout(240_000);
    const watch = watchPage(page, info);
    await page.setViewportSize({ width: 390, height: 844 });
    await setTheme(page, theme);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openByKeyboard(page);
    await expect(art(page)).toHaveAttribute('data-layout', 'tall');
    const reports: ArtReport[] = [];
    for (let n = 1; n <= STEP_COUNT; n++) {
      if (n > 1) await stepButton(page, n).click();
      await expectStep(page, n, { spoken: n > 1 });
      await settle(page);
      const r = await inspectArt(art(page));
      expectStandards(r, `step ${n}`, 14);
      reports.push(r);
    }
    expectContinuity(reports, `390 px, ${theme}`);
    // The key beside the picture: every glyph stands out from the page (≥ 3:1).
    const glyphs = await diagram(page).locator('.legend svg').evaluateAll((svgs) =>
      svgs.map((g) => [getComputedStyle(g).fill, getComputedStyle(g.closest('.synapse')!).backgroundColor]),
    );
    expect(glyphs.length).toBe(8);
    for (const [fill, bg] of glyphs) expect(contrast(fill!, bg!), `legend glyph ${fill} on ${bg}`).toBeGreaterThanOrEqual(3);
    await info.attach('measured', { body: JSON.stringify(summary(reports)), contentType: 'application/json' });
    watch.assertClean();
  });
}

/** WCAG contrast of two computed rgb() colours (for the HTML legend). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c.match(/[\d.]+/g)!.map(Number) as [number, number, number];
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  for (const theme of THEMES) {
    test(`the drawing in the slide view at ${width}×${height} (${theme}): labels apart, inside, ≥ 20 px, contrast`, async ({ page }, info) => {
      test.setTimeout(240_000);
      const watch = watchPage(page, info);
      await page.setViewportSize({ width, height });
      await setTheme(page, theme);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      // As a trainer gets there: "I'm presenting this", the course path's "Slides" link, then the clicker's next key
      // until the slide with the diagram is on screen.
      await page.goto('/');
      await page.getByRole('button', { name: "I'm presenting this" }).click(); // presenters get the slide links
      // The lesson's module: open it unless the path opened it already (the learner's current module
      // opens by itself, and clicking an open summary would close it).
      await expect(page.locator('html')).toHaveAttribute('data-audience', 'presenter');
      await expect(page.locator('[data-module-progress] .pending')).toHaveCount(0); // the path's script has chosen
      const medicine = page.locator('details', { has: page.locator('summary', { hasText: 'Module 2: The medicine' }) });
      if ((await medicine.getAttribute('open')) === null) await medicine.locator('summary').click();
      await page.getByRole('link', { name: 'Slides for How ketamine works' }).click();
      await expect(page).toHaveURL(new RegExp(`${escape(LESSON)}slides/`));
      await waitForIslands(page);
      const slide = page.locator('[data-slide][data-current]').filter({ has: page.locator('[data-deck-stepper]') });
      for (let i = 0; i < 40 && !(await slide.count()); i++) {
        await page.locator('[data-deck]').evaluate((deck) => (deck as HTMLElement).focus());
        await page.keyboard.press('ArrowRight');
        await page.waitForTimeout(50);
      }
      await expect(slide).toHaveCount(1);
      await waitForIslands(page);
      const stepper = slide.locator('[data-deck-stepper]');
      await expect(stepper).toHaveAttribute('data-step', '1');
      const picture = stepper.locator('.stage svg:visible');
      await expect(picture).toHaveAttribute('data-layout', 'wide');
      // No web controls on the slide face: the clicker steps the diagram (issue #15).
      await expect(stepper.locator('.controls')).toBeHidden();
      const reports: ArtReport[] = [];
      for (let n = 1; n <= STEP_COUNT; n++) {
        if (n > 1) {
          await page.locator('[data-deck]').evaluate((deck) => (deck as HTMLElement).focus());
          await page.keyboard.press('ArrowRight'); // the presenter's next: the deck steps the diagram
          await expect(stepper).toHaveAttribute('data-step', String(n));
        }
        await settle(page);
        const r = await inspectArt(picture);
        expectStandards(r, `step ${n}`, 20);
        reports.push(r);
        // axe over the diagram as projected (its contrast rule sees the HTML around the picture).
        if (width === 1280) {
          const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).include('[data-slide][data-current] [data-deck-stepper]').analyze();
          expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`), `axe at step ${n}`).toEqual([]);
        }
      }
      expectContinuity(reports, `${width}×${height}, ${theme}`);
      await info.attach('measured', { body: JSON.stringify(summary(reports)), contentType: 'application/json' });
      watch.assertClean();
    });
  }
}

test('200 % zoom (1280×720 at 200 %, a 640 px wide window): every label readable, apart and inside', async ({ page }, info) => {
  test.setTimeout(180_000);
  const watch = watchPage(page, info);
  await page.setViewportSize({ width: 640, height: 360 });
  await openByKeyboard(page);
  for (let n = 1; n <= STEP_COUNT; n++) {
    if (n > 1) await stepButton(page, n).click();
    await expectStep(page, n, { spoken: n > 1 });
    await settle(page);
    expectStandards(await inspectArt(art(page)), `step ${n} at 200 %`, 14);
  }
  watch.assertClean();
});

test('control: the drawing checks catch a shrunk, overlapping, outside or faint label and a faint actor', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openByKeyboard(page);
  await settle(page);
  const clean = await inspectArt(art(page));
  expectStandards(clean, 'step 1 as built', 14);
  const smallest = Math.min(...clean.labels.map((l) => l.px));
  type Undoable = SVGSVGElement & { __undo?: () => void };
  /** Breaks the picture with `spoil` (in the page; it leaves an `__undo` on the SVG), measures it, then puts it back. */
  const spoiled = async (spoil: (svg: Undoable) => void) => {
    await art(page).evaluate(spoil as (svg: Element) => void);
    const report = await inspectArt(art(page));
    await art(page).evaluate((svg) => (svg as Undoable).__undo!());
    return report;
  };
  // The labels drawn at 60 %: the rendered size drops with them (the font-size attribute does not).
  // Spoiled and measured again until it shows: on a loaded CI machine one measurement once saw the
  // unspoiled size (the island was still settling), so each try breaks, measures and repairs anew.
  const shrink = (svg: Undoable) => {
    const layer = svg.querySelector('.labels')!;
    layer.setAttribute('transform', 'scale(0.6)');
    svg.__undo = () => layer.removeAttribute('transform');
  };
  await expect
    .poll(async () => Math.min(...(await spoiled(shrink)).labels.map((l) => l.px)), { timeout: 10_000 })
    .toBeCloseTo(smallest * 0.6, 0);
  const shrunk = await spoiled(shrink);
  expect(Math.min(...shrunk.labels.map((l) => l.px))).toBeLessThan(14);
  // The second label moved onto the first.
  const stacked = await spoiled((svg) => {
    const [a, b] = [...svg.querySelectorAll<SVGGElement>('.label')];
    const [p, q] = [a!.querySelector('text')!.getBBox(), b!.querySelector('text')!.getBBox()];
    b!.setAttribute('transform', `translate(${p.x - q.x} ${p.y - q.y})`);
    svg.__undo = () => b!.removeAttribute('transform');
  });
  expect(stacked.overlaps.length).toBeGreaterThan(0);
  // A label pushed past the picture's right edge.
  const pushed = await spoiled((svg) => {
    const label = svg.querySelector<SVGGElement>('.label')!;
    label.setAttribute('transform', `translate(${svg.viewBox.baseVal.width} 0)`);
    svg.__undo = () => label.removeAttribute('transform');
  });
  expect(pushed.outside.length).toBeGreaterThan(0);
  // A label in light grey on its white plate, and the NMDA receptor in the colour of the spine.
  const faint = await spoiled((svg) => {
    const text = svg.querySelector<SVGTextElement>('.label text')!;
    text.style.setProperty('fill', 'rgb(190, 190, 190)');
    const spine = getComputedStyle(svg.querySelector('[data-actor="spine"][data-main]')!).fill;
    const subunits = [...svg.querySelectorAll<SVGElement>('[data-actor="nmda"] rect')];
    for (const r of subunits) {
      r.style.setProperty('fill', spine);
      r.style.setProperty('stroke', spine);
    }
    svg.__undo = () =>
      [text, ...subunits].forEach((e) => {
        e.style.removeProperty('fill');
        e.style.removeProperty('stroke');
      });
  });
  expect(Math.min(...faint.textContrast.map((t) => t.ratio))).toBeLessThan(4.5);
  expect(Math.min(...faint.actorContrast.filter((a) => a.actor === 'nmda').map((a) => a.ratio))).toBeLessThan(3);
  // Put back, the picture passes again.
  expectStandards(await inspectArt(art(page)), 'step 1 put back', 14);
  watch.assertClean();
});

test('at 320 px wide every label stays apart and inside the picture', async ({ page }, info) => {
  test.setTimeout(180_000);
  const watch = watchPage(page, info);
  await page.setViewportSize({ width: 320, height: 720 });
  await openByKeyboard(page);
  for (let n = 1; n <= STEP_COUNT; n++) {
    if (n > 1) await stepButton(page, n).click();
    await expectStep(page, n, { spoken: n > 1 });
    await settle(page);
    const r = await inspectArt(art(page));
    expect(r.overlaps, `step ${n}`).toEqual([]);
    expect(r.plateOverlaps, `step ${n}`).toEqual([]);
    expect(r.outside, `step ${n}`).toEqual([]);
    for (const l of r.labels) expect(l.px, `"${l.text}" at step ${n}`).toBeGreaterThanOrEqual(12);
  }
  watch.assertClean();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the still frame and all steps as text; no Play, Next or step buttons that could not work', async ({ page }) => {
    await page.goto(LESSON);
    await expect(diagram(page)).toHaveCount(1);
    await expect(art(page)).toBeVisible();
    await expect(art(page)).toHaveAccessibleName(`Synapse diagram. ${label(1)}`);
    await expect(diagram(page).getByRole('button')).toHaveCount(0);
    await expect(diagram(page).getByRole('switch')).toHaveCount(0);
    await expect(diagram(page).getByRole('radio')).toHaveCount(0);
    // Chromium with scripting disabled still parses <noscript> as text: its words are read from it.
    const text = await diagram(page).locator('noscript').textContent();
    expect(text).toContain('The controls need JavaScript.');
    for (const step of SYNAPSE_STEPS) expect(text).toContain(`${step.caption}.`);
    await expect(diagram(page).locator('.legend li')).toHaveCount(8);
  });
});
