// Issue 10, the findings about whole journeys and site chrome, one test (or a few) each:
// 1 the assessment as the last step, linked everywhere; 2 course completion in one place;
// 5 "Mark as complete" never dead; 7 previous/next along the reader's path; 8 the phone header;
// 9 the theme toggle's state and layout shift (CLS) on every page type; 13 "Add to my questions"
// says it once, "Clear my data" confirms in view, /learned/ keeps its page-count promise.
import { test, expect, type Page } from '@playwright/test';
import { expectNoAxeViolations, tabTo, watchPage } from './support';
import { allLessonsDone, PROGRESS_KEY } from './assessment-support';

const AT = '2026-11-30T10:00:00.000Z';
const ALL = allLessonsDone(AT);
const ONE = { 'why-new-treatments': ALL['why-new-treatments'] };
const PASSED = { attempts: 1, best: 17, total: 18, passedAt: AT };

/** Opens `path` with a progress record (and optionally who is reading) already stored. */
async function openWith(page: Page, path: string, record: object | null, audience?: string) {
  await page.addInitScript(
    ([key, value, who]) => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      if (value) localStorage.setItem(key as string, value as string);
      if (who) localStorage.setItem('ketamine-course:audience', who as string);
    },
    [PROGRESS_KEY, record && JSON.stringify({ version: 3, ...record }), audience ?? null] as const,
  );
  await page.goto(path);
}

test.describe('1 and 2: the final assessment is the last step; the course is complete in one sense', () => {
  test('a new learner: the path ends with the assessment, locked, and the certificate link', async ({ page }, info) => {
    const watch = watchPage(page, info);
    await page.goto('/');
    // Lessons sit inside their modules; the final step closes the list.
    const course = page.locator('[data-path="course"] li[data-slug], [data-path="course"] > li[data-final]');
    await expect(course).toHaveCount(12);
    const last = course.last();
    await expect(last.getByRole('link', { name: 'Last step: Final assessment' })).toHaveAttribute('href', '/assessment/');
    await expect(last.locator('[data-status]')).toHaveText('Locked: complete every lesson first');
    await expect(last.getByRole('link', { name: 'Your certificate' })).toHaveAttribute('href', '/certificate/');
    await expectNoAxeViolations(page, '(path with the final step)');
    watch.assertClean();
  });

  test('every lesson complete: the assessment is ready and the path leads to it', async ({ page }) => {
    await openWith(page, '/', { lessons: ALL });
    await expect(page.locator('li[data-final] [data-status]')).toHaveText('Ready: every lesson is complete');
    const cta = page.locator('[data-course-cta]');
    await expect(cta).toHaveText('Continue: Final assessment');
    await expect(cta).toHaveAttribute('href', /\/assessment\/$/);
  });

  test('the last lesson ends with the way to the final assessment', async ({ page }) => {
    await page.goto('/lessons/myths-and-facts/');
    const way = page.locator('[data-lesson-end] [data-next-lesson]:visible');
    await expect(way).toHaveText('Next: the final assessment');
    await expect(way).toHaveAttribute('href', '/assessment/');
  });

  test('/progress/ shows the assessment and links it and the certificate', async ({ page }) => {
    await openWith(page, '/progress/', { lessons: ALL, assessment: PASSED });
    const row = page.locator('tr[data-final]');
    await expect(row.getByRole('link', { name: 'Final assessment' })).toHaveAttribute('href', '/assessment/');
    await expect(row.locator('[data-cell="status"]')).toHaveText('Passed');
    await expect(page.locator('[data-course-state]')).toHaveText('Course complete: every lesson, and the final assessment passed.');
    await expect(page.getByRole('link', { name: 'Your certificate' })).toHaveAttribute('href', '/certificate/');
  });

  test('the assessment passed with one lesson done: no certificate, and exactly what is missing', async ({ page }, info) => {
    const watch = watchPage(page, info);
    await openWith(page, '/certificate/', { lessons: ONE, assessment: PASSED });
    await expect(page.locator('[data-certificate]')).toBeHidden();
    await expect(page.getByText('has completed the educational course')).toBeHidden();
    await expect(page.locator('[data-cert-summary]')).toHaveText('You passed the final assessment. 10 lessons to complete.');
    const todo = page.locator('[data-cert-todo] li:visible');
    await expect(todo).toHaveCount(10);
    await expect(todo.first().getByRole('link')).toHaveText(/^Lesson 2: From an(a)?esthetic to antidepressant$/);
    await expect(page.locator('[data-cert-todo] li[data-assessment]')).toBeHidden();
    await expectNoAxeViolations(page, '(certificate, lessons missing)');
    // The path agrees: not complete.
    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }), { back: true });
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-path-summary]')).toHaveText('1 of 11 lessons complete.');
    await expect(page.locator('li[data-final] [data-status]')).toHaveText('Passed');
    await expect(page.locator('[data-course-cta]')).toHaveText('Continue: Lesson 2');
    watch.assertClean();
  });

  test('every lesson, assessment not passed: the certificate page says only the assessment is left', async ({ page }) => {
    await openWith(page, '/certificate/', { lessons: ALL });
    await expect(page.locator('[data-cert-summary]')).toHaveText('Every lesson is complete. The final assessment is still to pass.');
    await expect(page.locator('[data-cert-todo] li:visible')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'Go to the final assessment' })).toBeVisible();
  });

  test('the whole course: "Course complete" on the path, with the certificate', async ({ page }) => {
    await openWith(page, '/', { lessons: ALL, assessment: PASSED });
    await expect(page.locator('[data-path-summary]')).toHaveText('Course complete.');
    await expect(page.locator('li[data-final] [data-status]')).toHaveText('Passed. Course complete');
    await expect(page.locator('[data-course-cta]')).toHaveText('Course complete: get your certificate');
    await page.locator('[data-course-cta]').click();
    await expect(page.locator('[data-certificate]')).toBeVisible();
  });
});

