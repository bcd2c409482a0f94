// npm run bench:scale [-- --sizes 11,100,500 --source <git-rev> --keep --json]
// Generates synthetic courses from the real lessons (copies with new slugs and orders; every Cite and
// Term id stays valid because references and glossary are copied whole; quiz banks and modules are
// copied with them), builds each in a temp copy of the project, and prints wall and cpu time, peak
// memory, pages, dist size, the HTML size and element count of the listing pages, and the largest
// progress record the course can produce. `--source <rev>` builds the project as it was at a commit
// (for before/after comparisons, alternating runs); the load average is printed with every build,
// because on a shared machine cpu time is the figure to compare, not wall time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { distStats, renderTimes } from './scale-stats.mjs';
import { generateCourse } from './scale-course.mjs';

export { generateCourse };

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = opt('sizes', '11,100,500').split(',').map(Number);
const source = opt('source', '');
const keep = args.includes('--keep');
const asJson = args.includes('--json');

/** A temp copy of the project (working tree, or `rev`), with its own node_modules folder of links
 *  so Astro's and Vite's caches (node_modules/.astro, .vite) are not shared with the worktree. */
function projectCopy(rev) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  if (rev) {
    execFileSync('bash', ['-c', `git -C "${ROOT}" archive "${rev}" | tar -x -C "${dir}"`]);
  } else {
    for (const entry of readdirSync(ROOT)) {
      if (['node_modules', 'dist', '.git', '.astro', 'tests', 'test-results', 'playwright-report'].includes(entry)) continue;
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    }
  }
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (entry === '.astro' || entry === '.vite') continue;
    symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

