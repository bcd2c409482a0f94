// The offline course: after the build (and after the search indexes), this writes dist/sw.js
// (src/features/offline/sw.ts with Workbox's precache manifest), which precaches every page, style, script and search file with a content hash, so a
// visit that installed it can read the whole course with the network off, and a new build is seen
// as a new version (src/features/offline/offline.ts offers the reload). A navigation to a page that
// is not in the cache, while offline, gets the friendly /offline/ page.
// The manifest module alone: workbox-build's index also loads generateSW's Rollup, Babel and
// Terser, ~0.6 s of cpu each time the config is loaded (every build, dev and vitest run; #13).
import { getManifest } from 'workbox-build/build/get-manifest.js';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The page side (workbox-window and the two notes), bundled on its own for register.ts to import. */
export async function writeOfflineClient(root) {
  await build({
    entryPoints: [fileURLToPath(new URL('../features/offline/offline.ts', import.meta.url))],
    outfile: join(root, 'offline-client.js'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'silent',
  });
}

export async function writeServiceWorker(root, logger) {
  // The manifest only (glob and content hashes); the worker itself is src/features/offline/sw.ts,
  // bundled with esbuild: generateSW's Rollup + Babel + Terser pass cost ~7 s of cpu a build.
  const { manifestEntries, count, size, warnings } = await getManifest({
    globDirectory: root,
    globPatterns: ['**/*.{html,js,css,svg,png,json,webmanifest,txt,pagefind,pf_meta,pf_index,pf_fragment}'],
    // Authors' pages are not for learners; the headers file is for the host.
    globIgnores: ['sw.js', 'authoring/**', '_headers', 'sitemap-*.xml'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
  await build({
    entryPoints: [fileURLToPath(new URL('../features/offline/sw.ts', import.meta.url))],
    outfile: join(root, 'sw.js'),
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'silent',
    define: { 'self.__WB_MANIFEST': JSON.stringify(manifestEntries), 'process.env.NODE_ENV': '"production"' },
  });
  logger?.info(`service worker written: ${count} files precached (${Math.round(size / 1024)} KB)`);
}

export default function offline() {
  return {
    name: 'course:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // An LMS package is served by the LMS, in its frame, under its paths: no service worker.
        if (process.env.PUBLIC_LMS_PACKAGE === '1') return;
        // The listing-page test's build (tests/unit/scale-pages.test.ts) needs no service worker.
        if (process.env.COURSE_LISTING_ONLY === '1') return;
        await writeOfflineClient(fileURLToPath(dir));
        await writeServiceWorker(fileURLToPath(dir), logger);
      },
    },
  };
}