test('5: "Mark as complete" before the quiz is passed says what is needed, takes focus, links to the quiz', async ({ page }, info) => {
  const watch = watchPage(page, info);
  await page.goto('/lessons/why-new-treatments/');
  const message = page.locator('[data-quiz-needed]');
  const button = page.getByRole('button', { name: 'Mark as complete' });
  await tabTo(page, button, { max: 600 });
  await page.keyboard.press('Enter');
  await expect(message).toBeVisible();
  await expect(message).toBeFocused();
  await expect(message).toBeInViewport();
  await expect(message).toContainText('To complete this lesson, pass its quiz');
  const link = message.getByRole('link', { name: 'Go to the quiz' });
  const target = (await link.getAttribute('href'))!;
  await expect(page.locator(target)).toHaveCount(1);
  await expect(page.locator(target).locator('section.quiz, .quiz')).not.toHaveCount(0);
  await expectNoAxeViolations(page, '(mark as complete, quiz still to do)');
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#quiz$/);
  await expect(page.locator(target)).toBeInViewport();
  watch.assertClean();
});

test.describe('7: previous and next follow the reader’s path', () => {
  test('a patient after lesson 1 goes on to step 2 of their path, with no trainer links', async ({ page }) => {
    await openWith(page, '/lessons/why-new-treatments/', null, 'patient');
    await expect(page.locator('[data-lesson-end] [data-next-lesson]:visible')).toHaveText('Next lesson: Forms and routes');
    const pager = page.getByRole('navigation', { name: 'Lessons' });
    await expect(pager).toHaveCount(1);
    await expect(pager.getByRole('link', { name: /Next lesson/ })).toHaveAttribute('href', '/lessons/forms-and-routes/');
    await expect(page.getByRole('link', { name: 'Slides', exact: true })).toBeHidden();
    await expect(page.getByRole('link', { name: 'Presenter view' })).toBeHidden();
    await expectNoAxeViolations(page, '(patient lesson)');
  });

  test('a patient: step 2 goes back to step 1 and on to step 3; the last step ends at their questions', async ({ page }) => {
    await openWith(page, '/lessons/forms-and-routes/', null, 'patient');
    const pager = page.getByRole('navigation', { name: 'Lessons' });
    await expect(pager.getByRole('link', { name: /Previous lesson/ })).toHaveAttribute('href', '/lessons/why-new-treatments/');
    await expect(pager.getByRole('link', { name: /Next lesson/ })).toHaveAttribute('href', '/lessons/conditions-and-approvals/');
    await page.getByRole('link', { name: 'Next lesson: Conditions and approvals' }).first().click();
    await expect(page).toHaveURL(/conditions-and-approvals/);
    await page.goto('/lessons/myths-and-facts/');
    await expect(page.locator('[data-lesson-end] [data-next-lesson]:visible')).toHaveText('Next: my questions for the doctor');
  });

  test('a student keeps the course order and the trainer links', async ({ page }) => {
    await openWith(page, '/lessons/why-new-treatments/', null, 'student');
    await expect(page.locator('[data-lesson-end] [data-next-lesson]:visible')).toHaveText(/^Next lesson: From an(a)?esthetic to antidepressant$/);
    await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('link', { name: /Next lesson/ })).toHaveAttribute(
      'href',
      '/lessons/from-anaesthetic-to-antidepressant/',
    );
    await expect(page.getByRole('link', { name: 'Slides', exact: true })).toBeVisible();
  });
});

