// Reading grade of the course's plain-language text.
//
// Flesch–Kincaid grade level (Kincaid et al., 1975):
//   grade = 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59
// Syllables of English words are counted with wooorm's `syllable` package (dictionary of
// exceptions + rules). The rest is defined here, so the test and the authors share one rule:
//   - A sentence ends at . ! or ? followed by a space or the end of the text. Every paragraph,
//     list item, heading, table cell and caption is its own sentence (plainText() ends each with
//     a full stop if it has none), so a table or a list is not read as one huge sentence.
//     Avoid abbreviations with full stops ("e.g.", "Dr.") in plain text: they split sentences.
//   - A word is any whitespace-separated token with a letter or a digit. En and em dashes and
//     slashes separate words ("2–4" is two numbers); hyphenated words stay one word.
//   - A number counts one syllable per digit, up to 4 ("9" → 1, "52" → 2, "2019" → 4), plus 2 for a
//     percent sign. That is close to how numbers are read aloud, and never counts them as free.
import { parse as parseYaml } from 'yaml';
import { syllable } from 'syllable';

// A course repeats its words; the build counts each distinct word once (syllable() is the slow part).
const counted = new Map<string, number>();

/** Counts the syllables of one token as defined above. */
export function syllablesOf(token: string): number {
  let n = counted.get(token);
  if (n === undefined) counted.set(token, (n = countSyllables(token)));
  return n;
}

function countSyllables(token: string): number {
  const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}%]+$/gu, '');
  if (!word) return 0;
  if (/^[\d.,]+%?$/.test(word)) {
    const digits = word.replace(/\D/g, '').length;
    return Math.max(1, Math.min(4, digits)) + (word.endsWith('%') ? 2 : 0);
  }
  return Math.max(1, syllable(word));
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

/** Word, sentence and syllable counts of already-plain text (see plainText). */
export function textStats(text: string): TextStats {
  const tokens = text
    .split(/[\s\u2013\u2014/]+/)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  const words = tokens.length;
  if (words === 0) return { words: 0, sentences: 0, syllables: 0 };
  const ends = text.match(/[.!?]+(?=["'’”)\]]*(\s|$))/g);
  const sentences = Math.max(1, ends ? ends.length : 0);
  const syllables = tokens.reduce((sum, t) => sum + syllablesOf(t), 0);
  return { words, sentences, syllables };
}

/** Flesch–Kincaid grade level of plain text. Empty text scores 0. */
export function fleschKincaidGrade(text: string): number {
  const { words, sentences, syllables } = textStats(text);
  if (words === 0) return 0;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&nbsp;': ' ', '&quot;': '"' };

// Closing or opening tags after which the reader's eye starts a new unit (sentence).
const BLOCK_TAG = /<\/?(p|li|ol|ul|td|th|tr|caption|table|thead|tbody|div|section|h[1-6]|br|dt|dd|dl|figcaption|figure|blockquote)\b[^>]*>/gi;

/**
 * Strips an MDX fragment to the words a reader sees, one unit (paragraph, list item, heading,
 * table cell, caption) per line, each ending with sentence punctuation.
 * Removes: frontmatter, import/export lines, {comments}, expressions, self-closing components
 * (<Cite/>, <SlideBreak/>, …), <Notes> blocks (not shown to readers), tags (keeping their text),
 * markdown syntax (headings, list markers, emphasis, links, code, table pipes, blockquotes).
 */
export function plainText(mdxFragment: string): string {
  let s = mdxFragment.replace(/\r\n?/g, '\n');
  s = s.replace(/^---\n[\s\S]*?\n---\n/, '');
  s = s.replace(/^(import|export)\s.*$/gm, '');
  s = s.replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
  s = s.replace(/<Notes>[\s\S]*?<\/Notes>/g, '\n');
  s = s.replace(/\{[^{}]*\}/g, ' ');
  s = s.replace(/<[A-Za-z][\w.]*(\s[^<>]*)?\/>/g, ''); // self-closing components and tags
  s = s.replace(BLOCK_TAG, '\n');
  s = s.replace(/<\/?[A-Za-z][\w.]*(\s[^<>]*)?>/g, ''); // other tags: keep their text
  s = s.replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? ' ');

  const units: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    if (/[\p{L}\p{N}]/u.test(text)) units.push(/[.!?:;]["'’”)]*$/.test(text) ? text : `${text}.`);
    current = [];
  };
  for (const raw of s.split('\n')) {
    let line = raw.trim();
    if (!line || /^\|?\s*:?-{3,}/.test(line) || /^(-{3,}|\*{3,})$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('|')) {
      // Markdown table row: each cell is a unit.
      flush();
      for (const cell of line.replace(/^\||\|$/g, '').split('|')) {
        current.push(stripInline(cell));
        flush();
      }
      continue;
    }
    const starts = /^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/;
    if (starts.test(line)) {
      flush();
      line = line.replace(/^(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)+/, '');
    }
    current.push(stripInline(line));
  }
  flush();
  return units.join('\n');
}

function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!<>])/g, '$1')
    .trim();
}

export interface ReadabilityBlock {
  /** File the block came from, as given by the caller. */
  file: string;
  /** 'summary' for the frontmatter summary, 'plain' for a <Plain> block. */
  kind: 'summary' | 'plain';
  /** 1-based position of the <Plain> block in the file (0 for the summary). */
  index: number;
  /** The first words of the block, to find it in the file. */
  firstWords: string;
  text: string;
  grade: number;
}

/** The raw contents of every <Plain>…</Plain> block, in order. */
export function plainBlocksOf(mdx: string): string[] {
  return [...mdx.matchAll(/<Plain>([\s\S]*?)<\/Plain>/g)].map((m) => m[1] ?? '');
}

/** The `summary` field of the frontmatter, or undefined. */
export function summaryOf(mdx: string): string | undefined {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(mdx);
  if (!fm) return undefined;
  const data = parseYaml(fm[1] ?? '') as Record<string, unknown> | null;
  return typeof data?.summary === 'string' ? data.summary : undefined;
}

function block(file: string, kind: ReadabilityBlock['kind'], index: number, raw: string): ReadabilityBlock {
  const text = plainText(raw);
  return {
    file,
    kind,
    index,
    firstWords: text.split(/\s+/).slice(0, 8).join(' '),
    text,
    grade: Math.round(fleschKincaidGrade(text) * 10) / 10,
  };
}

/** Every reader-facing plain-language block of one lesson: the summary, then each <Plain> block. */
export function readabilityBlocks(file: string, mdx: string): ReadabilityBlock[] {
  const blocks: ReadabilityBlock[] = [];
  const summary = summaryOf(mdx);
  if (summary) blocks.push(block(file, 'summary', 0, summary));
  plainBlocksOf(mdx).forEach((raw, i) => blocks.push(block(file, 'plain', i + 1, raw)));
  return blocks;
}

/** All blocks of many lessons, hardest first: report.blocks[0] is the highest grade. */
export function readabilityReport(files: { file: string; source: string }[]) {
  const blocks = files.flatMap(({ file, source }) => readabilityBlocks(file, source));
  blocks.sort((a, b) => b.grade - a.grade);
  return { blocks, highest: blocks[0] };
}
