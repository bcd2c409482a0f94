// Medical-content rules for lessons, as pure functions over raw MDX text and parsed YAML, so the
// unit tests (and any script) can run them without building the site.
//
// The citation rule (uncitedNumbers):
//   Every number in a <Clinical> block must have a <Cite id="…"/> in the same *block*, where a block is
//     - a paragraph (text between blank lines),
//     - a markdown list item (with its continuation lines) or an HTML <li>,
//     - an HTML table cell (<td>, <th>) or <caption>; a cell also counts as cited when the header
//       cell of its row (<th scope="row">) carries the Cite, so one Cite can source a whole row,
//     - a markdown table cell, with the first cell of its row acting as the row header.
//   What counts as a number: a run of ASCII digits (with decimals, thousands separators and an
//   optional %), not touching a letter or digit, and not following "letter-" (so identifiers
//   such as mTORC1, GluN2B, (2R,6R), PHQ-9, TRANSFORM-2 or NCT04977674 are names, not figures).
//   Exempt, because they are structure, not claims:
//     - text inside tags and component attributes (<Cite id="han-2016"/>), and {expressions};
//     - headings (lines starting with #) and markdown list markers ("1. ");
//     - cross-references: "lesson 3", "lessons 5 and 8", "step 2", "section 4", "§7", "table 1",
//       "figure 2", "question 6", "part 2", "chapter 5".
//   Everything else, including years ("2019–21 label"), doses, ages and counts, needs a Cite.

export interface ContentBlock {
  /** 1-based line in the MDX source where the block starts. */
  line: number;
  kind: 'paragraph' | 'list-item' | 'table-cell' | 'caption';
  /** The raw MDX text of the block. */
  text: string;
  /** True when the block, or its row header, contains a <Cite>. */
  cited: boolean;
}

export interface UncitedBlock extends ContentBlock {
  /** The numbers found in the block, in order. */
  numbers: string[];
}

const CITE = /<Cite\b/;

// Newline offsets of the last source asked about: a lesson has hundreds of blocks, and counting
// from the start for each one made the rule quadratic (seconds at 500 lessons).
let newlinesOf: { source: string; at: number[] } = { source: '', at: [] };

function lineAt(source: string, index: number): number {
  if (newlinesOf.source !== source) {
    const at: number[] = [];
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) at.push(i);
    newlinesOf = { source, at };
  }
  // 1 + the number of newlines before index (binary search).
  const { at } = newlinesOf;
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

/** Replaces a matched span with spaces and the same newlines, so later offsets stay valid. */
export function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

/** Raw contents of the <Clinical>…</Clinical> blocks, with the offset where each content starts. */
export function clinicalBlocks(mdx: string): { content: string; offset: number }[] {
  return [...mdx.matchAll(/<Clinical>([\s\S]*?)<\/Clinical>/g)].map((m) => ({
    content: m[1] ?? '',
    offset: (m.index ?? 0) + '<Clinical>'.length,
  }));
}

/**
 * Splits an MDX fragment into citation blocks (see the rule at the top of this file).
 * `baseOffset` is where the fragment starts in `source`, for line numbers.
 */
