/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
import { svelteTesting } from '@testing-library/svelte/vite';
import { assertNode22 } from './scripts/node-guard.mjs';

assertNode22('vitest');

// getViteConfig gives the tests Astro's own Vite setup (astro/zod, the Svelte compiler).
export default getViteConfig({
  plugins: [svelteTesting({ resolveBrowser: false })],
  resolve: { conditions: ['module', 'browser', 'development|production'] },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // Every fast-check property honours FC_NUM_RUNS and prints its seed (tests/setup/fast-check.ts).
    setupFiles: ['tests/setup/fast-check.ts'],
    environment: 'node',
    // Component tests declare `// @vitest-environment jsdom` at the top of the file.
    testTimeout: 20_000,
  },
});
