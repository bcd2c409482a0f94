// Medical-content rules: each rule is first shown to fail on a small bad fixture, then run over
// the real lessons, references.yaml and glossary.yaml.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { describeIssues, glossarySchema, lessonSchema, referenceSchema } from '../../src/course/schemas';
import { slugFromId } from '../../src/features/path/course';
import { authoringVocabularyInData, authoringVocabularyInLesson, authoringWords } from '../../src/course/authoring-vocabulary';
import {
  citeIds,
  claimsCiting,
  clinicalBlocks,
  duplicateIds,
  headingSlug,
  numbersIn,
  sections,
  slideWordCounts,
  splitBlocks,
  structureProblems,
  termIds,
  uncitedNumbers,
  unknownCiteIds,
  unknownRelatedTerms,
  unknownTermIds,
  unusedReferences,
} from '../../src/course/content-rules';

const LESSONS = join(import.meta.dirname, '../../lessons');

const clinical = (body: string) => `<Clinical>\n\n${body}\n\n</Clinical>\n`;

describe('uncitedNumbers', () => {
  test('flags a clinical paragraph with a number and no Cite', () => {
    const found = uncitedNumbers(clinical('About 52% respond at 24 h.'));
    expect(found).toHaveLength(1);
    expect(found[0]!.numbers).toEqual(['52%', '24']);
    expect(found[0]!.kind).toBe('paragraph');
    expect(found[0]!.line).toBe(3);
  });

  test('passes when the Cite is in the same paragraph', () => {
    expect(uncitedNumbers(clinical('About 52% respond at 24 h <Cite id="han-2016" />.'))).toEqual([]);
  });

  test('a Cite in the next paragraph does not count', () => {
    const found = uncitedNumbers(clinical('About 52% respond.\n\nSource: <Cite id="han-2016" />'));
    expect(found.map((b) => b.numbers)).toEqual([['52%']]);
  });

  test('each list item needs its own Cite', () => {
    const found = uncitedNumbers(
      clinical('- Response 69.3% vs 52.0% <Cite id="popova-2019" />.\n- Relapse 26.7% vs 45.3%.\n  (HR 0.49)'),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('list-item');
    expect(found[0]!.numbers).toEqual(['26.7%', '45.3%', '0.49']);
  });

  test('HTML table cells: a cell is cited by itself or by its row header', () => {
    const table = [
      '<table>',
      '<caption>Side effects</caption>',
      '<tr><th scope="col">Reaction</th><th scope="col">Esketamine</th></tr>',
      '<tr><th scope="row">Dissociation <Cite id="spravato-pi" /></th><td>41%</td></tr>',
      '<tr><th scope="row">Nausea</th><td>28% <Cite id="spravato-pi" /></td></tr>',
      '<tr><th scope="row">Dizziness</th><td>29%</td></tr>',
      '</table>',
    ].join('\n');
    const found = uncitedNumbers(clinical(table));
    expect(found.map((b) => [b.kind, b.numbers])).toEqual([['table-cell', ['29%']]]);
    expect(found[0]!.line).toBe(8);
  });

  test('a number in a caption or a row header needs a Cite too', () => {
    const table =
      '<table><caption>Trials of 2019</caption><tr><th scope="row">Day 7</th><td>40% <Cite id="han-2016" /></td></tr></table>';
    expect(uncitedNumbers(clinical(table)).map((b) => [b.kind, b.numbers])).toEqual([
      ['caption', ['2019']],
      ['table-cell', ['7']],
    ]);
  });

  test('markdown tables: the first cell of a row is its header', () => {
    const table = '| Route | Bioavailability |\n|---|---|\n| IM <Cite id="clements-1982" /> | 93% |\n| Oral | 17% |';
    expect(uncitedNumbers(clinical(table)).map((b) => b.numbers)).toEqual([['17%']]);
  });

  test('timeline items (<li>) are blocks', () => {
    const timeline = '<ol class="timeline">\n  <li>1962: made <Cite id="apa-textbook" /></li>\n  <li>1964: first human use</li>\n</ol>';
    expect(uncitedNumbers(clinical(timeline)).map((b) => [b.kind, b.numbers])).toEqual([['list-item', ['1964']]]);
  });

  test('only Clinical blocks are checked', () => {
    expect(uncitedNumbers('<Plain>\n\nAbout 5 in 10 people.\n\n</Plain>\n\n<Notes>\n\n41% vs 9%.\n\n</Notes>')).toEqual([]);
  });
});

describe('numbersIn: what counts as a figure', () => {
  test('decimals, ranges, percentages, doses and years count', () => {
    expect(numbersIn('0.5 mg/kg over 40 min, 2–4 h, 25–50%, n=403, −70 mV, $400–800, 2019–21')).toEqual([
      '0.5',
      '40',
      '2',
      '4',
      '25',
      '50%',
      '403',
      '70',
      '400',
      '800',
      '2019',
      '21',
    ]);
  });

  test('names with digits are not figures', () => {
    expect(numbersIn('mTORC1, GluN2B, GluN1-N616, (2R,6R)-HNK, PHQ-9, HAM-D, TRANSFORM-2, SUSTAIN-1, NCT04977674, Ca²⁺')).toEqual(
      [],
    );
  });

  test('attributes, list markers, headings and cross-references are exempt', () => {
    expect(numbersIn('<Cite id="han-2016" /> <Term id="phq-9">PHQ-9</Term>')).toEqual([]);
    expect(numbersIn('1. First step')).toEqual([]);
    expect(numbersIn('### Step 3 in 2019')).toEqual([]);
    expect(numbersIn('See lesson 7, lessons 5 and 8, step 2, section 4, §7, table 1 and question 12.')).toEqual([]);
    expect(numbersIn('Lesson 3 shows 41% of patients.')).toEqual(['41%']);
  });
});

describe('splitBlocks', () => {
  test('paragraphs, list items with continuation lines, and headings are separated', () => {
    const blocks = splitBlocks('Para one\ncontinues.\n\n### A heading\n\n- item one\n  goes on\n- item two\n\nPara two.');
    expect(blocks.map((b) => [b.kind, b.text])).toEqual([
      ['paragraph', 'Para one\ncontinues.'],
      ['list-item', '- item one\ngoes on'],
      ['list-item', '- item two'],
      ['paragraph', 'Para two.'],
    ]);
  });

  test('clinicalBlocks finds every Clinical block', () => {
    expect(clinicalBlocks('<Plain>\n\na\n\n</Plain>\n<Clinical>\n\nb\n\n</Clinical>\n<Clinical>c</Clinical>')).toHaveLength(2);
  });
});

describe('ids', () => {
  const mdx = 'A <Term id="nmda-receptor">gate</Term> <Cite id="han-2016" /> <Cite id="nobody-1999"/> <Term id="ghost">x</Term> <Cite />';

  test('citeIds and termIds list ids in order', () => {
    expect(citeIds(mdx)).toEqual(['han-2016', 'nobody-1999']);
    expect(termIds(mdx)).toEqual(['nmda-receptor', 'ghost']);
  });

  test('unknownCiteIds reports ids missing from references, and a Cite without an id', () => {
    expect(unknownCiteIds(mdx, ['han-2016'])).toEqual(['nobody-1999', '']);
    expect(unknownCiteIds('<Cite id="han-2016" />', ['han-2016'])).toEqual([]);
  });

  test('unknownTermIds reports ids missing from the glossary', () => {
    expect(unknownTermIds(mdx, ['nmda-receptor'])).toEqual(['ghost']);
    expect(unknownTermIds('<Term id="nmda-receptor">x</Term>', ['nmda-receptor'])).toEqual([]);
  });

  test('unusedReferences reports references no lesson cites', () => {
    expect(unusedReferences(['<Cite id="a" />', '<Cite id="b" />'], ['a', 'b', 'c'])).toEqual(['c']);
    expect(unusedReferences(['<Cite id="a" />'], ['a'])).toEqual([]);
  });

  test('unknownRelatedTerms and duplicateIds', () => {
    expect(unknownRelatedTerms([{ id: 'a', related: ['b', 'c'] }, { id: 'b' }])).toEqual(['a → c']);
    expect(duplicateIds([{ id: 'a' }, { id: 'b' }, { id: 'a' }])).toEqual(['a']);
  });
});

describe('lesson structure', () => {
  const section = (heading: string) =>
    `## ${heading}\n\n<Plain>\n\nP.\n\n</Plain>\n\n<Clinical>\n\nC.\n\n</Clinical>\n\n<Notes>\n\nN.\n\n</Notes>\n\n`;
  const intro = '<Plain>\n\nHi.\n\n</Plain>\n\n<Clinical>\n\nHello.\n\n</Clinical>\n\n';
  const good = `---\ntitle: x\n---\n${intro}${section('One idea')}${section('Key points')}<LessonQuiz />\n`;

  test('a well-formed lesson has no problems', () => {
    expect(structureProblems(good, { diagram: false })).toEqual([]);
    expect(sections(good).map((s) => [s.heading, s.line])).toEqual([
      ['', 4],
      ['One idea', 16],
      ['Key points', 36],
    ]);
  });

  test.each([
    ['a section without Clinical', good.replace('<Clinical>\n\nC.\n\n</Clinical>', ''), 'section "One idea" (line 16) has no <Clinical> block'],
    ['an introduction without Plain', good.replace('<Plain>\n\nHi.\n\n</Plain>', ''), 'introduction has no <Plain> block'],
    ['a section without Notes', good.replace('<Notes>\n\nN.\n\n</Notes>', ''), 'section "One idea" (line 16) has no <Notes> for trainers'],
    ['a repeated heading', good.replace('## Key points', '## One idea'), 'repeats the anchor #one-idea'],
    ['no Key points', good.replace('## Key points', '## Summary'), 'the last section is not "## Key points"'],
    ['no quiz', good.replace('<LessonQuiz />', ''), 'has 0 <LessonQuiz /> (expected exactly 1)'],
    ['a quiz that is not last', good.replace('<LessonQuiz />\n', '<LessonQuiz />\n\nMore text.\n'), '<LessonQuiz /> is not at the very end'],
    ['a level-1 heading', good.replace('## One idea', '# One idea'), 'level-1 heading'],
    ['an import', good.replace('<Plain>\n\nHi.', "import X from 'y';\n\n<Plain>\n\nHi."), 'imports something'],
    ['an unclosed Plain', good.replace('P.\n\n</Plain>', 'P.\n\n'), '<Plain> opened 3 times but closed 2'],
  ])('%s is reported', (_name, mdx, message) => {
    expect(structureProblems(mdx, { diagram: false }).join('\n')).toContain(message);
  });

  test('the diagram must match the frontmatter flag', () => {
    expect(structureProblems(good, { diagram: true })).toContain('diagram: true but has 0 <SynapseDiagram />');
    const withDiagram = good.replace('<LessonQuiz />', '<SynapseDiagram />\n\n<LessonQuiz />');
    expect(structureProblems(withDiagram, { diagram: false })).toContain('has <SynapseDiagram /> without diagram: true');
    expect(structureProblems(withDiagram, { diagram: true })).toEqual([]);
  });

  test('headingSlug matches the anchors quizzes link to', () => {
    expect(headingSlug('Response is not remission')).toBe('response-is-not-remission');
    expect(headingSlug('BDNF, TrkB and mTORC1')).toBe('bdnf-trkb-and-mtorc1');
    expect(headingSlug('The 70 percent claim')).toBe('the-70-percent-claim');
  });

  test('slideWordCounts counts each depth on each slide', () => {
    const mdx = `## A\n\n<Plain>\n\none two three\n\n</Plain>\n\n<SlideBreak />\n\n<Clinical>\n\nfour <Cite id="x" /> five\n\n</Clinical>\n`;
    expect(slideWordCounts(mdx).filter((c) => c.heading === 'A')).toEqual([
      { heading: 'A', part: 1, depth: 'plain', words: 3 },
      { heading: 'A', part: 1, depth: 'clinical', words: 0 },
      { heading: 'A', part: 2, depth: 'plain', words: 0 },
      { heading: 'A', part: 2, depth: 'clinical', words: 2 },
    ]);
  });
});

describe('authoring vocabulary', () => {
  test('finds each authoring mark, and passes learner wording', () => {
    expect(authoringWords('From knowledge ([K]); verify before citing.')).toEqual(['[K]', 'verify', 'from knowledge']);
    expect(authoringWords('Journal not confirmed')).toEqual(['not confirmed']);
    expect(authoringWords('the fact sheet marks as needing verification')).toEqual(['verify', 'fact sheet']);
    expect(authoringWords('an unverified, label-derived figure from the addendum')).toEqual(['unverified', 'label-derived', 'addendum']);
    expect(authoringWords('Manufacturer information, not peer reviewed; a study without a control group.')).toEqual([]);
    expect(authoringWords('The effect was confirmed in a second trial.')).toEqual([]);
  });

  test('a lesson: names the file, the line and the block; MDX comments are for authors', () => {
    const mdx = [
      '---',
      'title: A lesson',
      'summary: Figures we still need to verify.',
      '---',
      '<Plain>',
      '',
      'Fine words.',
      '',
      '</Plain>',
      '<Notes>',
      '',
      'The fact sheet marks this [K].',
      '',
      '</Notes>',
      '{/* Author: verify against the fact sheet. */}',
    ].join('\n');
    expect(authoringVocabularyInLesson('lessons/01-x.mdx', mdx)).toEqual([
      'lessons/01-x.mdx:3: summary: "verify"',
      'lessons/01-x.mdx:12: <Notes>: "[K]"',
      'lessons/01-x.mdx:12: <Notes>: "fact sheet"',
    ]);
  });

  test('YAML: names the field path; reviewNote and reviewFlags are exempt', () => {
    const refs = [
      { id: 'a', journal: 'Journal not confirmed', reviewNote: 'From knowledge ([K]); verify.', reviewFlags: ['unverified'] },
      { id: 'b', certainty: 'A small study without a control group.' },
    ];
    expect(authoringVocabularyInData('lessons/references.yaml', refs)).toEqual(['lessons/references.yaml: a.journal: "not confirmed"']);
    const bank = { questions: [{ id: 'q1', options: [{ explanation: 'Right, though this needs verification.' }] }] };
    expect(authoringVocabularyInData('lessons/x.quiz.yaml', bank)).toEqual([
      'lessons/x.quiz.yaml: questions.q1.options.0.explanation: "verify"',
    ]);
  });

  test('claimsCiting returns the reader text of blocks that cite the given ids', () => {
    const mdx = '<Plain>\n\nIt may harm a baby. <Cite id="pi" />\n\n</Plain>\n<Clinical>\n\n- May cause <Term id="t">fetal</Term> harm <Cite id="pi" />.\n- Other <Cite id="x" />.\n\n</Clinical>';
    expect(claimsCiting(mdx, new Set(['pi']))).toEqual([
      { line: 3, depth: 'plain', text: 'It may harm a baby.', ids: ['pi'] },
      { line: 8, depth: 'clinical', text: 'May cause fetal harm.', ids: ['pi'] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The real course.

const lessonFiles = readdirSync(LESSONS)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const lessons = lessonFiles.map((file) => {
  const source = readFileSync(join(LESSONS, file), 'utf8');
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  return { file, source, frontmatter: parseYaml(fm?.[1] ?? '') as unknown };
});

function parseList<T>(file: string, schema: z.ZodType<T>): T[] {
  const raw = parseYaml(readFileSync(join(LESSONS, file), 'utf8')) as unknown;
  const result = z.array(schema).safeParse(raw);
  if (!result.success) throw new Error(describeIssues(`lessons/${file}`, result.error));
  return result.data;
}

describe('references.yaml and glossary.yaml', () => {
  test('references.yaml parses with the reference schema, with unique ids', () => {
    const refs = parseList('references.yaml', referenceSchema);
    expect(refs.length).toBeGreaterThan(0);
    expect(duplicateIds(refs)).toEqual([]);
  });

  test('glossary.yaml parses with the glossary schema, unique ids, and related ids that exist', () => {
    const terms = parseList('glossary.yaml', glossarySchema);
    expect(terms.length).toBeGreaterThanOrEqual(25);
    expect(duplicateIds(terms)).toEqual([]);
    expect(unknownRelatedTerms(terms)).toEqual([]);
  });

  test('glossary plain definitions read at grade 8 or below', async () => {
    const { fleschKincaidGrade } = await import('../../src/course/readability');
    const hard = parseList('glossary.yaml', glossarySchema)
      .map((t) => ({ id: t.id, grade: fleschKincaidGrade(t.plain) }))
      .filter((t) => t.grade > 8)
      .map((t) => `${t.id}: grade ${t.grade.toFixed(1)}`);
    expect(hard).toEqual([]);
  });
});

describe('the lessons', () => {
  const referenceIds = parseList('references.yaml', referenceSchema).map((r) => r.id);
  const glossaryIds = parseList('glossary.yaml', glossarySchema).map((t) => t.id);

  test('there are lessons, named NN-slug.mdx, with unique orders and patient orders', () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const { file } of lessonFiles.map((file) => ({ file }))) expect(file).toMatch(/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.mdx$/);
    const data = lessons.map(({ file, frontmatter }) => ({ file, ...lessonSchema.parse(frontmatter) }));
    const orders = data.map((d) => d.order);
    expect(new Set(orders).size).toBe(orders.length);
    const patientOrders = data.flatMap((d) => (d.patientOrder === undefined ? [] : [d.patientOrder]));
    expect(new Set(patientOrders).size).toBe(patientOrders.length);
    for (const d of data) {
      expect(d.file.slice(0, 2), `${d.file}: the file number should match order`).toBe(String(d.order).padStart(2, '0'));
      if (d.patientOrder !== undefined) expect(d.audiences, `${d.file}: patientOrder without the patient audience`).toContain('patient');
    }
    expect(new Set(lessonFiles.map(slugFromId)).size).toBe(lessonFiles.length);
  });

  test.each(lessons)('$file: frontmatter follows the lesson schema', ({ file, frontmatter }) => {
    const result = lessonSchema.safeParse(frontmatter);
    expect(result.success ? '' : describeIssues(file, result.error)).toBe('');
  });

  test.each(lessons)('$file: every number in clinical text has a Cite in the same block', ({ file, source }) => {
    const problems = uncitedNumbers(source).map(
      (b) => `${file}:${b.line}: ${b.kind} with ${b.numbers.join(', ')} and no <Cite>: "${b.text.trim().slice(0, 80)}"`,
    );
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test.each(lessons)('$file: every Cite and Term id exists', ({ source }) => {
    expect(unknownCiteIds(source, referenceIds)).toEqual([]);
    expect(unknownTermIds(source, glossaryIds)).toEqual([]);
  });

  test.each(lessons)('$file: structure (intro, sections with both depths and notes, key points, quiz)', ({ file, source, frontmatter }) => {
    const { diagram } = lessonSchema.parse(frontmatter);
    const problems = structureProblems(source, { diagram }).map((p) => `${file}: ${p}`);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test.each(lessons)('$file: each slide stays short (at most 120 words per depth)', ({ file, source }) => {
    const long = slideWordCounts(source)
      .filter((c) => c.words > 120)
      .map((c) => `${file}: "${c.heading || 'introduction'}" slide ${c.part}, ${c.depth}: ${c.words} words`);
    expect(long, long.join('\n')).toEqual([]);
  });

  test.each(lessons)('$file: no authoring vocabulary in learner-facing text', ({ file, source }) => {
    const problems = authoringVocabularyInLesson(`lessons/${file}`, source);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('no authoring vocabulary in the quiz banks, glossary or references (outside reviewNote)', () => {
    const problems = readdirSync(LESSONS)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .flatMap((f) => authoringVocabularyInData(`lessons/${f}`, parseYaml(readFileSync(join(LESSONS, f), 'utf8'))));
    expect(problems, problems.join('\n')).toEqual([]);
  });

  test('every reference is cited somewhere', () => {
    expect(unusedReferences(lessons.map((l) => l.source), referenceIds)).toEqual([]);
  });
});
