// Issue 12: one storage door. Exactly one module under src/ touches localStorage or sessionStorage,
// and the key prefix is spelled once (comments aside: they may name what the code does).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PREFIX, key, read, write, remove } from '../../src/platform/storage';

const SRC = join(import.meta.dirname, '../../src');
const DOOR = 'platform/storage.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|js|svelte|astro)$/.test(name) ? [path] : [];
  });
}

const code = (text: string) =>
  text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('the storage door', () => {
  const sources = files(SRC).map((path) => ({ file: relative(SRC, path), text: code(readFileSync(path, 'utf8')) }));

  test('only src/platform/storage.ts names localStorage or sessionStorage', () => {
    const touching = sources.filter((s) => /\b(localStorage|sessionStorage)\b/.test(s.text)).map((s) => s.file);
    expect(touching).toEqual([DOOR]);
  });

  test(`the prefix '${PREFIX}' is spelled once, in the door`, () => {
    const spelling = sources.flatMap((s) => [...s.text.matchAll(/ketamine-course:/g)].map(() => s.file));
    expect(spelling).toEqual([DOOR]);
  });

  test('every call reports instead of throwing', () => {
    const throwing = { getItem: () => { throw new Error('off'); }, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); }, removeItem: () => { throw new Error('off'); } };
    expect(read(key('theme'), throwing)).toEqual({ ok: false });
    expect(write(key('theme'), 'dark', throwing)).toBe('quota');
    expect(write(key('theme'), 'dark', { setItem: () => { throw new DOMException('no', 'SecurityError'); } })).toBe('unavailable');
    expect(remove(key('theme'), throwing)).toBe(false);
    expect(read(key('theme'), null)).toEqual({ ok: false });
  });
});
