// The service worker (dist/sw.js), bundled by src/integrations/offline.mjs with esbuild after the
// build, with the precache manifest (every page, style, script and search file with a content hash,
// from workbox-build's getManifest) put in place of self.__WB_MANIFEST. What Workbox's generateSW
// wrote before, without its Rollup + Babel + Terser pass (about 7 s of cpu a build, issue #13):
// precache and serve the course, drop outdated precaches, wait for "Reload to update"
// (offline.ts sends SKIP_WAITING), and answer a navigation to an uncached page, offline, with
// /offline/.
import { cleanupOutdatedCaches, precacheAndRoute, PrecacheFallbackPlugin, type PrecacheEntry } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { NetworkOnly } from 'workbox-strategies';

// The worker's global, as far as this file uses it (the project's TypeScript has no webworker lib).
declare const self: {
  __WB_MANIFEST: PrecacheEntry[];
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  skipWaiting(): Promise<void>;
};

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: 'index.html',
  // ?audience= and ?q= select nothing the cached page does not already hold; Pagefind adds ?ts= to
  // its index files to defeat HTTP caches, and the precache holds the right version of each.
  ignoreURLParametersMatching: [/^audience$/, /^q$/, /^ts$/, /^utm_/],
});
cleanupOutdatedCaches();
registerRoute(({ request }) => request.mode === 'navigate', new NetworkOnly({ plugins: [new PrecacheFallbackPlugin({ fallbackURL: '/offline/index.html' })] }));
