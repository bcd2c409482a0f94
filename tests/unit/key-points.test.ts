// Key points kept as data on the MDX tree (src/integrations/key-points.mjs) and shown on /learned/
// (src/course/key-points.ts); the assessment's packed course string (src/features/quiz/assessment.ts).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { mdxToJs } from 'satteri';
import { keyPoints } from '../../src/integrations/key-points.mjs';
import { numberKeyPoints, type KeyPoint } from '../../src/course/key-points';
import { packCourse, unpackCourse } from '../../src/features/quiz/assessment';

async function pointsOf(source: string): Promise<KeyPoint[] | undefined> {
  const astro = { frontmatter: {} as Record<string, unknown>, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
  await mdxToJs(source, { mdastPlugins: [keyPoints], data: { astro } });
  return astro.frontmatter.keyPoints as KeyPoint[] | undefined;
}

describe('key points from the MDX tree', () => {
  test('the Plain list of the "Key points" section, with citations, and nothing after the next h2', async () => {
    const points = await pointsOf(
      '## Intro\n\n- not a point\n\n## Key points\n\n<Plain>\n\n- One **dose** helps. <Cite id="a" /> <Cite id="b" />\n- Two.\n\n</Plain>\n\n<Clinical>\n\n- clinical\n\n</Clinical>\n\n## After\n\n- no\n',
    );
    expect(points).toEqual([[{ text: 'One ' }, { strong: 'dose' }, { text: ' helps.' }, { cite: 'a' }, { cite: 'b' }], [{ text: 'Two.' }]]);
  });

  test('a lesson without the section has none', async () => {
    expect(await pointsOf('## Only\n\nText.\n')).toBeUndefined();
  });

  test('every real lesson has key points with citations', async () => {
    const lesson = readFileSync('lessons/01-why-new-treatments.mdx', 'utf8').replace(/^---[\s\S]*?---\n/, '');
    const points = (await pointsOf(lesson))!;
    expect(points.length).toBeGreaterThan(3);
    expect(points.flat().some((p) => 'cite' in p)).toBe(true);
  });

  test('shown: citations numbered from 1 in order of use, kept with the word before and the stop after', () => {
    const { items, cited } = numberKeyPoints('l', [[{ text: 'Fades in a week' }, { cite: 'x' }, { text: '. More' }, { cite: 'y' }, { text: ' ' }, { cite: 'x' }]], new Set(['x', 'y']));
    expect(cited).toEqual(['x', 'y']);
    expect(items[0]).toEqual([
      { kind: 'text', text: 'Fades in a ' },
      { kind: 'cite', text: 'week', marks: [{ id: 'x', n: 1 }], after: '.' },
      { kind: 'text', text: ' ' },
      { kind: 'cite', text: 'More', marks: [{ id: 'y', n: 2 }, { id: 'x', n: 1 }], after: '' },
    ]);
  });

  test('an unknown citation names the lesson', () => {
    expect(() => numberKeyPoints('lesson-x', [[{ cite: 'nobody' }]], new Set())).toThrow(/lesson-x.*nobody/);
  });
});

test('the assessment course string reads back as lessons and banks in course order', () => {
  const packed = packCourse([{ slug: 'a', title: 'A\ttab' }, { slug: 'b', title: 'B' }, { slug: 'c', title: 'C' }], [{ lesson: 'a', size: 6 }, { lesson: 'c', size: 4 }]);
  expect(unpackCourse(packed)).toEqual({
    lessons: [{ slug: 'a', title: 'A tab', position: 1 }, { slug: 'b', title: 'B', position: 2 }, { slug: 'c', title: 'C', position: 3 }],
    banks: [{ lesson: 'a', size: 6 }, { lesson: 'c', size: 4 }],
  });
});