test.describe('8: the phone header', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const [path, audience] of [
    ['/', 'patient'],
    ['/lessons/the-evidence/', 'student'],
    ['/consult/', 'patient'],
  ] as const) {
    test(`${path}: at most 15 % of the screen, a menu, one "Reading as"`, async ({ page }, info) => {
      const watch = watchPage(page, info);
      await openWith(page, path, null, audience);
      const header = page.locator('.site-header');
      const height = (await header.boundingBox())!.height;
      expect(height, 'header height at 390×844').toBeLessThanOrEqual(844 * 0.15);
      await expect(page.getByText(/^Reading as:/).filter({ visible: true })).toHaveCount(path === '/' ? 1 : 0);
      const menu = page.locator('.site-header summary');
      await expect(menu).toHaveText('Menu');
      // Closed, the menu's links are out of the way (and out of the tab order).
      await expect(page.locator('.site-header details')).not.toHaveAttribute('open');
      await expect(page.getByRole('link', { name: 'My progress' })).toBeHidden();
      await tabTo(page, menu);
      await page.keyboard.press('Enter');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await expect(nav, 'one main navigation').toHaveCount(1);
      await expect(nav.getByRole('link', { name: 'My progress' })).toBeVisible();
      if (path !== '/') await expect(nav.getByRole('link', { name: /^Reading as:/ })).toBeVisible();
      await expect(page.getByText(/^Reading as:/).filter({ visible: true })).toHaveCount(1);
      await expectNoAxeViolations(page, '(phone menu open)');
      await page.keyboard.press('Enter');
      await expect(nav.getByRole('link', { name: 'My progress' })).toBeHidden();
      watch.assertClean();
    });
  }
});

test.describe('9: the theme toggle', () => {
  test('shows its state (aria-pressed, a moving switch and a word) and survives a reload', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/glossary/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle).toBeVisible();
    const word = () => toggle.evaluate((el) => [...el.querySelectorAll('.state > *')].find((s) => getComputedStyle(s).visibility === 'visible')?.textContent);
    const knob = () => toggle.evaluate((el) => getComputedStyle(el.querySelector('.knob')!).transform);
    expect(await word()).toBe('Off');
    const off = await toggle.screenshot();
    const box = await toggle.boundingBox();
    const knobOff = await knob();
    await tabTo(page, toggle);
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await word()).toBe('On');
    expect(await knob()).not.toBe(knobOff);
    expect(Buffer.compare(off, await toggle.screenshot())).not.toBe(0);
    expect(await toggle.boundingBox(), 'the toggle keeps its size').toEqual(box);
    await expectNoAxeViolations(page, '(dark, toggle on)');
    await page.reload();
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  });
});

/** Every kind of page, for the layout-shift check. */
const PAGE_TYPES = [
  '/',
  '/lessons/why-new-treatments/',
  '/lessons/how-ketamine-works/',
  '/lessons/why-new-treatments/slides/',
  '/lessons/why-new-treatments/presenter/',
  '/lessons/why-new-treatments/handout/',
  '/assessment/',
  '/certificate/',
  '/progress/',
  '/consult/',
  '/learned/',
  '/glossary/',
  '/references/',
  '/privacy/',
  '/no-such-page/',
];