function loadavg() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** Builds `dir`; wall, cpu (user + sys, the build and its children) and peak RSS from GNU time. */
function build(dir) {
  const astro = join(ROOT, 'node_modules/.bin/astro');
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  const load = loadavg();
  const gnuTime = existsSync('/usr/bin/time');
  const started = performance.now();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-v', astro, 'build'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync('bash', ['-c', `"${astro}" build; s=$?; times >&2; exit $s`], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed in ${dir}:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  const err = result.stderr;
  let cpu = NaN;
  let peakMB = NaN;
  if (gnuTime) {
    const num = (label) => Number(err.match(new RegExp(`${label}: ([\\d.]+)`))?.[1]);
    cpu = num('User time \\(seconds\\)') + num('System time \\(seconds\\)');
    peakMB = num('Maximum resident set size \\(kbytes\\)') / 1024;
  } else {
    // `times`: the second line is the children's user and system time, "0m12.345s 0m1.234s".
    const line = err.trim().split('\n').at(-1) ?? '';
    cpu = [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((s, m) => s + Number(m[1]) * 60 + Number(m[2]), 0);
  }
  return { wall, cpu, peakMB, load, render: renderTimes(result.stdout) };
}

/** The largest record the course can produce: every lesson visited, finished and completed, with a
 *  quiz history holding an answer to every question, and the final assessment passed with its answers.
 *  The store compacts a record before it writes it (src/features/progress/compact.ts: answers of
 *  finished quizzes go first, completions never), so the record is compacted the same way, then
 *  serialized and read back by the record module (it must stay readable). */
async function largestRecord(lessonsDir) {
  // The record module imports without file extensions (Vite resolves them), so Node cannot load it as
  // it is: bundle it with esbuild (installed with Vite) into one temporary module first.
  const { build } = await import('esbuild');
  const out = join(mkdtempSync(join(tmpdir(), 'bench-record-')), 'record.mjs');
  await build({
    stdin: { contents: "export * from './record'; export { compactRecord } from './compact';", resolveDir: join(ROOT, 'src/features/progress'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile: out,
    logLevel: 'error',
  });
  const { readRecord, compactRecord, MAX_RECORD_BYTES } = await import(pathToFileURL(out).href);
  const at = '2026-12-02T04:55:00.000Z';
  const lessons = {};
  const assessment = {};
  for (const f of readdirSync(lessonsDir).filter((x) => x.endsWith('.quiz.yaml'))) {
    const text = readFileSync(join(lessonsDir, f), 'utf8');
    const slug = text.match(/^lesson: (\S+)$/m)[1];
    const ids = [...text.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
    // Answers as the quiz keeps them: question id → chosen option ids (the longest form).
    const last = Object.fromEntries(ids.map((id) => [id, ['option-a', 'option-b']]));
    lessons[slug] = {
      visitedAt: at,
      reachedEndAt: at,
      completedAt: at,
      quiz: { attempts: 99, best: ids.length, total: ids.length, passedAt: at, practisedAt: at, lastAt: at, last },
    };
    for (const id of ids.slice(0, 2)) if (Object.keys(assessment).length < 18) assessment[`${slug}/${id}`] = ['option-a', 'option-b'];
  }
  const record = {
    version: 3,
    lessons,
    assessment: { attempts: 99, best: 18, total: 18, seed: 4294967295, passedAt: at, lastAt: at, last: assessment },
  };
  const fullKB = Buffer.byteLength(JSON.stringify(record)) / 1024;
  const raw = JSON.stringify(compactRecord(record).record);
  const outcome = readRecord(raw, at);
  const kept = outcome.kind === 'ok' ? Object.keys(outcome.record.lessons).length : 0;
  return { kb: Buffer.byteLength(raw) / 1024, fullKB, limitKB: MAX_RECORD_BYTES / 1024, readable: outcome.kind, lessonsKept: kept, lessons: Object.keys(lessons).length };
}

// --generate-only <dir>: write the course of the first size there and stop (to look at it).
if (args.includes('--generate-only')) {
  generateCourse(join(ROOT, 'lessons'), resolve(opt('generate-only')), sizes[0]);
  process.exit(0);
}

const results = [];
for (const n of sizes) {
  const dir = projectCopy(source);
  try {
    const lessonsDir = join(dir, 'lessons');
    const real = join(dir, '.real-lessons');
    cpSync(source ? lessonsDir : join(ROOT, 'lessons'), real, { recursive: true });
    rmSync(lessonsDir, { recursive: true, force: true });
    generateCourse(real, lessonsDir, n);
    rmSync(real, { recursive: true, force: true });
    const timing = build(dir);
    const stats = distStats(join(dir, 'dist'));
    let record;
    try {
      record = await largestRecord(lessonsDir);
    } catch (e) {
      record = { error: String(e.message ?? e) };
    }
    const row = { lessons: n, source: source || 'working tree', ...timing, ...stats, record, loadAfter: loadavg() };
    results.push(row);
    if (!asJson) print(row);
  } finally {
    if (keep) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}
if (asJson) console.log(JSON.stringify(results, null, 2));

function print(r) {
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
  console.log(`\n${r.lessons} lessons (${r.source})`);
  console.log(`  build      wall ${f(r.wall)} s, cpu ${f(r.cpu)} s, peak ${f(r.peakMB, 0)} MB; load ${r.load} → ${r.loadAfter}`);
  console.log(`  output     ${r.pages} pages, dist ${f(r.distMB)} MB`);
  for (const [p, s] of Object.entries(r.listing)) {
    console.log(`  ${`/${p.replace(/index\.html$/, '')}`.padEnd(13)}${s ? `${f(s.kb)} KB HTML, ${s.elements} elements` : 'missing'}`);
  }
  // The routes that took most of the rendering (Astro's per-page times; the rest is bundling,
  // content sync and the after-build passes).
  const renderMs = r.render.reduce((s, x) => s + x.ms, 0);
  console.log(`  rendering  ${f(renderMs / 1000)} s over ${r.render.reduce((s, x) => s + x.pages, 0)} files (pages and JSON), most costly routes:`);
  for (const x of r.render.slice(0, 6)) console.log(`    ${x.route.padEnd(36)}${String(x.pages).padStart(5)} × ${f(x.ms / x.pages).padStart(5)} ms = ${f(x.ms / 1000).padStart(5)} s`);
  const rec = r.record;
  console.log(
    rec.error
      ? `  record     ${rec.error}`
      : `  record     largest ${f(rec.kb)} KB as the store writes it (${f(rec.fullKB)} KB before compaction) of ${f(rec.limitKB, 0)} KB allowed; read back: ${rec.readable}, ${rec.lessonsKept} of ${rec.lessons} lessons kept`,
  );
}
