// Bad lesson input must fail with a message naming the file and the field. The same schema and
// sequence() run in the build (src/content.config.ts, src/course/content.ts).
import { describe, expect, test } from 'vitest';
import { parseLesson } from '../../src/course/schemas';
import { neighbours, sequence, slugFromId } from '../../src/features/path/course';
import { assertKnownIds, citationOrder, termIds } from '../../src/course/lesson-content';

const good = {
  title: 'How ketamine works',
  order: 4,
  summary: 'Ketamine blocks a receptor for a chemical messenger in the brain.',
  minutes: 12,
  objectives: ['Describe open-channel block'],
  audiences: ['student', 'patient'],
  lastReviewed: '2026-11-26',
  labelVersion: 'Does not depend on the drug label: mechanism research only',
};
const FILE = 'lessons/04-how-ketamine-works.mdx';

describe('lesson frontmatter', () => {
  test('a good lesson parses, with its date as a Date', () => {
    const lesson = parseLesson(FILE, good);
    expect(lesson.lastReviewed).toBeInstanceOf(Date);
    expect(lesson.diagram).toBe(false);
  });

  test.each([
    ['a missing title', { ...good, title: undefined }, 'title'],
    ['an unknown audience', { ...good, audiences: ['student', 'surgeon'] }, 'audiences.1'],
    ['a bad date', { ...good, lastReviewed: 'last Tuesday' }, 'lastReviewed'],
    ['empty objectives', { ...good, objectives: [] }, 'objectives'],
    ['an order that is not a whole number', { ...good, order: 2.5 }, 'order'],
    ['minutes as text', { ...good, minutes: 'ten' }, 'minutes'],
    ['an unknown field (a typo)', { ...good, sumary: 'x' }, 'sumary'],
    ['no audiences', { ...good, audiences: [] }, 'audiences'],
    ['no label version', { ...good, labelVersion: undefined }, 'labelVersion'],
  ])('%s fails naming the file and the field', (_name, data, field) => {
    expect(() => parseLesson(FILE, data)).toThrow(new RegExp(`^${FILE}: .*${field.replace('.', '\\.')}`, 'm'));
  });
});

describe('the path', () => {
  const lessons = [
    { slug: 'b', order: 2, title: 'B', file: 'lessons/02-b.mdx' },
    { slug: 'a', order: 1, title: 'A', file: 'lessons/01-a.mdx' },
    { slug: 'c', order: 3, title: 'C', file: 'lessons/03-c.mdx' },
  ];

  test('orders lessons and finds neighbours', () => {
    const path = sequence(lessons);
    expect(path.map((l) => l.slug)).toEqual(['a', 'b', 'c']);
    expect(neighbours(path, 'a')).toMatchObject({ position: 1, total: 3, previous: undefined, next: { slug: 'b' } });
    expect(neighbours(path, 'c').next).toBeUndefined();
  });

  test('a duplicate order fails naming both files', () => {
    expect(() => sequence([...lessons, { slug: 'd', order: 2, title: 'D', file: 'lessons/09-d.mdx' }])).toThrow(
      'lessons/09-d.mdx: order: 2 is already used by lessons/02-b.mdx',
    );
  });

  test('a duplicate slug fails', () => {
    expect(() => sequence([...lessons, { slug: 'a', order: 9, title: 'A2', file: 'lessons/09-a.mdx' }])).toThrow(/slug "a"/);
  });

  test('slugs drop the number prefix', () => {
    expect(slugFromId('03-the-glutamate-synapse')).toBe('the-glutamate-synapse');
    expect(slugFromId('10-access.mdx')).toBe('access');
  });
});

describe('citations and terms in a lesson body', () => {
  const body = 'A <Cite id="han-2016"/> b <Cite id="zarate-2006" /> c <Cite id="han-2016"/> <Term id="nmda">NMDA</Term>';

  test('numbers references in order of first citation', () => {
    expect(citationOrder(body)).toEqual(['han-2016', 'zarate-2006']);
    expect(termIds(body)).toEqual(['nmda']);
  });

  test('an unknown id fails naming the lesson and the id', () => {
    expect(() => assertKnownIds(FILE, 'Cite', citationOrder(body), new Set(['han-2016']))).toThrow(
      `${FILE}: <Cite id="zarate-2006">: not found in lessons/references.yaml`,
    );
    expect(() => assertKnownIds(FILE, 'Term', ['nmda'], new Set())).toThrow(/lessons\/glossary\.yaml/);
  });
});
