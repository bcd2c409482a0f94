#!/usr/bin/env node
// npm run package: the course as three LMS packages, packages/<course>-scorm12.zip,
// -scorm2004.zip and -cmi5.zip. The site is built once (with PUBLIC_LMS_PACKAGE=1, which adds the
// page side of the LMS link to every page) into .lms-build/; the pages are the same for the three
// targets, so each package is that build post-processed: links made relative (an LMS serves the
// package from a folder of its choosing, often with no directory index), the launcher page with
// its target's adapter, the course map, the manifest and the schema files its standard requires.
//   node scripts/package.mjs [--no-build] [--only scorm12,cmi5]
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'esbuild';
import { parse } from 'yaml';
import config from '../src/course/config.ts';
import { packagePath } from '../src/features/lms/paths.ts';
import { SCHEMA_FILES, cmi5Course, scorm12Manifest, scorm2004Manifest } from './package-manifests.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, '.lms-build');
const OUT = join(ROOT, 'packages');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : ['scorm12', 'scorm2004', 'cmi5'];
export const TARGETS = only;

/** lessons/*.mdx front matter and *.quiz.yaml → the course map the adapter reads (course-map.ts). */
export function courseMap(lessonsDir = resolve(ROOT, process.env.COURSE_DIR ?? 'lessons')) {
  const names = readdirSync(lessonsDir);
  const banks = new Map();
  for (const name of names.filter((n) => n.endsWith('.quiz.yaml'))) {
    const bank = parse(readFileSync(join(lessonsDir, name), 'utf8'));
    banks.set(bank.lesson, bank.questions);
  }
  const lessons = names
    .filter((n) => /\.mdx?$/.test(n))
    .map((name) => {
      const front = parse(readFileSync(join(lessonsDir, name), 'utf8').split(/^---$/m)[1]);
      const slug = name.replace(/\.mdx?$/, '').replace(/^\d+[-_]/, '');
      return { order: front.order, slug, title: front.title };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ slug, title }) => ({
      slug,
      title,
      questions: (banks.get(slug) ?? []).map((q) => ({
        id: q.id,
        type: q.type,
        keys: q.type === 'ordering' ? q.items.map((i) => i.id) : q.type === 'matching' ? q.pairs.map((p) => p.id) : q.type === 'truefalse' ? [] : q.options.map((o) => o.id),
        ...(q.answer !== undefined && { answer: q.answer }),
        prompt: q.prompt,
      })),
    }));
  for (const l of lessons) {
    for (const q of l.questions) {
      // The codec writes one base-36 digit per option (course-map.ts, codec.ts).
      if (q.keys.length > 36) throw new Error(`${l.slug}/${q.id}: more than 36 options, items or pairs`);
    }
  }
  return { id: config.id, title: config.title, masteryScore: config.masteryScore, completion: config.completion, lessons };
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Root-relative URLs in attributes ("/lessons/x/", "/_astro/y.js") made relative to the page. */
export function relativiseHtml(html, depth) {
  // The sitemap lists the plain site's URLs and is left out of packages, so is its link.
  const out = html.replace(/<link rel="sitemap"[^>]*>/, '').replace(/(\s[a-zA-Z:-]+=")(\/(?!\/)[^"]*)"/g, (_, attr, url) => `${attr}${packagePath(url, depth)}"`);
  // page.ts reads the depth to fix links that islands render at run time.
  return out.replace('<head>', `<head><meta name="lms-depth" content="${depth}">`);
}

const LAUNCHER_HTML = (title) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="lms/launcher.css" />
    <script type="module" src="lms/launcher.js"></script>
  </head>
  <body>
    <p id="lms-status" role="status">Opening the course…</p>
    <iframe id="course" title="${title}" hidden></iframe>
  </body>
</html>
`;
const LAUNCHER_CSS = `:root{color-scheme:light dark}
html,body{margin:0;height:100%}
body{font:1rem/1.5 system-ui,sans-serif;display:flex;flex-direction:column}
#lms-status{margin:0;padding:.5rem 1rem;border-bottom:2px solid;max-width:none}
#lms-status:empty{padding:0;border:0}
#course{flex:1;width:100%;border:0}
`;

async function launcherBundle(target) {
  const result = await build({
    entryPoints: [join(ROOT, 'src/features/lms/launcher.ts')],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    write: false,
    define: { __LMS_TARGET__: JSON.stringify(target) },
    logLevel: 'warning',
  });
  return result.outputFiles[0].contents;
}

async function main() {
  if (!args.includes('--no-build')) {
    const started = performance.now();
    const result = spawnSync('npx', ['astro', 'build', '--outDir', BUILD], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PUBLIC_LMS_PACKAGE: '1', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
    console.log(`Built the packaged site in ${Math.round((performance.now() - started) / 1000)} s`);
  }
  if (!existsSync(BUILD)) throw new Error('No .lms-build/: run without --no-build');
  const map = courseMap();
  const site = {};
  for (const file of walk(BUILD)) {
    const rel = relative(BUILD, file).split('\\').join('/');
    if (/^sitemap.*\.xml$/.test(rel)) continue; // an LMS has no use for a sitemap of localhost URLs
    const bytes = readFileSync(file);
    site[rel] = rel.endsWith('.html') ? new TextEncoder().encode(relativiseHtml(bytes.toString('utf8'), rel.split('/').length - 1)) : bytes;
  }
  // The page side of the LMS link: the PageHead script chunk (same in the three packages).
  const pageChunk = Object.keys(site).find((f) => /^_astro\/PageHead\.astro_astro_type_script.*\.js$/.test(f));
  if (!pageChunk) throw new Error('The packaged build has no LMS page script (PageHead.astro, PUBLIC_LMS_PACKAGE)');
  mkdirSync(OUT, { recursive: true });
  const sizes = {};
  for (const target of TARGETS) {
    const launcher = await launcherBundle(target);
    const files = {
      ...site,
      'lms.html': new TextEncoder().encode(LAUNCHER_HTML(config.title)),
      'lms/launcher.js': launcher,
      'lms/launcher.css': new TextEncoder().encode(LAUNCHER_CSS),
      'lms/course.json': new TextEncoder().encode(JSON.stringify(map)),
    };
    const content = Object.keys(files).sort();
    if (target === 'cmi5') {
      files['cmi5.xml'] = new TextEncoder().encode(cmi5Course(config));
    } else {
      const schemaDir = join(ROOT, 'src/features/lms/schemas', target);
      for (const name of SCHEMA_FILES[target]) files[name] = readFileSync(join(schemaDir, name));
      files['imsmanifest.xml'] = new TextEncoder().encode(target === 'scorm12' ? scorm12Manifest(config, content) : scorm2004Manifest(config, content));
    }
    const zip = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, [v, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') }]])));
    const name = `${config.id}-${target}.zip`;
    writeFileSync(join(OUT, name), zip);
    sizes[target] = { launcher: gzipSync(launcher, { level: 9 }).length, page: gzipSync(site[pageChunk], { level: 9 }).length, zip: zip.length };
    console.log(`packages/${name}: ${(zip.length / 1024).toFixed(0)} KB, ${content.length} files; adapter (lms/launcher.js) ${sizes[target].launcher} B gzip, page link ${sizes[target].page} B gzip`);
  }
  writeFileSync(join(OUT, 'sizes.json'), JSON.stringify(sizes, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
