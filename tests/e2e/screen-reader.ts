// A virtual screen reader inside the real Chromium, and spoken transcripts kept as reviewed files.
//
// @guidepup/virtual-screen-reader builds its accessibility tree from the live DOM and the browser's
// computed styles, so CSS-hidden parts (other slides, print-only text, `hidden`, `inert`) are left
// out exactly as Chromium leaves them out; jsdom could not do that. The package ships an ES module
// browser build; esbuild (already installed with Astro/Vite) wraps it once per worker, in memory,
// into a classic script that defines `window.__VirtualScreenReader`, injected with addInitScript.
//
// The site's CSP allows only its own scripts, so a spec using this sets `bypassCSP: true`
// (test.use); the CSP itself is tested with bypass off in csp.spec.ts.
//
// A journey is a list of steps; each step records what the reader said during it:
//   > step label (written by the test)
//   spoken phrase, one a line ("polite: …" / "assertive: …" for live-region announcements)
// The transcript is compared exactly with tests/transcripts/<name>.txt. UPDATE_TRANSCRIPTS=1 writes
// the file instead (then read the diff as a reviewer before committing it).
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

let bundle: Promise<string> | undefined;

/** The reader's browser build as one classic script (built once per worker). */
export function screenReaderScript(): Promise<string> {
  bundle ??= build({
    stdin: {
      contents:
        "import { Virtual } from '@guidepup/virtual-screen-reader/browser.js';\n" +
        'globalThis.__VirtualScreenReader = Virtual;\n',
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

/** Adds the reader to every document the page opens (before the page's own scripts). */
export async function installScreenReader(page: Page): Promise<void> {
  await page.addInitScript({ content: await screenReaderScript() });
}

export const isLive = (phrase: string) => /^(polite|assertive): /.test(phrase);

type Command = 'moveToNextHeading' | 'moveToPreviousHeading' | 'moveToNextLandmark' | 'moveToNextForm';

/** One reader running over one container of the page. */
export class ScreenReader {
  private read = 0;
  /** Log ranges [from, to) walked past by moveTo: not spoken to the user's ear, left out. */
  private cuts: Array<[number, number]> = [];
  readonly lines: string[] = [];

  private constructor(
    readonly page: Page,
    readonly name: string,
  ) {}

  /** Starts the reader over `container` (a CSS selector; the whole body by default). */
  static async start(page: Page, name: string, container = 'body'): Promise<ScreenReader> {
    await page.evaluate(async (selector) => {
      const w = window as unknown as Record<string, any>;
      await w.__sr?.stop();
      const root = document.querySelector(selector);
      if (!root) throw new Error(`no ${selector} to read`);
      w.__sr = new w.__VirtualScreenReader();
      await w.__sr.start({ container: root });
    }, container);
    const sr = new ScreenReader(page, name);
    await sr.step(`the reader starts on ${container}`, async () => {}); // it reads the first item
    return sr;
  }

  /** The whole spoken phrase log so far. */
  log(): Promise<string[]> {
    return this.page.evaluate(() => (window as any).__sr.spokenPhraseLog());
  }

  private call(method: string, arg?: unknown): Promise<void> {
    return this.page.evaluate(
      async ([m, a]) => {
        const sr = (window as any).__sr;
        await (a === undefined ? sr[m]() : sr[m](a));
      },
      [method, arg] as const,
    );
  }

  next = () => this.call('next');
  previous = () => this.call('previous');
  /** The default action on the item under the cursor (Enter in browse mode). */
  act = () => this.call('act');
  /** A key pressed on the item under the cursor (the reader focuses it first). */
  press = (key: string) => this.call('press', key);
  type = (text: string) => this.call('type', text);
  perform = (command: Command) => this.call('perform', command);

  /** Reads on item by item until the phrase matches (at most `max` moves): all of it is heard. */
  async nextUntil(match: RegExp, max = 200): Promise<void> {
    await this.walk(match, false, max);
  }

  private async walk(match: RegExp, back: boolean, max: number): Promise<[number, number]> {
    const found = await this.page.evaluate(
      async ([source, flags, back, max]) => {
        const sr = (window as any).__sr;
        const re = new RegExp(source, flags);
        const before = (await sr.spokenPhraseLog()).length;
        for (let i = 0; i < max; i++) {
          await (back ? sr.previous() : sr.next());
          const log = await sr.spokenPhraseLog();
          if (re.test(log.at(-1) ?? '')) return [before, log.length - 1];
        }
        return null;
      },
      [match.source, match.flags, back, max] as const,
    );
    if (!found) throw new Error(`the reader never reached ${match} in ${max} moves`);
    return found as [number, number];
  }

  /**
   * Moves the cursor (either way) to the next item whose phrase matches, as a user jumps there by
   * its name: the items passed on the way are left out of the transcript.
   */
  async moveTo(match: RegExp, { back = false, max = 200 } = {}): Promise<void> {
    this.cuts.push(await this.walk(match, back, max));
  }

  /** Moves to a radio or checkbox and presses Space on it, as a reader user ticks one. */
  async choose(role: 'radio' | 'checkbox', name: string): Promise<void> {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const [from, at] = await this.walk(new RegExp(`^${role}, ${escaped}, `), false, 200);
    await this.press(' ');
    // Ticking changes no DOM, so the reader's tree is stale until a key refreshes it: a Shift press
    // (no effect on the page) makes it say the item's new state, as a real reader does at once.
    await this.press('Shift');
    this.cuts.push([from, at + 1]);
  }

  /** Waits until the log has not grown for a while: announcements come after the DOM settles. */
  async settle(quietMs = 250, maxMs = 5000): Promise<void> {
    const start = Date.now();
    let length = (await this.log()).length;
    let since = Date.now();
    while (Date.now() - start < maxMs) {
      await this.page.waitForTimeout(50);
      const now = (await this.log()).length;
      if (now !== length) {
        length = now;
        since = Date.now();
      } else if (Date.now() - since >= quietMs) return;
    }
  }

  /**
   * Runs one step of the journey and records what was said during it. `until` (a locator state the
   * page must reach) is awaited before the log is read, so slow machines do not cut a step short.
   */
  async step(label: string, action: () => Promise<unknown>, until?: () => Promise<unknown>): Promise<string[]> {
    await action();
    if (until) await until();
    await this.settle();
    const log = await this.log();
    const said = log
      .map((phrase, i) => ({ phrase, i }))
      .filter(({ i }) => i >= this.read && !this.cuts.some(([from, to]) => i >= from && i < to))
      .map(({ phrase }) => phrase)
      // A live region emptied (to clear it, or before new words) logs "polite: ": nothing is heard.
      .filter((phrase) => !/^(polite|assertive):\s*$/.test(phrase));
    this.cuts = [];
    this.read = log.length;
    this.lines.push(`> ${label}`, ...said);
    if (process.env.SR_DEBUG) console.log([`> ${label}`, ...said].join('\n'));
    return said;
  }

  /** A step whose speech is left out of the transcript (said so in it): setting up, not the journey. */
  async unrecorded(label: string, action: () => Promise<unknown>, until?: () => Promise<unknown>): Promise<void> {
    await action();
    if (until) await until();
    await this.settle();
    this.read = (await this.log()).length;
    this.cuts = [];
    this.lines.push(`> ${label} (what is said on the way is not recorded)`);
  }

  /** Live announcements among phrases. */
  static live(said: string[]): string[] {
    return said.filter(isLive);
  }

  async stop(): Promise<void> {
    await this.page.evaluate(async () => (window as any).__sr?.stop());
  }
}

/** Compares the journey's transcript with its reviewed file (or writes it with UPDATE_TRANSCRIPTS=1). */
export function expectTranscript(sr: ScreenReader, testInfo?: TestInfo): void {
  const file = `tests/transcripts/${sr.name}.txt`;
  const text = sr.lines.join('\n') + '\n';
  if (process.env.UPDATE_TRANSCRIPTS || !existsSync(file)) {
    mkdirSync('tests/transcripts', { recursive: true });
    writeFileSync(file, text);
    if (!process.env.UPDATE_TRANSCRIPTS) {
      throw new Error(`${file} did not exist: written now; review it, commit it, and run again`);
    }
    testInfo?.annotations.push({ type: 'transcript', description: `${file} written` });
    return;
  }
  expect(text, `${file} (regenerate with UPDATE_TRANSCRIPTS=1 and review the diff)`).toBe(readFileSync(file, 'utf8'));
}

/** The text of a locator as the reader's tree would include it: for "hidden text never read" checks. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent())?.replace(/\s+/g, ' ').trim() ?? '';
}
