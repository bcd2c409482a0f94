// The offline course: after the build (and after the search indexes), Workbox's generateSW writes
// dist/sw.js, which precaches every page, style, script and search file with a content hash, so a
// visit that installed it can read the whole course with the network off, and a new build is seen
// as a new version (src/features/offline/offline.ts offers the reload). A navigation to a page that
// is not in the cache, while offline, gets the friendly /offline/ page.
import { generateSW } from 'workbox-build';
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
  const { count, size, warnings } = await generateSW({
    globDirectory: root,
    globPatterns: ['**/*.{html,js,css,svg,png,json,webmanifest,txt,pagefind,pf_meta,pf_index,pf_fragment}'],
    // Authors' pages are not for learners; the headers file is for the host.
    globIgnores: ['sw.js', 'authoring/**', '_headers', 'sitemap-*.xml'],
    swDest: join(root, 'sw.js'),
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    cleanupOutdatedCaches: true,
    directoryIndex: 'index.html',
    // ?audience= and ?q= select nothing the cached page does not already hold; Pagefind adds ?ts= to
    // its index files to defeat HTTP caches, and the precache holds the right version of each.
    ignoreURLParametersMatching: [/^audience$/, /^q$/, /^ts$/, /^utm_/],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    runtimeCaching: [
      {
        urlPattern: ({ request }) => request.mode === 'navigate',
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: '/offline/index.html' } },
      },
    ],
  });
  if (warnings.length) throw new Error(`service worker: ${warnings.join('; ')}`);
  logger?.info(`service worker written: ${count} files precached (${Math.round(size / 1024)} KB)`);
}

export default function offline() {
  return {
    name: 'course:offline',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // An LMS package is served by the LMS, in its frame, under its paths: no service worker.
        if (process.env.PUBLIC_LMS_PACKAGE === '1') return;
        await writeOfflineClient(fileURLToPath(dir));
        await writeServiceWorker(fileURLToPath(dir), logger);
      },
    },
  };
}
