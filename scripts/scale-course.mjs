// Synthetic courses for bench:scale (scripts/bench-scale.mjs) and the listing-page limits test
// (tests/unit/scale-pages.test.ts): copies of the real lessons with new slugs and orders.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/** The real course: lesson files in order, with their slug. */
function realLessons(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => ({ file, slug: file.replace(/\.mdx$/, '').replace(/^\d+[-_]/, ''), text: readFileSync(join(dir, file), 'utf8') }));
}

/** Writes a course of n lessons into `out`: copy k of real lesson j gets slug "<slug>-k" (the first
 *  copy keeps the real slug, so links between the real lessons still resolve) and order i + 1. */
export function generateCourse(lessonsDir, out, n) {
  mkdirSync(out, { recursive: true });
  const real = realLessons(lessonsDir);
  for (const f of readdirSync(lessonsDir)) {
    if (!f.endsWith('.mdx') && !f.endsWith('.quiz.yaml')) cpSync(join(lessonsDir, f), join(out, f));
  }
  const width = String(n).length < 2 ? 2 : String(n).length;
  for (let i = 0; i < n; i++) {
    const src = real[i % real.length];
    const copy = Math.floor(i / real.length);
    const slug = copy === 0 ? src.slug : `${src.slug}-${copy + 1}`;
    const name = `${String(i + 1).padStart(width, '0')}-${slug}`;
    let text = src.text.replace(/^order: \d+$/m, `order: ${i + 1}`);
    if (copy > 0) {
      text = text.replace(/^patientOrder: \d+\n/m, '').replace(/^title: "?(.*?)"?$/m, (_, t) => `title: "${t} (${copy + 1})"`);
      // Modules: copy k of the course gets its own copy of every module (modules.yaml below).
      text = text.replace(/^module: (\S+)$/m, (_, m) => `module: ${m}-${copy + 1}`);
    }
    writeFileSync(join(out, `${name}.mdx`), text);
    const bank = join(lessonsDir, src.file.replace(/\.mdx$/, '.quiz.yaml'));
    if (existsSync(bank)) writeFileSync(join(out, `${name}.quiz.yaml`), readFileSync(bank, 'utf8').replace(/^lesson: .*$/m, `lesson: ${slug}`));
  }
  const modulesFile = join(lessonsDir, 'modules.yaml');
  if (existsSync(modulesFile)) {
    // Copy k of every module the generated lessons name (the last copy of the course may be partial).
    const used = new Set(readdirSync(out).flatMap((f) => (f.endsWith('.mdx') ? [readFileSync(join(out, f), 'utf8').match(/^module: (\S+)$/m)?.[1]] : [])));
    const defs = parseYaml(readFileSync(modulesFile, 'utf8'));
    const copies = Math.ceil(n / real.length);
    const all = [];
    for (let k = 1; k <= copies; k++) {
      for (const m of defs) {
        const id = k === 1 ? m.id : `${m.id}-${k}`;
        if (used.has(id)) all.push({ ...m, id, title: k === 1 ? m.title : `${m.title} (${k})` });
      }
    }
    writeFileSync(join(out, 'modules.yaml'), stringifyYaml(all));
  }
}
