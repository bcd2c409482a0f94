// Search indexes, built after the site (Pagefind's Node API over dist/): one for each reading depth,
// so a reader searches the text they read. The plain index leaves out every clinical block and the
// clinical index every plain one (Plain.astro / Clinical.astro mark them); both leave out site
// chrome, quizzes and controls. Written to dist/search/<depth>/, loaded only when someone searches.
import * as pagefind from 'pagefind';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readdirSync, rmSync } from 'node:fs';

/** The pages worth finding: lessons, the glossary, the references, privacy. */
const PAGES = '{lessons/*/index.html,glossary/index.html,references/index.html,privacy/index.html}';
/** Never indexed at either depth: chrome, controls and the parts that repeat on every lesson. */
const CHROME = [
  'nav', 'noscript', 'form', '.needs-js', '.ask', '.lesson-quiz', '.views', '.course-progress',
  '[data-depth-toggle]', '[data-search-ignore]',
  // A glossary term's pop-up definition: in a result's excerpt it read as words in the middle of the
  // sentence ("a racemic Racemic ketamine A 1:1 mixture … Glossary mixture"); the glossary page has it.
  '.term-popup',
];
export const DEPTHS = { plain: '.depth-clinical', clinical: '.depth-plain' };

export async function buildSearchIndexes(root, logger) {
  const sizes = {};
  for (const [depth, other] of Object.entries(DEPTHS)) {
    const { index, errors } = await pagefind.createIndex({
      rootSelector: 'main',
      excludeSelectors: [...CHROME, other],
      forceLanguage: 'en',
    });
    if (!index) throw new Error(`search index (${depth}): ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: root, glob: PAGES });
    if (added.errors.length) throw new Error(`search index (${depth}): ${added.errors.join('; ')}`);
    if (added.page_count === 0) throw new Error(`search index (${depth}): no pages matched ${PAGES}`);
    const written = await index.writeFiles({ outputPath: join(root, 'search', depth) });
    if (written.errors.length) throw new Error(`search index (${depth}): ${written.errors.join('; ')}`);
    // Pagefind also writes its ready-made interfaces; the course has its own (src/features/search).
    const out = join(root, 'search', depth);
    for (const file of readdirSync(out)) {
      if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(file)) rmSync(join(out, file));
    }
    sizes[depth] = added.page_count;
    await index.deleteIndex();
  }
  await pagefind.close();
  logger?.info(`search indexes written: ${Object.entries(sizes).map(([d, n]) => `${d} ${n} pages`).join(', ')}`);
}

export default function searchIndex() {
  return {
    name: 'course:search-index',
    hooks: {
      // The listing-page test's build (tests/unit/scale-pages.test.ts) needs no search index.
      'astro:build:done': async ({ dir, logger }) => (process.env.COURSE_LISTING_ONLY === '1' ? undefined : buildSearchIndexes(fileURLToPath(dir), logger)),
    },
  };
}
