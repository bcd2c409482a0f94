// Plain-language blocks must read at grade 8 or below (Flesch–Kincaid). The first tests pin the
// formula and the MDX stripping on known passages; the last ones measure every lesson.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  fleschKincaidGrade,
  plainBlocksOf,
  plainText,
  readabilityBlocks,
  readabilityReport,
  summaryOf,
  syllablesOf,
  textStats,
} from '../../src/course/readability';

const MAX_GRADE = 8;
const LESSONS = join(import.meta.dirname, '../../lessons');
const lessonFiles = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

describe('Flesch–Kincaid grade', () => {
  test('the formula: 0.39 × words/sentence + 11.8 × syllables/word − 15.59', () => {
    // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    expect(textStats('The cat sat on the mat.')).toEqual({ words: 6, sentences: 1, syllables: 6 });
    expect(fleschKincaidGrade('The cat sat on the mat.')).toBeCloseTo(-1.45, 2);
  });

  test('a known hard sentence scores about grade 13.1', () => {
    // The reference example of the flesch-kincaid package: 13 words, 26 syllables, 1 sentence.
    const text = 'The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.';
    expect(textStats(text)).toEqual({ words: 13, sentences: 1, syllables: 26 });
    expect(fleschKincaidGrade(text)).toBeCloseTo(13.08, 1);
  });

  test('a known easy passage scores below grade 3', () => {
    // Short sentences of one-syllable words, as in early readers.
    const text = 'I see a dog. The dog is big. It can run fast. We like the dog.';
    expect(fleschKincaidGrade(text)).toBeLessThan(3);
  });

  test('dense academic prose scores far above grade 8', () => {
    const text =
      'Ketamine, an uncompetitive N-methyl-D-aspartate receptor antagonist, produces rapid antidepressant ' +
      'effects through mechanisms involving disinhibition of glutamatergic pyramidal neurons and subsequent ' +
      'activation of brain-derived neurotrophic factor signalling.';
    expect(fleschKincaidGrade(text)).toBeGreaterThan(16);
  });

  test('more sentences of the same words lower the grade', () => {
    const long = 'The doctor checks your blood pressure and your heart and asks about the medicines you take';
    const short = 'The doctor checks your blood pressure. The doctor checks your heart. The doctor asks about your medicines.';
    expect(fleschKincaidGrade(short)).toBeLessThan(fleschKincaidGrade(long));
  });

  test('numbers count one syllable per digit (max 4), plus 2 for a percent sign', () => {
    expect(syllablesOf('9')).toBe(1);
    expect(syllablesOf('52')).toBe(2);
    expect(syllablesOf('2019')).toBe(4);
    expect(syllablesOf('52%')).toBe(4);
    expect(syllablesOf('(about')).toBe(2);
  });

  test('empty text scores 0 and does not divide by zero', () => {
    expect(fleschKincaidGrade('')).toBe(0);
    expect(fleschKincaidGrade(plainText('  <Cite id="x"/>  '))).toBe(0);
  });
});

describe('plainText strips MDX to what a reader sees', () => {
  test('components, attributes, comments and notes go; their words stay', () => {
    const mdx = [
      '{/* a comment */}',
      'A <Term id="nmda-receptor">gate</Term> on the cell. <Cite id="han-2016" />',
      '',
      '<Notes>',
      '',
      'Trainer only.',
      '',
      '</Notes>',
    ].join('\n');
    expect(plainText(mdx)).toBe('A gate on the cell.');
  });

  test('each list item, heading and table cell becomes a sentence', () => {
    const mdx = ['## Key points', '', '- One idea', '- Two ideas!', '', '| Route | Dose |', '|---|---|', '| IV | 0.5 mg/kg |'].join(
      '\n',
    );
    expect(plainText(mdx).split('\n')).toEqual(['Key points.', 'One idea.', 'Two ideas!', 'Route.', 'Dose.', 'IV.', '0.5 mg/kg.']);
  });

  test('HTML tables, timelines and markdown emphasis and links are flattened', () => {
    const mdx =
      '<ol class="timeline">\n  <li><strong>1962:</strong> made <Cite id="a"/></li>\n</ol>\n\n' +
      '<table><caption>Doses</caption><tr><th scope="row">IV</th><td>0.5 mg/kg</td></tr></table>\n\n' +
      'Read **this** and [that](https://example.org) with `code`.';
    expect(plainText(mdx).split('\n')).toEqual([
      '1962: made.',
      'Doses.',
      'IV.',
      '0.5 mg/kg.',
      'Read this and that with code.',
    ]);
  });

  test('frontmatter and entities', () => {
    expect(plainText('---\ntitle: x\n---\nLess &lt; more &amp; so on.')).toBe('Less < more & so on.');
  });

  test('plainBlocksOf and summaryOf find the plain text of a lesson', () => {
    const mdx = '---\nsummary: "A short summary."\n---\n<Plain>\n\nOne.\n\n</Plain>\n\n<Clinical>\n\nTwo.\n\n</Clinical>\n\n<Plain>\n\nThree.\n\n</Plain>\n';
    expect(summaryOf(mdx)).toBe('A short summary.');
    expect(plainBlocksOf(mdx).map((b) => b.trim())).toEqual(['One.', 'Three.']);
    expect(readabilityBlocks('x.mdx', mdx).map((b) => [b.kind, b.index, b.firstWords])).toEqual([
      ['summary', 0, 'A short summary.'],
      ['plain', 1, 'One.'],
      ['plain', 2, 'Three.'],
    ]);
  });

  test('the report puts the hardest block first', () => {
    const easy = '<Plain>\n\nThe cat sat.\n\n</Plain>';
    const hard = '<Plain>\n\nThe Australian platypus is seemingly a hybrid of a mammal and reptilian creature.\n\n</Plain>';
    const report = readabilityReport([
      { file: 'a.mdx', source: easy },
      { file: 'b.mdx', source: hard },
    ]);
    expect(report.highest?.file).toBe('b.mdx');
    expect(report.blocks).toHaveLength(2);
  });
});

describe('the lessons read at grade 8 or below', () => {
  const files = lessonFiles.map((file) => ({ file, source: readFileSync(join(LESSONS, file), 'utf8') }));

  test('there are lessons to measure', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  test.each(files)('$file: summary and every <Plain> block', ({ file, source }) => {
    const blocks = readabilityBlocks(file, source);
    expect(blocks.filter((b) => b.kind === 'plain').length, `${file} has no <Plain> blocks`).toBeGreaterThan(0);
    expect(blocks.some((b) => b.kind === 'summary'), `${file} has no summary`).toBe(true);
    const tooHard = blocks
      .filter((b) => b.grade > MAX_GRADE)
      .map((b) => `${b.file}: ${b.kind === 'summary' ? 'summary' : `<Plain> block ${b.index}`} "${b.firstWords}…" reads at grade ${b.grade}`);
    expect(tooHard, `Plain text above grade ${MAX_GRADE}:\n${tooHard.join('\n')}`).toEqual([]);
  });

  test('report: highest grade across the course', () => {
    const { blocks, highest } = readabilityReport(files);
    console.info(
      `readability: ${blocks.length} plain blocks and summaries; highest grade ${highest?.grade} ` +
        `(${highest?.file}, ${highest?.kind} ${highest?.index}: "${highest?.firstWords}…")`,
    );
    expect(highest!.grade).toBeLessThanOrEqual(MAX_GRADE);
  });
});
