// The real build, on a small fixture course in a temp folder: a malformed lesson must fail it with
// a message naming the file and the field.
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = resolve(__dirname, '../..');

function fixture(lessons: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'course-fixture-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json', 'svelte.config.js']) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(ROOT, 'tests/fixtures/course'), join(dir, 'lessons'), { recursive: true });
  for (const [name, text] of Object.entries(lessons)) writeFileSync(join(dir, 'lessons', name), text);
  return dir;
}

function build(dir: string) {
  const result = spawnSync(join(ROOT, 'node_modules/.bin/astro'), ['build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    timeout: 120_000,
  });
  rmSync(dir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

const base = readFileSync(join(ROOT, 'tests/fixtures/course/02-second.mdx'), 'utf8');

describe('the build rejects malformed lessons', { timeout: 180_000 }, () => {
  test('the fixture course builds', () => {
    const { status, output } = build(fixture({}));
    expect(output).toContain('page(s) built');
    expect(status).toBe(0);
  });

  test('a missing field names the file and the field', () => {
    const broken = base.replace(/^minutes: .*\n/m, '');
    const { status, output } = build(fixture({ '02-second.mdx': broken }));
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-second/);
    expect(output).toMatch(/minutes/);
  });

  test('a duplicate order names both files', () => {
    const { status, output } = build(fixture({ '03-third.mdx': base.replace('title: Second lesson', 'title: Third lesson') }));
    expect(status).not.toBe(0);
    expect(output).toMatch(/03-third\.mdx: order: 2 is already used by .*02-second\.mdx/);
  });

  test('an unknown citation id names the lesson and the id', () => {
    const { status, output } = build(fixture({ '02-second.mdx': base.replace('Text.', 'Text <Cite id="nobody-1999"/>.') }));
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-second\.mdx: <Cite id="nobody-1999">/);
    });

  test('a figure without a citation names the lesson, the line and the number (content rules run in the build)', () => {
    const broken = `${base}\n<Clinical>\n\nAbout 52% respond at 24 hours.\n\n</Clinical>\n`;
    const { status, output } = build(fixture({ '02-second.mdx': broken }));
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-second\.mdx:\d+: paragraph with 52%, 24 and no <Cite>/);
  });

  test('plain language above grade 8 names the lesson and the block', () => {
    const hard =
      'Pharmacological antagonism of ionotropic glutamatergic receptors precipitates neurophysiological reorganisation, consequently necessitating individualised psychiatric supervision.';
    const { status, output } = build(fixture({ '02-second.mdx': `${base}\n<Plain>\n\n${hard}\n\n</Plain>\n` }));
    expect(status).not.toBe(0);
    expect(output).toMatch(/02-second\.mdx: <Plain> block 1 "Pharmacological antagonism.*reads at grade/);
  });
});
