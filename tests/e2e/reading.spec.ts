// Reading a lesson: the two depths, glossary terms (WCAG 1.4.13), citations, and axe in each state.
import { test, expect } from '@playwright/test';
import { expectNoAxeViolations, tabTo, setTheme, sitemapPaths } from './support';

const LESSON = '/lessons/how-ketamine-works/';

test.describe('reading depth', () => {
  test('clinical by default; plain chosen by keyboard is remembered and applied on the next page', async ({ page }) => {
    await page.goto(LESSON);
    const plain = page.locator('.lesson-body .depth-plain').first();
    const clinical = page.locator('.lesson-body .depth-clinical').first();
    await expect(clinical).toBeVisible();
    await expect(plain).toBeHidden();

    await tabTo(page, page.getByRole('radio', { name: 'Clinical detail' }));
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: 'Plain language' })).toBeChecked();
    await expect(plain).toBeVisible();
    await expect(clinical).toBeHidden();

    await page.goto('/lessons/forms-and-routes/');
    await expect(page.locator('html')).toHaveAttribute('data-depth', 'plain');
    await expect(page.getByRole('radio', { name: 'Plain language' })).toBeChecked();
    await expect(page.locator('.lesson-body .depth-clinical').first()).toBeHidden();
  });

  test('the stored depth is on <html> before any module script runs (no flash)', async ({ page }) => {
    await page.goto(LESSON);
    await page.evaluate(() => localStorage.setItem('ketamine-course:depth', 'plain'));
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto(LESSON);
    await expect(page.locator('html')).toHaveAttribute('data-depth', 'plain');
    await expect(page.locator('.lesson-body .depth-clinical').first()).toBeHidden();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the depth toggle still works, through CSS alone', async ({ page }) => {
      await page.goto(LESSON);
      await expect(page.locator('.lesson-body .depth-clinical').first()).toBeVisible();
      await page.getByRole('radio', { name: 'Plain language' }).check();
      await expect(page.locator('.lesson-body .depth-plain').first()).toBeVisible();
      await expect(page.locator('.lesson-body .depth-clinical').first()).toBeHidden();
      // The text is all there: "Next lesson" is a plain link.
      await expect(page.getByRole('link', { name: /^Next lesson:/ }).first()).toHaveAttribute('href', /\/lessons\//);
    });
  });
});

test.describe('glossary terms', () => {
  test('keyboard: focus shows the definition, Esc hides it, Enter keeps it open', async ({ page }) => {
    await page.goto(LESSON);
    const term = page.locator('.lesson-body .depth-clinical [data-term]').first();
    const trigger = term.locator('button');
    const popup = term.locator('.term-popup');
    await tabTo(page, trigger, { max: 200 });
    await expect(popup).toBeVisible();
    await expectNoAxeViolations(page, '(term definition open)');
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(trigger).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await expect(popup).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  test('pointer: hover shows it, the definition itself can be hovered, Esc dismisses without moving', async ({ page }) => {
    await page.goto(LESSON);
    const term = page.locator('.lesson-body .depth-clinical [data-term]').first();
    const popup = term.locator('.term-popup');
    await term.locator('button').hover();
    await expect(popup).toBeVisible();
    await popup.hover();
    await expect(popup).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
  });

  test('touch: a tap keeps the definition open', async ({ browser }) => {
    const context = await browser.newContext({ hasTouch: true, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(LESSON);
    const term = page.locator('.lesson-body .depth-clinical [data-term]').first();
    await term.locator('button').tap();
    await expect(term.locator('.term-popup')).toBeVisible();
    await expect(term.locator('button')).toHaveAttribute('aria-expanded', 'true');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});

test('a citation links to the lesson reference list, which links out as plain links', async ({ page }) => {
  await page.goto(LESSON);
  const cite = page.locator('.lesson-body .depth-clinical .cite a').first();
  const target = (await cite.getAttribute('href'))!;
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
  const external = page.locator(`${target} a[href^="https://"]`);
  if (await external.count()) await expect(external.first()).toHaveAttribute('rel', /noopener/);
});

// Every lesson and the glossary, in plain depth, in both themes (the crawl covers clinical).
for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing in plain depth (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await setTheme(page, theme);
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('ketamine-course:depth', 'plain'));
    // Reading pages only: the slide, presenter and handout views have their own axe tests.
    for (const path of sitemapPaths().filter((p) => /^\/lessons\/[^/]+\/$/.test(p) || p === '/glossary/')) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-depth', 'plain');
      await expectNoAxeViolations(page, `(plain, ${theme})`);
    }
  });
}

test.describe('citation markers', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('no space before a marker, and a marker never starts a line of its own (320 px, both depths)', async ({ page }) => {
    for (const lesson of ['/lessons/the-evidence/', '/lessons/how-ketamine-works/']) {
      await page.goto(lesson);
      for (const depth of ['Clinical detail', 'Plain language']) {
        await page.getByRole('radio', { name: depth }).check();
        const problems = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('main .cite')]
            .filter((sup) => sup.checkVisibility())
            .flatMap((sup) => {
              const before = sup.previousSibling;
              const keep = sup.closest('.cite-keep');
              const label = `${sup.innerText} after “${(keep?.textContent ?? before?.textContent ?? '').slice(0, 30)}”`;
              if (!keep) return [`${label}: not kept with the word before`];
              if (before?.nodeType === Node.TEXT_NODE && /\s$/.test(before.textContent!)) return [`${label}: space before`];
              // White-space: nowrap keeps the word and its marker in one line box.
              if (keep.getClientRects().length !== 1) return [`${label}: split over lines`];
              return [];
            }),
        );
        expect(problems, `${lesson} (${depth})`).toEqual([]);
      }
    }
  });
});