export function splitBlocks(fragment: string, source = fragment, baseOffset = 0): ContentBlock[] {
  const blocks: ContentBlock[] = [];
  let rest = fragment.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank).replace(/<Notes>[\s\S]*?<\/Notes>/g, blank);
  const at = (i: number) => lineAt(source, baseOffset + i);

  // HTML tables: captions and cells; a <th scope="row"> cites for its whole row.
  rest = rest.replace(/<table\b[\s\S]*?<\/table>/g, (table, tableIndex: number) => {
    for (const cap of table.matchAll(/<caption\b[^>]*>([\s\S]*?)<\/caption>/g)) {
      const text = cap[1] ?? '';
      blocks.push({ line: at(tableIndex + (cap.index ?? 0)), kind: 'caption', text, cited: CITE.test(text) });
    }
    for (const row of table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)) {
      const rowText = row[1] ?? '';
      const rowIndex = tableIndex + (row.index ?? 0);
      const cells = [...rowText.matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/g)];
      const header = cells.find((c) => c[1] === 'th' && /scope=["']row["']/.test(c[2] ?? ''));
      const headerCited = header ? CITE.test(header[3] ?? '') : false;
      for (const cell of cells) {
        const text = cell[3] ?? '';
        blocks.push({
          line: at(rowIndex),
          kind: 'table-cell',
          text,
          cited: CITE.test(text) || (cell !== header && headerCited),
        });
      }
    }
    return blank(table);
  });

  // HTML list items (e.g. <ol class="timeline">).
  rest = rest.replace(/<li\b[^>]*>([\s\S]*?)<\/li>/g, (li, text: string, index: number) => {
    blocks.push({ line: at(index), kind: 'list-item', text, cited: CITE.test(text) });
    return blank(li);
  });

  // Markdown: paragraphs, list items, table rows.
  const lines = rest.split('\n');
  let offset = 0;
  let current: { start: number; kind: ContentBlock['kind']; lines: string[] } | undefined;
  const flush = () => {
    if (current) {
      const text = current.lines.join('\n');
      if (text.trim()) blocks.push({ line: at(current.start), kind: current.kind, text, cited: CITE.test(text) });
    }
    current = undefined;
  };
  for (const raw of lines) {
    const line = raw.trim();
    const lineOffset = offset;
    offset += raw.length + 1;
    if (!line || /^#{1,6}\s/.test(line) || /^<\/?(ol|ul|table|thead|tbody)\b[^>]*>$/.test(line)) {
      flush();
      continue;
    }
    if (line.startsWith('|')) {
      flush();
      if (/^\|?[\s:|-]+\|?$/.test(line)) continue; // separator row
      const cells = line.replace(/^\||\|$/g, '').split('|');
      const headerCited = CITE.test(cells[0] ?? '');
      cells.forEach((cell, i) =>
        blocks.push({
          line: at(lineOffset),
          kind: 'table-cell',
          text: cell,
          cited: CITE.test(cell) || (i > 0 && headerCited),
        }),
      );
      continue;
    }
    if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      current = { start: lineOffset, kind: 'list-item', lines: [line] };
      continue;
    }
    if (!current) current = { start: lineOffset, kind: 'paragraph', lines: [] };
    current.lines.push(line);
  }
  flush();
  return blocks.sort((a, b) => a.line - b.line);
}

const CROSS_REFERENCE =
  /(?:\b(?:lessons?|steps?|sections?|tables?|figures?|questions?|parts?|chapters?)|§)\s*\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*/gi;

/** The numbers in a block's text that count as figures under the rule above. */
export function numbersIn(text: string): string[] {
  const visible = text
    .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '') // list markers
    .replace(/^\s*#{1,6}\s.*$/gm, '') // headings
    .replace(/<[^<>]*>/g, ' ') // tags and their attributes
    .replace(/\{[^{}]*\}/g, ' ') // expressions
    .replace(/&[a-z]+;/g, ' ')
    .replace(CROSS_REFERENCE, ' ');
  return [...visible.matchAll(/(?<![\p{L}\p{N}_.]|\p{L}-)\d+(?:[.,]\d+)*(?:\s?%)?(?![\p{L}\p{N}_])/gu)].map(
    (m) => m[0],
  );
}

/** Clinical blocks that contain a number but no <Cite> in the same block (or row header). */
export function uncitedNumbers(mdx: string): UncitedBlock[] {
  const out: UncitedBlock[] = [];
  for (const { content, offset } of clinicalBlocks(mdx)) {
    for (const block of splitBlocks(content, mdx, offset)) {
      if (block.cited) continue;
      const numbers = numbersIn(block.text);
      if (numbers.length) out.push({ ...block, numbers });
    }
  }
  return out;
}

/** Every id used in <Cite id="…"/>, in order of appearance (with repeats). */
export function citeIds(mdx: string): string[] {
  return [...mdx.matchAll(/<Cite\b[^>]*?\bid=["']([^"']*)["'][^>]*>/g)].map((m) => m[1] ?? '');
}

