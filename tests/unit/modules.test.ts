// Modules (src/course/modules.ts): grouping lessons, and the build errors naming file and field.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { groupModules, modulesBySlug, type ModuleDef } from '../../src/course/modules';
import { moduleSchema, lessonSchema } from '../../src/course/schemas';

const defs: ModuleDef[] = [
  { id: 'one', title: 'One', summary: 'The first module of a test course.' },
  { id: 'two', title: 'Two', summary: 'The second module of a test course.' },
];
const lesson = (slug: string, module?: string) => ({ slug, file: `lessons/${slug}.mdx`, module });

describe('groupModules', () => {
  test('groups lessons in path order and numbers modules in file order', () => {
    const list = groupModules([lesson('a', 'one'), lesson('b', 'one'), lesson('c', 'two')], defs);
    expect(list.map((m) => [m.number, m.id, m.slugs])).toEqual([
      [1, 'one', ['a', 'b']],
      [2, 'two', ['c']],
    ]);
    const place = modulesBySlug(list).get('b')!;
    expect([place.module.id, place.position, place.module.slugs.length]).toEqual(['one', 2, 2]);
  });

  test('a course without modules has none', () => {
    expect(groupModules([lesson('a'), lesson('b')], [])).toEqual([]);
  });

  test('an unknown module names the lesson file and the field', () => {
    expect(() => groupModules([lesson('a', 'one'), lesson('b', 'three'), lesson('c', 'two')], defs)).toThrow(
      /lessons\/b\.mdx: module: "three" is not a module in lessons\/modules\.yaml/,
    );
  });

  test('a lesson without a module, when the course has modules, is named', () => {
    expect(() => groupModules([lesson('a', 'one'), lesson('b'), lesson('c', 'two')], defs)).toThrow(/lessons\/b\.mdx: module: missing/);
  });

  test('a module field without modules.yaml is named', () => {
    expect(() => groupModules([lesson('a', 'one')], [])).toThrow(/lessons\/a\.mdx: module: "one" is not defined/);
  });

  test("a module's lessons must follow one another, in the modules' order", () => {
    expect(() => groupModules([lesson('a', 'one'), lesson('b', 'two'), lesson('c', 'one')], defs)).toThrow(/lessons\/c\.mdx: module: .*follow one another/);
    expect(() => groupModules([lesson('a', 'two'), lesson('b', 'one')], defs)).toThrow(/lessons\/b\.mdx: module: "one" comes before "two"/);
  });

  test('a module no lesson names is an error', () => {
    expect(() => groupModules([lesson('a', 'one')], defs)).toThrow(/modules\.yaml: two: no lesson names this module/);
  });
});

describe('the courses group their lessons into modules', () => {
  for (const dir of ['lessons', 'tests/fixtures/course']) {
    test(dir, () => {
      const modules = (parse(readFileSync(`${dir}/modules.yaml`, 'utf8')) as unknown[]).map((m) => moduleSchema.parse(m));
      const lessons = readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => {
          const data = lessonSchema.parse(parse(readFileSync(`${dir}/${f}`, 'utf8').split('---')[1]));
          return { slug: f, file: `${dir}/${f}`, module: data.module, order: data.order };
        })
        .sort((a, b) => a.order - b.order);
      const list = groupModules(lessons, modules, `${dir}/modules.yaml`);
      expect(list.length).toBeGreaterThan(1);
      expect(list.flatMap((m) => m.slugs)).toEqual(lessons.map((l) => l.slug));
    });
  }
});
