// Who is reading (src/platform/audience.ts): the stored value is untrusted, the defaults each audience
// gets, the patient path, and the inline script in Base.astro that applies them before first paint.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AUDIENCES, AUDIENCE_KEY, defaultDepth, defaultQuizMode, parseAudience, patientPath } from '../../src/platform/audience';
import { PREFIX } from '../../src/platform/prefs';
import { beforePaint } from '../../src/platform/storage';

describe('audience', () => {
  test('stored under the course prefix, so "Clear my data" removes it', () => {
    expect(AUDIENCE_KEY).toBe(`${PREFIX}audience`);
  });

  test('only known values are read', () => {
    for (const a of AUDIENCES) expect(parseAudience(a)).toBe(a);
    for (const bad of [null, undefined, '', 'Patient', 'admin', '<script>', 1, {}]) expect(parseAudience(bad)).toBeNull();
  });

  test('patients start with plain language and practice quizzes; everyone else as before', () => {
    expect(defaultDepth('patient')).toBe('plain');
    expect(defaultQuizMode('patient')).toBe('practice');
    for (const a of [null, 'student', 'presenter', 'all', 'nonsense']) {
      expect(defaultDepth(a)).toBe('clinical');
      expect(defaultQuizMode(a)).toBe('mastery');
    }
  });
});

describe('the patient path', () => {
  const lessons = [
    { slug: 'a', order: 1, patientOrder: 1 },
    { slug: 'b', order: 2 },
    { slug: 'c', order: 3, patientOrder: 3 },
    { slug: 'd', order: 4, patientOrder: 2 },
    { slug: 'e', order: 5 },
  ];

  test('lessons with patientOrder in that order, then the rest in course order', () => {
    const { path, more } = patientPath(lessons);
    expect(path.map((l) => l.slug)).toEqual(['a', 'd', 'c']);
    expect(more.map((l) => l.slug)).toEqual(['b', 'e']);
  });

  test('no lesson is lost or repeated', () => {
    const { path, more } = patientPath(lessons);
    expect([...path, ...more].map((l) => l.slug).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('a course without patientOrder puts every lesson on the path', () => {
    const plain = lessons.map(({ slug, order }) => ({ slug, order }));
    expect(patientPath(plain).path.map((l) => l.slug)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(patientPath(plain).more).toEqual([]);
  });
});

describe('the inline script PageHead.astro puts before first paint (beforePaint in the storage door)', () => {
  const source = readFileSync(join(import.meta.dirname, '../../src/components/PageHead.astro'), 'utf8');
  const script = beforePaint();

  test('PageHead.astro inlines it', () => {
    expect(source).toMatch(/<script is:inline set:html=\{beforePaint\(\)\} \/>/);
  });

  function run(stored: Record<string, string>, search = '') {
    const data = new Map(Object.entries(stored));
    const dataset: Record<string, string> = {};
    let replaced: string | undefined;
    const fn = new Function('document', 'localStorage', 'location', 'history', script);
    fn(
      { documentElement: { dataset } },
      { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => data.set(k, v) },
      { search, pathname: '/', hash: '' },
      { replaceState: (_s: unknown, _t: string, url: string) => (replaced = url) },
    );
    return { dataset, stored: Object.fromEntries(data), replaced };
  }

  test('nothing stored: nothing set', () => {
    expect(run({}).dataset).toEqual({});
  });

  test('a patient without a chosen depth reads plain language', () => {
    expect(run({ [AUDIENCE_KEY]: 'patient' }).dataset).toEqual({ audience: 'patient', depth: 'plain' });
  });

  test('a chosen depth wins over the audience default', () => {
    expect(run({ [AUDIENCE_KEY]: 'patient', [`${PREFIX}depth`]: 'clinical' }).dataset).toEqual({ audience: 'patient', depth: 'clinical' });
  });

  test('a student gets no depth set (clinical is the default)', () => {
    expect(run({ [AUDIENCE_KEY]: 'student' }).dataset).toEqual({ audience: 'student' });
  });

  test('unknown stored values are ignored', () => {
    expect(run({ [AUDIENCE_KEY]: 'admin"><script>', [`${PREFIX}theme`]: 'neon' }).dataset).toEqual({});
  });

  test('?audience= from the chooser is applied, stored and taken out of the address', () => {
    const { dataset, stored, replaced } = run({ [AUDIENCE_KEY]: 'student' }, '?audience=patient');
    expect(dataset).toEqual({ audience: 'patient', depth: 'plain' });
    expect(stored[AUDIENCE_KEY]).toBe('patient');
    expect(replaced).toBe('/');
  });

  test('an unknown ?audience= is ignored', () => {
    const { dataset, stored } = run({}, '?audience=admin');
    expect(dataset).toEqual({});
    expect(stored[AUDIENCE_KEY]).toBeUndefined();
  });

  test('storage that throws: no error escapes', () => {
    const fn = new Function('document', 'localStorage', 'location', 'history', script);
    const deny = () => {
      throw new Error('denied');
    };
    expect(() => fn({ documentElement: { dataset: {} } }, { getItem: deny, setItem: deny }, { search: '', pathname: '/' }, {})).not.toThrow();
  });
});
