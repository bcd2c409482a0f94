// Authoring vocabulary: the fact base's marks for authors ([K], "verify", "fact sheet", "not
// confirmed", "unverified", "label-derived", …) must never reach a learner. Authors keep them in
// MDX comments ({/* … */}), YAML comments, or a reference's `reviewNote` / `reviewFlags`, which
// only the reviewer page (/authoring/review/) shows. Learners read certainty in their own words
// (a reference's `certainty`: "manufacturer information, not peer reviewed").
// Run by the build (src/content.config.ts) and by tests/unit/content-rules.test.ts.
import { bodyOf, blank } from './content-rules';

const AUTHORING_VOCABULARY: [string, RegExp][] = [
  ['[K]', /\[K\]/],
  ['verify', /\bverif(?:y|ied|ying|ication)\b/i],
  ['fact sheet', /\bfact[ -]?(?:sheet|base)\b/i],
  ['not confirmed', /\bnot (?:been )?confirmed\b/i],
  ['unverified', /\bunverified\b/i],
  ['from knowledge', /\bfrom knowledge\b/i],
  ['label-derived', /\blabel-derived\b/i],
  ['addendum', /\baddendum\b/i],
];

/** Fields that are for authors only and may use authoring vocabulary. */
export const AUTHORING_FIELDS = new Set(['reviewNote', 'reviewFlags']);

/** The authoring marks found in a piece of learner-facing text (each mark once). */
export function authoringWords(text: string): string[] {
  return AUTHORING_VOCABULARY.filter(([, re]) => re.test(text)).map(([word]) => word);
}

/** Problems in one lesson's MDX, as "file:line: field: "word"" (empty when clean). */
export function authoringVocabularyInLesson(file: string, mdx: string): string[] {
  const problems: string[] = [];
  const body = bodyOf(mdx);
  const frontmatter = mdx.slice(0, mdx.length - body.length);
  // Frontmatter fields are learner-facing (title, summary, objectives, labelVersion).
  frontmatter.split('\n').forEach((line, i) => {
    const field = /^\s*([A-Za-z]+):/.exec(line)?.[1] ?? 'objectives';
    for (const word of authoringWords(line)) problems.push(`${file}:${i + 1}: ${field}: "${word}"`);
  });
  const offset = frontmatter ? frontmatter.split('\n').length - 1 : 0;
  // MDX comments are for authors; blank them so line numbers stay right.
  const visible = body.replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
  let block = 'text';
  visible.split('\n').forEach((line, i) => {
    const open = /<(Plain|Clinical|Notes)>/.exec(line);
    if (open) block = open[1]!;
    for (const word of authoringWords(line)) problems.push(`${file}:${offset + i + 1}: <${block}>: "${word}"`);
    if (/<\/(Plain|Clinical|Notes)>/.test(line)) block = 'text';
  });
  return problems;
}

/**
 * Problems in parsed YAML content (quiz bank, glossary, references), as "file: path.to.field: "word"".
 * A list entry with an `id` is named by its id ("moaa-s.plain"), otherwise by its index.
 */
export function authoringVocabularyInData(file: string, data: unknown, path: string[] = []): string[] {
  if (typeof data === 'string') {
    return authoringWords(data).map((word) => `${file}: ${path.join('.') || '(root)'}: "${word}"`);
  }
  if (Array.isArray(data)) {
    return data.flatMap((item, i) => {
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : String(i);
      return authoringVocabularyInData(file, item, [...path, id]);
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([key, value]) =>
      AUTHORING_FIELDS.has(key) ? [] : authoringVocabularyInData(file, value, [...path, key]),
    );
  }
  return [];
}
