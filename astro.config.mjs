// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import svelte from '@astrojs/svelte';
import sitemap from '@astrojs/sitemap';

// The site is static: every page is HTML on disk, served from localhost or any static host.
export default defineConfig({
  site: 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [mdx(), svelte(), sitemap()],
  build: { format: 'directory' },
  // Keep small scripts in their own files so the size report and the CSP see every byte.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
});
