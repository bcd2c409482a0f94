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
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
