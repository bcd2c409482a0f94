// The slide-face length rule (#15: a face holds at most 45 words, headline and key points,
// citations excluded) is a build check: the real build, on the small fixture course in a temp
// folder, fails when a <SlideFace> is too long, naming the lesson file and the section; the same
// course with a face of exactly 45 words builds.
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(__dirname, '../..');
const base = readFileSync(join(ROOT, 'tests/fixtures/course/02-second.mdx'), 'utf8');

function buildWith(lesson: string) {
  const dir = mkdtempSync(join(tmpdir(), 'course-face-'));
  try {
    for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'svelte.config.js']) {
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    }
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    cpSync(join(ROOT, 'tests/fixtures/course'), join(dir, 'lessons'), { recursive: true });
    writeFileSync(join(dir, 'lessons', '02-second.mdx'), lesson);
    const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 150_000,
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A section "Long face" whose <SlideFace> has the headline's 2 words plus `points` words. */
function withFace(points: number) {
  const words = Array.from({ length: points }, (_, i) => `word${i + 1}`);
  // Four key points, the words shared out between them; a citation, which does not count.
  const lines = [0, 1, 2, 3].map((k) => `- ${words.filter((_, i) => i % 4 === k).join(' ')}`);
  return base.replace(/\n## Section\n/, `\n## Long face\n\nSome prose for the notes.\n\n<SlideFace>\n\n${lines.join('\n')}\n\n</SlideFace>\n\n## Section\n`);
}

describe('a slide face of more than 45 words fails the build', { timeout: 320_000 }, () => {
  test('46 words (2 of headline, 44 of points): the build fails naming the lesson and the section', () => {
    const { status, output } = buildWith(withFace(44));
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-second\.mdx: a slide face holds at most 45 words .*section "Long face" has 46 words/);
  });

  test('45 words builds', () => {
    const { status, output } = buildWith(withFace(43));
    expect(output).toContain('page(s) built');
    expect(status).toBe(0);
  });
});