/** Every id used in <Term id="…">, in order of appearance (with repeats). */
export function termIds(mdx: string): string[] {
  return [...mdx.matchAll(/<Term\b[^>]*?\bid=["']([^"']*)["'][^>]*>/g)].map((m) => m[1] ?? '');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Cite ids in the lesson with no entry in references.yaml. A <Cite> without an id counts as "". */
export function unknownCiteIds(mdx: string, referenceIds: Iterable<string>): string[] {
  const known = new Set(referenceIds);
  const withoutId = [...mdx.matchAll(/<Cite\b(?![^>]*\bid=)[^>]*>/g)].map(() => '');
  return unique([...citeIds(mdx), ...withoutId].filter((id) => !known.has(id)));
}

/** Reference ids that no lesson cites. */
export function unusedReferences(mdxSources: string[], referenceIds: Iterable<string>): string[] {
  const cited = new Set(mdxSources.flatMap(citeIds));
  return [...referenceIds].filter((id) => !cited.has(id));
}

/** Term ids in the lesson with no entry in glossary.yaml. A <Term> without an id counts as "". */
export function unknownTermIds(mdx: string, glossaryIds: Iterable<string>): string[] {
  const known = new Set(glossaryIds);
  const withoutId = [...mdx.matchAll(/<Term\b(?![^>]*\bid=)[^>]*>/g)].map(() => '');
  return unique([...termIds(mdx), ...withoutId].filter((id) => !known.has(id)));
}

/** Glossary `related` ids that point at no entry, as "from → to". */
export function unknownRelatedTerms(entries: { id: string; related?: string[] }[]): string[] {
  const known = new Set(entries.map((e) => e.id));
  return entries.flatMap((e) => (e.related ?? []).filter((r) => !known.has(r)).map((r) => `${e.id} → ${r}`));
}

/** Ids that occur more than once in a list of entries. */
export function duplicateIds(entries: { id: string }[]): string[] {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const { id } of entries) (seen.has(id) ? dupes : seen).add(id);
  return [...dupes];
}

// ---------------------------------------------------------------------------------------------
// Lesson structure: the shape the reading, slide and print views rely on.

export interface Section {
  /** The `##` heading text; '' for the introduction before the first heading. */
  heading: string;
  /** 1-based line of the heading (or 1 for the introduction). */
  line: number;
  body: string;
}

/** The body without frontmatter. */
export function bodyOf(mdx: string): string {
  return mdx.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
}

/** Splits a lesson at its `##` headings (the introduction comes first, with heading ''). */
export function sections(mdx: string): Section[] {
  const frontmatter = mdx.slice(0, mdx.length - bodyOf(mdx).length);
  const frontmatterLines = frontmatter ? frontmatter.split('\n').length - 1 : 0;
  const out: Section[] = [{ heading: '', line: frontmatterLines + 1, body: '' }];
  bodyOf(mdx)
    .split('\n')
    .forEach((line, i) => {
      const h = /^##\s+(.+?)\s*$/.exec(line);
      if (h) out.push({ heading: h[1] ?? '', line: frontmatterLines + i + 1, body: '' });
      else out[out.length - 1]!.body += `${line}\n`;
    });
  return out;
}

