// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { courseHastPlugins } from './src/integrations/satteri-course.mjs';
import islandStylesInHead from './src/integrations/island-styles-in-head.mjs';
import { siteUrl } from './src/integrations/site-url.mjs';

// The site is static: every page is HTML on disk, served from localhost or any static host.
export default defineConfig({
  // The address the course is published at, for the sitemap and robots.txt: SITE at build time
  // (README, "Publishing").
  site: siteUrl(process.env.SITE),
  trailingSlash: 'always',
  integrations: [mdx(), svelte(), sitemap({ filter: (page) => !page.includes('/authoring/') }), islandStylesInHead()],
  // Astro's default processor (Sätteri) with two small hast plugins of our own (table wrapping and
  // citation keeping): unified with rehype plugins made the build about twice as slow (issue #13).
  markdown: { processor: satteri({ hastPlugins: courseHastPlugins }) },
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
            // What every page runs (theme toggle, preferences) in one small file.
            if (/\/src\/(lib\/prefs|scripts\/theme)\.ts/.test(id)) return 'core';
            // What every page that shows progress runs: reading the record, the notice when it
            // cannot be saved, and course completion (src/lib/course.ts), in one small file.
            if (/\/src\/(lib\/progress\/(record|storage|peek)|lib\/course|scripts\/notice)\.ts/.test(id)) return 'record';
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
