// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import rehypeTableWrap from './src/lib/rehype-table-wrap.mjs';

// The site is static: every page is HTML on disk, served from localhost or any static host.
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx(), svelte(), sitemap()],
  // unified (remark/rehype) rather than the default Sätteri, for a small rehype plugin of our own.
  markdown: { processor: unified({ rehypePlugins: [rehypeTableWrap] }) },
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
            if (/\/src\/(platform\/(storage|prefs)|lib\/prefs|scripts\/theme)\.ts/.test(id)) return 'core';
            // Reading progress and telling its problem, shared by every page that shows progress
            // (path, lesson, learned, certificate, progress, assessment) instead of copied.
            if (/\/src\/(features\/progress\/(record|peek|watch)|platform\/tab|scripts\/notice)\.ts/.test(id)) return 'progress-read';
            // Writing progress (the store, merge, compaction), shared by the pages that write it.
            if (/\/src\/(features\/progress\/(base|merge|compact)|scripts\/notice-store)\.ts/.test(id)) return 'progress-store';
          },
        },
      },
    },
  },
  devToolbar: { enabled: false },
});
