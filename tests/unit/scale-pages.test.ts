// Pages that stay small at any course size (issue #13): the real build, on a synthetic course of
// 100 lessons (scripts/scale-course.mjs, as npm run bench:scale makes them), in a temp copy of the
// project; the home page, /learned/, /progress/ and /assessment/ must each stay within 150 KB of HTML
// and 3,000 elements (500 lessons is the benchmark's size; 100 lessons keep this test near a minute).
// Listing every lesson again fails it at 100 already (home 243 KB, /learned/ 325 KB before #13), and
// it checks that the course is listed by module, since the pages grow about 5× from 100 to 500.
import { describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { generateCourse } from '../../scripts/scale-course.mjs';
import { LIMITS, LISTING_PAGES, distStats } from '../../scripts/scale-stats.mjs';

const ROOT = resolve(__dirname, '../..');
const LESSONS = 100;

/** The project in a temp folder with its own node_modules of links (its own .astro cache). */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'scale-pages-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'svelte.config.js']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry !== '.astro' && entry !== '.vite') symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  generateCourse(join(ROOT, 'lessons'), join(dir, 'lessons'), LESSONS);
  return dir;
}

describe(`a course of ${LESSONS} lessons`, { timeout: 300_000 }, () => {
  test('the listing pages stay within 150 KB of HTML and 3,000 elements, and list by module', () => {
    const dir = projectCopy();
    try {
      const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
        cwd: dir,
        encoding: 'utf8',
        // The search index and the service worker are not what this test is about.
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', COURSE_LISTING_ONLY: '1' },
        timeout: 280_000,
      });
      expect(result.status, `${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`).toBe(0);
      const { listing } = distStats(join(dir, 'dist'));
      const over = LISTING_PAGES.flatMap((page: string) => {
        const s = listing[page];
        if (!s) return [`${page}: missing`];
        return s.kb > LIMITS.kb || s.elements > LIMITS.elements ? [`${page}: ${s.kb.toFixed(1)} KB, ${s.elements} elements`] : [];
      });
      expect(over).toEqual([]);
      // Listed by module: module cards on the home page, a page per module, /learned/ per module.
      const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
      expect(home).toContain('data-module-slugs=');
      // Lessons listed one by one: only the patient path's (those with a patientOrder, 8 here).
      expect(home.match(/<li data-slug=/g)?.length).toBe(8);
      expect(existsSync(join(dir, 'dist/modules/foundations/index.html'))).toBe(true);
      expect(existsSync(join(dir, 'dist/learned/foundations/index.html'))).toBe(true);
      const learned = readFileSync(join(dir, 'dist/learned/foundations/index.html'), 'utf8');
      expect(learned.match(/data-learned-lesson /g)?.length).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
