// The offline course (src/features/offline, src/integrations/offline.mjs): one visit with the
// network on installs the service worker; then, with the browser offline AND the server stopped,
// a reader walks a lesson, its quiz, the diagram, the slides, search and /consult/; an address
// that was never saved shows the offline page; and a new version of the site is offered, not
// slipped in. Each test serves its own copy of dist/ on its own port, so it can stop that server.
import { test, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeServiceWorker } from '../../src/integrations/offline.mjs';

test.use({ serviceWorkers: 'allow' });

let port = 4700 + Math.floor(Math.random() * 200);

async function serve(root: string): Promise<{ url: string; stop: () => void }> {
  port += 1;
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve-dist.mjs', root, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ready) => child.stdout!.once('data', () => ready()));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

function copyOfDist(): string {
  const root = mkdtempSync(join(tmpdir(), 'course-offline-'));
  cpSync(resolve('dist'), root, { recursive: true });
  return root;
}

async function installed(page: Page): Promise<void> {
  await expect(page.locator('[data-offline-ready]')).toHaveText(/Available offline/, { timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

test('after one visit the whole course works with the network off and the server stopped', async ({ context, page }) => {
  test.setTimeout(120_000);
  const root = copyOfDist();
  const server = await serve(root);
  try {
    await page.goto(`${server.url}/`);
    await installed(page);
    server.stop();
    await context.setOffline(true);

    // From the home page by links: a lesson with the diagram, its quiz, its slides.
    await page.reload();
    // The lesson sits in its module, which the path shows collapsed until it is opened.
    const lesson = page.locator('[data-path="course"] a[href="/lessons/how-ketamine-works/"]').first();
    if (!(await lesson.isVisible())) await page.locator('details:has(a[href="/lessons/how-ketamine-works/"]) > summary').first().click();
    await lesson.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/How ketamine works/);
    // The diagram hydrates when it comes into view, so its code must come from the cache.
    await page.getByRole('heading', { name: 'The pathway step by step' }).scrollIntoViewIfNeeded();
    const diagram = page.locator('astro-island[component-url*="Synapse"]');
    await expect(diagram).toHaveCount(1);
    await diagram.getByRole('button', { name: /^Next/ }).click();
    await expect(diagram.locator('[aria-live="polite"]')).toHaveText(/^Step 2 of 8/);
    // The whole quiz, in practice mode, and its record kept on the device.
    const quiz = page.locator('section.quiz');
    await page.getByRole('checkbox', { name: /Practice mode/ }).check();
    await quiz.getByRole('button', { name: 'Start the quiz' }).click();
    while ((await quiz.getAttribute('data-state')) !== 'done') {
      // Any answer will do: the first choice in every group (a matching question has one group
      // a term), or one move for an ordering question.
      const groups = quiz.locator('fieldset');
      for (let i = 0; i < (await groups.count()); i++) {
        const choice = groups.nth(i).locator('input').first();
        if (await choice.count()) await choice.check();
      }
      const move = quiz.getByRole('button', { name: /^Move down/ }).first();
      if (await move.count()) await move.click();
      await quiz.getByRole('button', { name: 'Check answer' }).click();
      await quiz.getByRole('button', { name: /^(Next question|See your result)$/ }).click();
    }
    const practised = await page.evaluate(() => JSON.parse(localStorage.getItem('ketamine-course:progress')!));
    expect(practised.lessons['how-ketamine-works'].quiz.practisedAt).toBeTruthy();
    await page.getByRole('link', { name: /^Slides/ }).first().click();
    await expect(page).toHaveURL(/\/slides\/(#\d+)?$/);
    await expect(page.locator('[aria-current="step"], [data-current], .slide').first()).toBeAttached();

    // Search, with its index and WebAssembly from the cache.
    await page.goto(`${server.url}/search/?q=glutamate`);
    await expect(page.getByRole('option').first()).toBeVisible();

    // The patient's question list, and progress still saved.
    await page.goto(`${server.url}/consult/`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    // An address the course never had: the friendly offline page, not the browser's error.
    await page.goto(`${server.url}/not-part-of-the-course/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
  } finally {
    server.stop();
    await context.setOffline(false);
    rmSync(root, { recursive: true, force: true });
  }
});

test('a new version of the site is offered with a reload, never swapped in silently', async ({ page }) => {
  test.setTimeout(120_000);
  const root = copyOfDist();
  const server = await serve(root);
  try {
    await page.goto(`${server.url}/glossary/`);
    await installed(page);
    await expect(page.locator('[data-update-ready]')).toHaveCount(0);

    // A new build: a changed page and a service worker generated for it (the real generateSW).
    const page_ = join(root, 'glossary', 'index.html');
    writeFileSync(page_, readFileSync(page_, 'utf8').replace('</main>', '<p data-new-version>New version</p></main>'));
    await writeServiceWorker(root);

    await page.reload();
    const bar = page.locator('[data-update-ready]');
    await expect(bar).toHaveAttribute('role', 'status');
    await expect(bar).toContainText('A new version of the course is available.');
    await expect(page.locator('[data-new-version]')).toHaveCount(0);
    // Until the reader chooses, the page stays the version they were reading.
    await bar.getByRole('button', { name: 'Reload to update' }).click();
    await expect(page.locator('[data-new-version]')).toHaveText('New version');
  } finally {
    server.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
