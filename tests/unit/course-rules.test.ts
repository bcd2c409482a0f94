// The rules the build runs (src/course/rules.ts), over the real course and a broken copy of the
// fixture course: every problem is one line naming the file.
import { describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { courseProblems } from '../../src/course/rules';

const ROOT = resolve(__dirname, '../..');

describe('the content rules the build runs', () => {
  test('the ketamine course and the fixture course break none', () => {
    expect(courseProblems(join(ROOT, 'lessons'))).toEqual([]);
    expect(courseProblems(join(ROOT, 'tests/fixtures/course'))).toEqual([]);
  });

  test('each broken rule is named, with its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    try {
      cpSync(join(ROOT, 'tests/fixtures/course'), dir, { recursive: true });
      const lesson = join(dir, '02-second.mdx');
      writeFileSync(lesson, `${readFileSync(lesson, 'utf8')}\n<Term id="no-such-term">word</Term> (verify this)\n`);
      const glossary = join(dir, 'glossary.yaml');
      writeFileSync(glossary, `${readFileSync(glossary, 'utf8')}\n- id: extra\n  term: Extra\n  plain: Simple words.\n  related: [missing]\n`);
      const problems = courseProblems(dir).join('\n');
      expect(problems).toMatch(/02-second\.mdx: <Term id="no-such-term"> is not in glossary\.yaml/);
      expect(problems).toMatch(/02-second\.mdx:\d+: <text>: "verify"/);
      expect(problems).toMatch(/glossary\.yaml: related: extra → missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
