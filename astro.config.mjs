// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { courseHastPlugins } from './src/integrations/satteri-course.mjs';
import { keyPoints } from './src/integrations/key-points.mjs';
import { deckSlides } from './src/integrations/deck-plan.mjs';
import islandStylesInHead from './src/integrations/island-styles-in-head.mjs';
import { siteUrl } from './src/integrations/site-url.mjs';
import securityHeaders, { csp } from './src/integrations/security.mjs';
import searchIndex from './src/integrations/search-index.mjs';
import offline from './src/integrations/offline.mjs';
import lessonImports from './src/integrations/lesson-imports.mjs';

// The site is static: every page is HTML on disk, served from localhost or any static host.
export default defineConfig({
  // The address the course is published at, for the sitemap and robots.txt: SITE at build time
  // (README, "Publishing").
  site: siteUrl(process.env.SITE),
  trailingSlash: 'always',
  integrations: [lessonImports(), mdx(), svelte(), sitemap({ filter: (page) => !page.includes('/authoring/') && !page.endsWith('/offline/') }), islandStylesInHead(), searchIndex(), offline(), securityHeaders()],
  // A strict Content-Security-Policy on every page (no 'unsafe-inline'): src/integrations/security.mjs.
  security: { csp: csp() },
  // Astro's default processor (Sätteri) with two small hast plugins of our own (table wrapping and
  // citation keeping): unified with rehype plugins made the build about twice as slow (issue #13).
  // No syntax highlighting: the course has no code, and Shiki's inline styles would need 'unsafe-inline'.
  // Two mdast plugins: each lesson's key points as data (src/integrations/key-points.mjs, for /learned/),
  // and its slides split on the MDX tree (src/integrations/deck-plan.mjs, for the deck views).
  markdown: { processor: satteri({ mdastPlugins: [keyPoints, deckSlides], hastPlugins: courseHastPlugins }), syntaxHighlight: false },
  build: { format: 'directory' },
  // Keep small scripts in their own files so the size report and the CSP see every byte.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // The shared runtimes get their own long-cached chunks, and the size report can tell an
          // island's own code from the runtime it shares with the other islands.
          manualChunks(id) {
            if (id.includes('/node_modules/xstate/')) return 'runtime-xstate';
            if (id.includes('/node_modules/svelte/')) return 'runtime-svelte';
            // What every page runs (the storage door, preferences, theme toggle) in one small file.
            if (/\/src\/(platform\/(storage|prefs)|components\/theme|features\/(offline\/register|review\/(peek|due-count)))\.ts/.test(id)) return 'core';
            // Reading progress and telling its problem, shared by every page that shows progress
            // (path, lesson, learned, certificate, progress, assessment) instead of copied.
            if (/\/src\/(features\/progress\/(record|peek|watch|notice)|platform\/tab|features\/path\/course)\.ts/.test(id)) return 'progress-read';
            // Writing progress (the store, merge, compaction), shared by the pages that write it.
            if (/\/src\/features\/progress\/(base|merge|compact|notice-store)\.ts/.test(id)) return 'progress-store';
            // The quiz's styles in one stylesheet (else two byte-identical copies on every lesson).
            if (/\/src\/features\/quiz\/Quiz[A-Za-z]*\.svelte\?svelte&type=style/.test(id)) return 'quiz';
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
