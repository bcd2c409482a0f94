// The course's content rules (citations, Cite and Term ids, plain-language grade, authoring marks,
// reference and glossary integrity), run by the build (src/content.config.ts, when the collections load)
// so that a bad lesson fails `npm run build`, not only `npm test`. Each problem is one line naming
// the file (and the line, block or field). The ketamine course's own house style (both depths in
// every section, notes, key points) is a test of that course (tests/unit/content-rules.test.ts),
// not a rule for every course built with this engine. The rules themselves, with their tests, live in
// content-rules.ts, readability.ts and authoring-vocabulary.ts; the unit tests run the same rules
// over the real course and over broken fixtures.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { authoringVocabularyInData, authoringVocabularyInLesson } from './authoring-vocabulary';
import {
  duplicateIds,
  uncitedNumbers,
  unknownCiteIds,
  unknownRelatedTerms,
  unknownTermIds,
  unusedReferences,
} from './content-rules';
import { fleschKincaidGrade, readabilityBlocks } from './readability';

/** Plain language reads at this Flesch–Kincaid grade or below (DESIGN.md: patients on a phone). */
export const MAX_PLAIN_GRADE = 8;

interface Entry {
  id: string;
  plain?: string;
  related?: string[];
}

function yamlList(dir: string, name: string, shown: string): Entry[] {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(join(dir, name), 'utf8'));
  } catch {
    return []; // missing or unparsable: the collection's own schema reports it, naming the file
  }
  if (!Array.isArray(data)) return [];
  return data.filter((e): e is Entry => !!e && typeof e === 'object' && typeof (e as Entry).id === 'string').map((e) => ({ ...e, shown } as Entry));
}

/** Every content-rule problem of the course in `dir` (lessons/ or a synthetic course), one line each. */
export function courseProblems(dir: string): string[] {
  const shown = dir.replace(/^\.\//, '').replace(/\/+$/, '');
  const names = readdirSync(dir).sort();
  const references = yamlList(dir, 'references.yaml', shown);
  const glossary = yamlList(dir, 'glossary.yaml', shown);
  const referenceIds = references.map((r) => r.id);
  const glossaryIds = glossary.map((t) => t.id);
  const problems: string[] = [];

  const lessons = names.filter((n) => n.endsWith('.mdx')).map((n) => ({ file: `${shown}/${n}`, source: readFileSync(join(dir, n), 'utf8') }));
  for (const { file, source } of lessons) {
    problems.push(...authoringVocabularyInLesson(file, source));
    for (const b of uncitedNumbers(source)) {
      problems.push(`${file}:${b.line}: ${b.kind} with ${b.numbers.join(', ')} and no <Cite>: "${b.text.trim().slice(0, 80)}"`);
    }
    for (const id of unknownCiteIds(source, referenceIds)) problems.push(`${file}: <Cite id="${id}"> is not in references.yaml`);
    for (const id of unknownTermIds(source, glossaryIds)) problems.push(`${file}: <Term id="${id}"> is not in glossary.yaml`);
    for (const b of readabilityBlocks(file, source)) {
      if (b.grade > MAX_PLAIN_GRADE) {
        const where = b.kind === 'summary' ? 'summary' : `<Plain> block ${b.index}`;
        problems.push(`${file}: ${where} "${b.firstWords}…" reads at grade ${b.grade} (plain language: ${MAX_PLAIN_GRADE} or below)`);
      }
    }
  }
  for (const name of names.filter((n) => n.endsWith('.yaml'))) {
    problems.push(...authoringVocabularyInData(`${shown}/${name}`, parseYaml(readFileSync(join(dir, name), 'utf8'))));
  }
  for (const id of duplicateIds(references)) problems.push(`${shown}/references.yaml: id "${id}" is used twice`);
  for (const id of duplicateIds(glossary)) problems.push(`${shown}/glossary.yaml: id "${id}" is used twice`);
  for (const link of unknownRelatedTerms(glossary)) problems.push(`${shown}/glossary.yaml: related: ${link} is not a term`);
  for (const t of glossary) {
    const grade = t.plain ? fleschKincaidGrade(t.plain) : 0;
    if (grade > MAX_PLAIN_GRADE) problems.push(`${shown}/glossary.yaml: ${t.id}.plain reads at grade ${grade.toFixed(1)} (plain language: ${MAX_PLAIN_GRADE} or below)`);
  }
  for (const id of unusedReferences(lessons.map((l) => l.source), referenceIds)) {
    problems.push(`${shown}/references.yaml: ${id} is cited by no lesson`);
  }
  return problems;
}

/** Fails the build with every problem at once (an author fixes them in one round). */
export function assertCourseRules(dir: string): void {
  const problems = courseProblems(dir);
  if (problems.length) {
    throw new Error(`The course breaks ${problems.length} content rule(s):\n${problems.join('\n')}`);
  }
}