/** GitHub-style slug of a heading, as used for its anchor: "Response is not remission" → "response-is-not-remission". */
export function headingSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Problems with a lesson's structure, one line each (empty when the lesson is well formed). */
export function structureProblems(mdx: string, options: { diagram?: boolean } = {}): string[] {
  const problems: string[] = [];
  const body = bodyOf(mdx);
  const all = sections(mdx);
  if (/^#\s/m.test(body)) problems.push('uses a level-1 heading (#); lesson titles come from the frontmatter');
  if (/^\s*import\s/m.test(body)) problems.push('imports something; components are provided by the page');
  const slugs = new Map<string, string>();
  for (const s of all) {
    const name = s.heading ? `section "${s.heading}" (line ${s.line})` : 'introduction';
    if (!/<Plain>/.test(s.body)) problems.push(`${name} has no <Plain> block`);
    if (!/<Clinical>/.test(s.body)) problems.push(`${name} has no <Clinical> block`);
    if (s.heading) {
      const slug = headingSlug(s.heading);
      if (slugs.has(slug)) problems.push(`${name} repeats the anchor #${slug}`);
      slugs.set(slug, s.heading);
      if (!/<Notes>/.test(s.body)) problems.push(`${name} has no <Notes> for trainers`);
    }
  }
  const last = all[all.length - 1];
  if (!last || last.heading !== 'Key points') problems.push('the last section is not "## Key points"');
  const quizzes = body.match(/<LessonQuiz\s*\/>/g)?.length ?? 0;
  if (quizzes !== 1) problems.push(`has ${quizzes} <LessonQuiz /> (expected exactly 1)`);
  else if (!/<LessonQuiz\s*\/>\s*$/.test(body)) problems.push('<LessonQuiz /> is not at the very end');
  const diagrams = body.match(/<SynapseDiagram\s*\/>/g)?.length ?? 0;
  if (options.diagram !== undefined) {
    if (options.diagram && diagrams !== 1) problems.push(`diagram: true but has ${diagrams} <SynapseDiagram />`);
    if (!options.diagram && diagrams > 0) problems.push('has <SynapseDiagram /> without diagram: true');
  }
  const opens = (tag: string) => body.match(new RegExp(`<${tag}>`, 'g'))?.length ?? 0;
  const closes = (tag: string) => body.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
  for (const tag of ['Plain', 'Clinical', 'Notes']) {
    if (opens(tag) !== closes(tag)) problems.push(`<${tag}> opened ${opens(tag)} times but closed ${closes(tag)}`);
  }
  return problems;
}

/** Word count of the reader-visible text of a fragment (tags, attributes and expressions removed). */
export function wordCount(fragment: string): number {
  return fragment
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export interface SlideDepthCount {
  heading: string;
  /** 1-based slide within the section (sections split with <SlideBreak />). */
  part: number;
  depth: 'plain' | 'clinical';
  words: number;
}

/** Words per depth on each slide: a section, or each part of it between <SlideBreak />s. */
export function slideWordCounts(mdx: string): SlideDepthCount[] {
  return sections(mdx).flatMap((s) =>
    s.body.split(/<SlideBreak\s*\/>/).flatMap((part, i) =>
      (['plain', 'clinical'] as const).map((depth) => {
        const tag = depth === 'plain' ? 'Plain' : 'Clinical';
        const text = [...part.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]).join('\n');
        return { heading: s.heading, part: i + 1, depth, words: wordCount(text) };
      }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Claims for the reviewer page: the reader-visible sentences (Plain and Clinical blocks) that cite
// a given set of references.

export interface Claim {
  line: number;
  depth: 'plain' | 'clinical';
  /** The block as a reader sees it: tags, citations and expressions removed. */
  text: string;
  /** The reference ids the block cites. */
  ids: string[];
}

/** Reader-visible text of an MDX fragment (tags removed, Term words kept). */
export function readerText(fragment: string): string {
  return fragment
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/^\s*([-*+]|\d+[.)])\s+/gm, '')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:)])/g, '$1')
    .trim();
}

/** Blocks of a lesson that cite any of `ids`, in source order. */
export function claimsCiting(mdx: string, ids: Set<string>): Claim[] {
  const out: Claim[] = [];
  for (const depth of ['plain', 'clinical'] as const) {
    const tag = depth === 'plain' ? 'Plain' : 'Clinical';
    for (const m of mdx.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
      const offset = (m.index ?? 0) + tag.length + 2;
      for (const block of splitBlocks(m[1] ?? '', mdx, offset)) {
        const cited = unique(citeIds(block.text)).filter((id) => ids.has(id));
        if (cited.length) out.push({ line: block.line, depth, text: readerText(block.text), ids: cited });
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}
