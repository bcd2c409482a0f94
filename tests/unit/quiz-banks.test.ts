// The real quiz banks: every lessons/NN-<slug>.quiz.yaml against the schema, its lesson and the
// lesson's headings, plus course-wide rules (every lesson has a bank, every question type is used,
// answers are not all in one position).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkQuizSections, validateQuizBank, type QuizBank } from '../../src/course/quiz-schema';
import { QUESTION_TYPES, type Question } from '../../src/features/quiz/quiz.types';

const LESSONS = join(process.cwd(), 'lessons');
const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(mdx|quiz\.yaml)$/;

// Course conventions, stricter than the schema's 4–8.
const MIN_PER_LESSON = 5;
const MAX_PER_LESSON = 7;

interface LessonFile {
  file: string; // path relative to the repo, for messages
  slug: string;
}

function lessonFiles(kind: 'mdx' | 'quiz.yaml'): LessonFile[] {
  return readdirSync(LESSONS)
    .map((name) => name.match(FILE_NAME))
    .filter((m): m is RegExpMatchArray => m !== null && m[3] === kind)
    .map((m) => ({ file: `lessons/${m[0]}`, slug: m[2] }))
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Text of a heading as the rendered page would show it: MDX tags, code ticks, emphasis and link targets dropped. */
function headingText(raw: string): string {
  return raw
    .replace(/<[^>]*>/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/(\*\*|__|\*)/g, '')
    .trim();
}

/**
 * The anchors of a lesson's `##` headings, as the build gives them (github-slugger, one slugger per
 * page, every heading level counted so repeated titles get -1, -2 like the real ids).
 */
function sectionAnchors(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const slugger = new GithubSlugger();
  const anchors: string[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = line.match(/^(#{1,6})\s+(.*?)\s*#*\s*$/);
    if (!heading) continue;
    const id = slugger.slug(headingText(heading[2]));
    if (heading[1].length === 2) anchors.push(id);
  }
  return anchors;
}

const lessons = lessonFiles('mdx');
const bankFiles = lessonFiles('quiz.yaml');

const banks = bankFiles.map(({ file, slug }) => {
  const data = parse(readFileSync(join(process.cwd(), file), 'utf8')) as unknown;
  return { file, slug, data };
});

/** Validated banks; a bank that fails validation is reported by its own test, not here. */
function validBanks(): { file: string; slug: string; bank: QuizBank }[] {
  return banks.flatMap(({ file, slug, data }) => {
    try {
      return [{ file, slug, bank: validateQuizBank(file, data) }];
    } catch {
      return [];
    }
  });
}

const allQuestions = (): { lesson: string; question: Question }[] =>
  validBanks().flatMap(({ bank }) => bank.questions.map((question) => ({ lesson: bank.lesson, question })));

describe('sectionAnchors (heading slugs)', () => {
  it('follows github-slugger: lower case, spaces to hyphens, punctuation dropped, repeats numbered', () => {
    const mdx = [
      '---',
      'title: "## Not a heading"',
      '---',
      '## Response is not remission',
      '## BDNF, TrkB and mTORC1',
      '## The 70 percent claim',
      '### Key points',
      '## Key points',
      '```',
      '## Inside a code fence',
      '```',
      '## Off-label is <Term id="x">not</Term> illegal',
    ].join('\n');
    expect(sectionAnchors(mdx)).toEqual([
      'response-is-not-remission',
      'bdnf-trkb-and-mtorc1',
      'the-70-percent-claim',
      'key-points-1',
      'off-label-is-not-illegal',
    ]);
  });
});

describe('course quiz banks', () => {
  it('finds the lessons and their banks', () => {
    expect(lessons.length).toBeGreaterThan(0);
    expect(bankFiles.length).toBeGreaterThan(0);
  });

  it('every lesson has a quiz bank', () => {
    const withBank = new Set(bankFiles.map((b) => b.file.replace(/\.quiz\.yaml$/, '.mdx')));
    expect(lessons.map((l) => l.file).filter((file) => !withBank.has(file))).toEqual([]);
  });

  describe.each(banks)('$file', ({ file, slug, data }) => {
    it('passes validateQuizBank', () => {
      expect(() => validateQuizBank(file, data)).not.toThrow();
    });

    it('names its own lesson, and that lesson exists', () => {
      const bank = validateQuizBank(file, data);
      expect(bank.lesson, `${file}: lesson should be "${slug}" (the file name without NN- and .quiz.yaml)`).toBe(slug);
      const mdx = lessons.find((l) => l.file === file.replace(/\.quiz\.yaml$/, '.mdx'));
      expect(mdx, `${file}: no lesson file ${file.replace(/\.quiz\.yaml$/, '.mdx')}`).toBeDefined();
    });

    it('links every question to a ## heading of its lesson', () => {
      const bank = validateQuizBank(file, data);
      const mdx = readFileSync(join(process.cwd(), file.replace(/\.quiz\.yaml$/, '.mdx')), 'utf8');
      expect(() => checkQuizSections(file, bank, sectionAnchors(mdx))).not.toThrow();
    });

    it(`has ${MIN_PER_LESSON}–${MAX_PER_LESSON} questions, at least one of them not single-choice`, () => {
      const bank = validateQuizBank(file, data);
      expect(bank.questions.length).toBeGreaterThanOrEqual(MIN_PER_LESSON);
      expect(bank.questions.length).toBeLessThanOrEqual(MAX_PER_LESSON);
      expect(bank.questions.some((q) => q.type !== 'single')).toBe(true);
    });

    it('gives every multiple-choice question at least one wrong option', () => {
      const bank = validateQuizBank(file, data);
      for (const q of bank.questions) {
        if (q.type === 'multiple') expect(q.answer.length, `${file}: question "${q.id}"`).toBeLessThan(q.options.length);
      }
    });
  });

  it('question ids are unique across the course when prefixed by the lesson', () => {
    const ids = allQuestions().map(({ lesson, question }) => `${lesson}/${question.id}`);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(new Set(validBanks().map(({ bank }) => bank.lesson)).size).toBe(validBanks().length);
  });

  it('uses all five question types across the course', () => {
    const types = new Set(allQuestions().map(({ question }) => question.type));
    expect([...types].sort()).toEqual([...QUESTION_TYPES].sort());
  });

  describe('answers do not follow a pattern a guesser could use', () => {
    const choice = () =>
      allQuestions()
        .map(({ question }) => question)
        .filter((q): q is Extract<Question, { type: 'single' }> => q.type === 'single');

    it('the correct single-choice option is not always first, not always last, nor mostly in one place', () => {
      const positions = choice().map((q) => q.options.findIndex((o) => o.id === q.answer));
      const first = positions.filter((p) => p === 0).length;
      const last = choice().filter((q, i) => positions[i] === q.options.length - 1).length;
      expect(first).toBeLessThan(positions.length);
      expect(last).toBeLessThan(positions.length);
      expect(new Set(positions).size).toBeGreaterThan(1);
      // No one position holds more than half of the answers.
      const counts = new Map<number, number>();
      for (const p of positions) counts.set(p, (counts.get(p) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBeLessThanOrEqual(positions.length / 2);
    });

    it('the first option of multiple-answer questions is not always right, nor always wrong', () => {
      const firstRight = allQuestions()
        .map(({ question }) => question)
        .filter((q): q is Extract<Question, { type: 'multiple' }> => q.type === 'multiple')
        .map((q) => q.answer.includes(q.options[0].id));
      expect(new Set(firstRight).size).toBe(2);
    });

    it('the correct single-choice option is the longest in at most half of the questions', () => {
      const longest = choice().filter((q) => {
        const right = q.options.find((o) => o.id === q.answer)!.text.length;
        return q.options.every((o) => o.id === q.answer || o.text.length < right);
      });
      expect(longest.map((q) => q.id).length).toBeLessThanOrEqual(choice().length / 2);
    });

    it('true/false answers are not all the same', () => {
      const answers = allQuestions()
        .map(({ question }) => question)
        .filter((q): q is Extract<Question, { type: 'truefalse' }> => q.type === 'truefalse')
        .map((q) => q.answer);
      expect(new Set(answers).size).toBe(2);
    });
  });
});