test.describe('9: no layout shift on any page type at 412 px (CLS ≤ 0.02)', () => {
  test.use({ viewport: { width: 412, height: 915 } });
  for (const path of PAGE_TYPES) {
    for (const audience of [null, 'patient'] as const) {
      test(`${path}${audience ? ` (${audience})` : ''}`, async ({ page }) => {
        await page.addInitScript((who) => {
          if (who) localStorage.setItem('ketamine-course:audience', who);
          (window as any).shifts = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as any[]) {
              if (!entry.hadRecentInput) {
                (window as any).shifts.push({
                  value: entry.value,
                  sources: (entry.sources ?? []).map((s: any) => s.node?.outerHTML?.slice(0, 90) ?? '?'),
                });
              }
            }
          }).observe({ type: 'layout-shift', buffered: true });
        }, audience);
        await page.goto(path, { waitUntil: 'load' });
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(800);
        const shifts: Array<{ value: number; sources: string[] }> = await page.evaluate(() => (window as any).shifts);
        const cls = shifts.reduce((sum, s) => sum + s.value, 0);
        expect(cls, `CLS on ${path}: ${JSON.stringify(shifts, null, 1)}`).toBeLessThanOrEqual(0.02);
      });
    }
  }
});

test.describe('13: say it once, in view, and keep the page-count promise', () => {
  test('"Add to my questions": one message after one press, announced once', async ({ page }, info) => {
    const watch = watchPage(page, info);
    await page.goto('/lessons/a-course-of-treatment/');
    // Every change of text in a live region, as a screen reader would hear it.
    await page.evaluate(() => {
      (window as any).said = [];
      const regions = () => [...document.querySelectorAll('[role="status"], [aria-live]')];
      for (const region of regions()) (region as any).lastSaid = region.textContent?.trim();
      new MutationObserver(() => {
        for (const region of regions()) {
          const text = region.textContent?.trim();
          const last = (region as any).lastSaid;
          if (text && text !== last) (window as any).said.push(text);
          (region as any).lastSaid = text;
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const box = page.locator('[data-ask]').first();
    const button = box.getByRole('button', { name: 'Add to my questions' });
    await tabTo(page, button, { max: 400 });
    await page.keyboard.press('Enter');
    await expect(box.getByRole('status')).toHaveText('Added to your list.');
    await page.waitForTimeout(300);
    const visible = await box.getByText(/(on|to) your list/i).filter({ visible: true }).allInnerTexts();
    expect(visible, 'one visible message in the box').toEqual(['Added to your list.']);
    expect(await page.evaluate(() => (window as any).said), 'announced once').toEqual(['Added to your list.']);
    // Coming back to the page: the box says it is on the list, once.
    await page.reload();
    await expect(box.getByText(/(on|to) your list/i).filter({ visible: true })).toHaveText(['On your list']);
    watch.assertClean();
  });

  test('"Clear my data": the confirmation takes focus, beside the button, in view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openWith(page, '/progress/', { lessons: ONE });
    const clear = page.getByRole('button', { name: 'Clear my data' });
    await tabTo(page, clear);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const done = page.locator('[data-clear-done]');
    await expect(done).toBeFocused();
    await expect(done).toBeInViewport();
    await expect(clear).toBeInViewport();
    await expect(done).toHaveText('Your data has been cleared from this browser: your progress, your questions and your settings.');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('ketamine-course:')))).toEqual([]);
    await expectNoAxeViolations(page, '(data cleared)');
  });

  // Typical use: a patient who has read their whole path.
  const PATH = ['why-new-treatments', 'forms-and-routes', 'conditions-and-approvals', 'the-evidence', 'a-course-of-treatment', 'safety-and-risks', 'access-cost-and-your-consultation', 'myths-and-facts'];
  // (Since the second edition's longer key points, three lessons already take two pages: the page
  // promises two for the whole path, and this holds it to that.)
  for (const [read, promised] of [[PATH, 2]] as const) {
    test(`/learned/ after ${read.length} lessons prints on the ${promised} page(s) it promises`, async ({ page }) => {
      await openWith(page, '/learned/', { lessons: Object.fromEntries(read.map((s) => [s, { visitedAt: AT }])) }, 'patient');
      await expect(page.locator('[data-page-promise]')).toHaveText(
        'Printed, it fits on two pages for your whole path.',
      );
      await expect(page.locator('[data-learned-lesson]:visible')).toHaveCount(read.length);
      await page.emulateMedia({ media: 'print' });
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format, printBackground: false });
        expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length, format).toBeLessThanOrEqual(promised);
      }
    });
  }
});
